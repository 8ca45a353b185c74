// One transcript being run: its examples in order over one interpreter and one sandbox.
import fs from "node:fs";
import path from "node:path";
import { PyError, createInterpreter, formatTraceback, pyDict, pyStr, type ExecResult, type Interpreter, type PyDict, type PyValue } from "../py/index.js";
import { bashCommandOf, parseTranscript, effectiveOptions, skipReason, type Example, type Transcript } from "../transcript/index.js";
import { checkExample, replaceWants, updateExpected } from "../match/index.js";
import { helperGlobals, type HelperState } from "../globals/index.js";
import { Sandbox } from "../sandbox/sandbox.js";
import type { HostServices } from "../sandbox/host.js";
import type { ExampleOutcome } from "./outcome.js";

export interface SessionConfig {
  host: HostServices;
  /** Shell command that stands in for `guild` (another implementation); the reference CLI by default. */
  implCommand?: string;
  /** Keep the sandbox on disk after the transcript ends. */
  keepSandbox: boolean;
  defaultTimeoutSeconds?: number;
  tempRoot?: string;
  /** The transcript's path as messages show it (default: the path given). */
  displayPath?: string;
}

/** What running examples needs, made when the first example runs. */
interface Workspace {
  sandbox: Sandbox;
  state: HelperState;
  globals: Record<string, PyValue>;
  interpreter: Interpreter;
}

export class TranscriptSession {
  readonly transcript: Transcript;
  readonly displayPath: string;
  private workspace: Promise<Workspace> | null = null;
  private sandbox: Sandbox | null = null;
  private readonly outcomes = new Map<number, ExampleOutcome>();
  private output = "";
  private bashEnv = new Map<string, string>();
  private stopped = false;

  /** Parses the transcript; its sandbox is made when the first example runs. */
  constructor(readonly file: string, text: string, readonly config: SessionConfig) {
    this.displayPath = config.displayPath ?? file;
    this.transcript = parseTranscript(text, this.displayPath);
  }

  static fromFile(file: string, config: SessionConfig): TranscriptSession {
    return new TranscriptSession(file, fs.readFileSync(file, "utf8"), config);
  }

  get examples(): readonly Example[] {
    return this.transcript.examples;
  }

  /** The sandbox's folder (there is one once an example has run). */
  get sandboxRoot(): string {
    if (this.sandbox === null) throw new Error(`${this.displayPath}: no example has run, so there is no sandbox yet`);
    return this.sandbox.root;
  }

  /** Runs example `index`, first running (silently) any earlier example not run yet. */
  async run(index: number): Promise<ExampleOutcome> {
    for (let earlier = 0; earlier < index; earlier += 1) {
      if (!this.outcomes.has(earlier)) await this.execute(earlier);
    }
    return this.outcomes.get(index) ?? (await this.execute(index));
  }

  /** Runs every example in order. */
  async runAll(): Promise<ExampleOutcome[]> {
    const outcomes: ExampleOutcome[] = [];
    for (let index = 0; index < this.examples.length; index += 1) outcomes.push(await this.run(index));
    return outcomes;
  }

  /**
   * Update mode: the transcript text with the expected output of every failed example rewritten
   * to what it printed, keeping wildcards that still match. Equal to the original when none failed.
   */
  updatedText(): { text: string; updated: number } {
    const updates = [...this.outcomes.values()]
      .flatMap((outcome) => (outcome.kind === "mismatch" ? [{ example: outcome.example, want: updateExpected(outcome.check) }] : []))
      .filter((update) => update.want !== update.example.want);
    if (updates.length === 0) return { text: this.transcript.text, updated: 0 };
    return { text: replaceWants(this.transcript.text, updates), updated: updates.length };
  }

  /** Removes the sandbox unless it is to be kept. */
  async close(): Promise<void> {
    if (this.workspace === null) return;
    const { sandbox } = await this.workspace;
    await sandbox.close();
  }

  private start(): Promise<Workspace> {
    this.workspace ??= this.createWorkspace();
    return this.workspace;
  }

