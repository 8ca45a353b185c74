// One transcript being run: its examples in order over one interpreter and one sandbox.
import fs from "node:fs";
import path from "node:path";
import { PyError, createInterpreter, formatTraceback, pyDict, pyStr, type ExecResult, type Interpreter, type PyDict, type PyValue } from "../py/index.js";
import { bashCommandOf, parseTranscript, effectiveOptions, skipReason, type Example, type Transcript } from "../transcript/index.js";
import { checkExample } from "../match/index.js";
import { helperNamespace, type HelperState } from "../globals/index.js";
import { Sandbox } from "../sandbox/sandbox.js";
import type { HostServices } from "../sandbox/host.js";
import { CappedOutput, DEFAULT_OUTPUT_LIMIT_BYTES, formatSize } from "../sandbox/capped-output.js";
import { killProcessesOf, killProcessesOfSync } from "../sandbox/process-tree.js";
import type { ExampleOutcome } from "./outcome.js";
import { planUpdates, type UpdatePlan } from "./update.js";
import { volatileValues } from "./volatile-values.js";
import { writeUpdatePlan } from "./write-transcript.js";

export interface SessionConfig {
  host: HostServices;
  /** Shell command that stands in for `guild` (another implementation); the reference CLI by default. */
  implCommand?: string;
  /** Keep the sandbox on disk after the transcript ends. */
  keepSandbox: boolean;
  defaultTimeoutSeconds?: number;
  /**
   * Most output kept of one command (default 4 MB); an example keeps twice that, so a command
   * cut at the limit still shows its exit status. What is dropped is noted in the report.
   */
  outputLimitBytes?: number;
  tempRoot?: string;
  /** The transcript's path as messages show it (default: the path given). */
  displayPath?: string;
  /** Update mode: each mismatch records the run's volatile values (a walk of the sandbox), which update mode writes as `...`. */
  update?: boolean;
  /**
   * Run examples marked `# doctest: +FIXME` as expected failures instead of skipping them (a
   * front matter `+FIXME` still skips the whole transcript, as in Guild's runner).
   */
  runFixme?: boolean;
}

/** Example `index` run on request: its outcome, and those of the earlier examples run first to get there. */
export interface SelectedRun {
  outcome: ExampleOutcome;
  /** Earlier examples not run before, run silently in order so the example sees the same state. */
  replayed: ExampleOutcome[];
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
  /** How many examples from the first on have an outcome: `run()` looks no further back. */
  private settled = 0;
  private output = new CappedOutput(0);
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

  /** The sandbox's folder, or null when no example has run yet (so none was made). */
  get sandboxDir(): string | null {
    return this.sandbox?.root ?? null;
  }

  /** The sandbox's folder (there is one once an example has run). */
  get sandboxRoot(): string {
    if (this.sandbox === null) throw new Error(`${this.displayPath}: no example has run, so there is no sandbox yet`);
    return this.sandbox.root;
  }

  /** Runs example `index`, first running (silently) any earlier example not run yet. */
  async run(index: number): Promise<ExampleOutcome> {
    return (await this.runSelected(index)).outcome;
  }

  /** Runs example `index` as run() does, and says which earlier examples it ran first. */
  async runSelected(index: number): Promise<SelectedRun> {
    const replayed: ExampleOutcome[] = [];
    for (; this.settled < index; this.settled += 1) {
      if (!this.outcomes.has(this.settled)) replayed.push(await this.execute(this.settled));
    }
    return { outcome: this.outcomes.get(index) ?? (await this.execute(index)), replayed };
  }

  /** Whether the example runs as an expected failure: marked +FIXME, with `runFixme` on. */
  isExpectedFailure(example: Example): boolean {
    return this.config.runFixme === true && example.options.FIXME === true && this.transcript.fileOptions.FIXME !== true;
  }

  /** Runs every example in order. */
  async runAll(): Promise<ExampleOutcome[]> {
    const outcomes: ExampleOutcome[] = [];
    for (let index = 0; index < this.examples.length; index += 1) outcomes.push(await this.run(index));
    return outcomes;
  }

  /**
   * Update mode: the transcript text with the expected output of every mismatched example run so
   * far (or of those in `only`) rewritten to what it printed (see planUpdates). Equal to the text
   * read when none failed.
   */
  planUpdates(only?: ReadonlySet<number>): UpdatePlan {
    // An expected failure keeps the output it should print.
    const outcomes = [...this.outcomes.values()].filter((outcome) => (only === undefined || only.has(outcome.example.index)) && !this.isExpectedFailure(outcome.example));
    return planUpdates(this.transcript, outcomes.sort((a, b) => a.example.index - b.example.index));
  }