  private async createWorkspace(): Promise<Workspace> {
    const { config } = this;
    const sandbox = await Sandbox.create({
      transcriptDir: path.dirname(path.resolve(this.file)),
      hostPath: config.host.env.PATH ?? "/usr/bin:/bin",
      referenceBinDir: config.host.referenceBinDir,
      pythonBinDir: config.host.pythonBinDir,
      implCommand: config.implCommand,
      tempRoot: config.tempRoot,
      keep: config.keepSandbox,
    });
    this.sandbox = sandbox;
    const env = pyDict([...sandbox.env].map(([name, value]) => [pyStr(name), pyStr(value)] as const));
    const state: HelperState = {
      sandbox,
      host: config.host,
      print: (text) => {
        this.output += text;
      },
      notes: [],
      defaultTimeoutSeconds: config.defaultTimeoutSeconds ?? 60,
      env,
      environment: () => environmentOf(env, this.bashEnv),
    };
    const globals = helperGlobals(state);
    return { sandbox, state, globals, interpreter: createInterpreter({ globals, print: state.print, clock: config.host.now }) };
  }

  private async execute(index: number): Promise<ExampleOutcome> {
    const example = this.examples[index];
    const options = effectiveOptions(this.transcript, example);
    const skip = this.stopped ? "an earlier example failed (REPORT_ONLY_FIRST_FAILURE)" : skipReason(options, this.config.host.platform);
    if (skip !== null) return this.record(index, { kind: "skipped", example, reason: skip });
    const workspace = await this.start();
    this.output = "";
    workspace.state.notes = [];
    const result = await this.evaluate(workspace, example, options);
    if (result.kind === "syntax-error") {
      const location = { path: this.displayPath, line: example.sourceLine + result.lineOffset };
      return this.record(index, { kind: "error", example, location, message: `SyntaxError: ${result.message}` });
    }
    const matchContext = { kind: this.transcript.kind, platform: this.config.host.platform };
    const check = checkExample(example.want, this.output, options, matchContext, result.kind === "error" ? result.traceback : undefined);
    if (check.passed) return this.record(index, { kind: "passed", example });
    if (options.REPORT_ONLY_FIRST_FAILURE) this.stopped = true;
    return this.record(index, { kind: "mismatch", example, check, notes: [...workspace.state.notes] });
  }

  private async evaluate(workspace: Workspace, example: Example, options: Record<string, boolean>): Promise<ExecResult> {
    if (example.kind === "shell") return this.evaluateShell(workspace, example.source, options);
    return workspace.interpreter.execute(example.source);
  }

  /** Bash-style examples: `cd`, `export` and `unset` change state; anything else is `run(cmd)`. */
  private async evaluateShell(workspace: Workspace, source: string, options: Record<string, boolean>): Promise<ExecResult> {
    const command = bashCommandOf(source, options);
    switch (command.kind) {
      case "cd":
        return callGlobal(workspace, "cd", [pyStr(command.path)]);
      case "export":
        this.bashEnv.set(command.name, command.value);
        return { kind: "ok" };
      case "unset":
        this.bashEnv.delete(command.name);
        return { kind: "ok" };
      case "run":
        return callGlobal(workspace, "run", [pyStr(command.command)]);
    }
  }

  private record(index: number, outcome: ExampleOutcome): ExampleOutcome {
    this.outcomes.set(index, outcome);
    return outcome;
  }
}

/** Calls a helper directly (bash examples need no parsing); a Python error prints its traceback. */
async function callGlobal(workspace: Workspace, name: string, args: PyValue[]): Promise<ExecResult> {
  const helper = workspace.globals[name];
  if (helper?.kind !== "function") throw new Error(`no helper function ${name}`);
  try {
    await helper.impl(args, new Map());
    return { kind: "ok" };
  } catch (error) {
    if (!(error instanceof PyError)) throw error;
    const traceback = formatTraceback(error, 1);
    workspace.state.print(traceback);
    return { kind: "error", exception: error, traceback };
  }
}

function environmentOf(env: PyDict, overrides: Map<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { key, value } of env.entries.values()) {
    if (key.kind === "str" && value.kind === "str") result[key.value] = value.value;
  }
  for (const [name, value] of overrides) result[name] = value;
  return result;
}