  /** Update mode: writes planUpdates() to the transcript's file (see writeUpdatePlan); what was done. */
  writeUpdates(only?: ReadonlySet<number>): UpdatePlan {
    return writeUpdatePlan(this.file, this.transcript.text, this.planUpdates(only));
  }

  /** Update mode for one example that has run: whether its update would be written, or why not. */
  planUpdate(index: number): { updated: boolean; reason?: string } {
    const outcome = this.outcomes.get(index);
    if (outcome?.kind !== "mismatch") return { updated: false };
    const plan = planUpdates(this.transcript, [outcome]);
    return plan.updated.length > 0 ? { updated: true } : { updated: false, reason: plan.refused[0]?.reason };
  }

  /** Stops every process the transcript's commands left running, then removes the sandbox unless it is to be kept. */
  async close(): Promise<void> {
    if (this.workspace === null) return;
    const { sandbox } = await this.workspace;
    await killProcessesOf({ tag: sandbox.root }, this.config.host.kill);
    await sandbox.close();
  }

  /**
   * For a process that is about to die (an interrupt it cannot wait out): kills what the
   * commands left running and removes the sandbox unless it is to be kept, synchronously.
   */
  abandon(): void {
    if (this.sandbox === null) return;
    killProcessesOfSync({ tag: this.sandbox.root }, this.config.host.kill);
    if (!this.config.keepSandbox) fs.rmSync(this.sandbox.root, { recursive: true, force: true });
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
      print: (text) => this.output.append(text),
      notes: [],
      outputLimitBytes: config.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES,
      defaultTimeoutSeconds: config.defaultTimeoutSeconds ?? 60,
      env,
      environment: () => environmentOf(env, this.bashEnv),
    };
    const { globals, modules } = helperNamespace(state);
    return { sandbox, state, globals, interpreter: createInterpreter({ globals, modules, print: state.print, clock: config.host.now }) };
  }

  private async execute(index: number): Promise<ExampleOutcome> {
    const example = this.examples[index];
    const options = effectiveOptions(this.transcript, example);
    const expectedFailure = this.isExpectedFailure(example);
    const skipOptions = expectedFailure ? { ...options, FIXME: false } : options;
    const skip = this.stopped ? "an earlier example failed (REPORT_ONLY_FIRST_FAILURE)" : skipReason(skipOptions, this.config.host.platform);
    if (skip !== null) return this.record(index, { kind: "skipped", example, reason: skip });
    const workspace = await this.start();
    this.output = new CappedOutput(2 * workspace.state.outputLimitBytes);
    workspace.state.notes = [];
    const result = await this.evaluate(workspace, example, options);
    const output = this.output.text();
    if (this.output.truncated) workspace.state.notes.push(`output truncated after ${formatSize(this.output.limitBytes)} (${formatSize(this.output.droppedBytes)} more dropped)`);
    if (result.kind === "syntax-error") {
      const location = { path: this.displayPath, line: example.sourceLine + result.lineOffset };
      return this.record(index, { kind: "error", example, location, message: `SyntaxError: ${result.message}` });
    }
    const matchContext = { kind: this.transcript.kind, platform: this.config.host.platform };
    const check = checkExample(example.want, output, options, matchContext, result.kind === "error" ? result.traceback : undefined);
    if (check.passed) return this.record(index, { kind: "passed", example });
    if (options.REPORT_ONLY_FIRST_FAILURE && !expectedFailure) this.stopped = true;
    const volatile = this.config.update ? volatileValues(workspace.sandbox.root, this.config.host.pythonBinDir) : [];
    return this.record(index, { kind: "mismatch", example, check, notes: [...workspace.state.notes], volatile });
  }

  private async evaluate(workspace: Workspace, example: Example, options: Record<string, boolean>): Promise<ExecResult> {
    if (example.kind === "shell") return this.evaluateShell(workspace, example.source, options);
    return workspace.interpreter.execute(example.source);
  }

  /** Bash-style examples: `cd`, `export`, `unset` and `use_project` change state; anything else is `run(cmd)`. */
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
      case "use_project":
        return callGlobal(workspace, "use_project", [pyStr(command.name)]);
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

