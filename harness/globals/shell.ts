// run(), quiet() and run_capture(): shell commands in the sandbox, printed as Guild's test runner does.
import fs from "node:fs";
import { compilePythonRegex, PythonRegexError } from "../../lib/python/regex.js";
import { strRepr } from "../../lib/python/repr.js";
import { PyError, pyFunction, pyInt, pyNone, pyStr, type PyValue } from "../py/index.js";
import { runCommand, type CommandRequest } from "../sandbox/command.js";
import { plainGuildArgv, runHostedCommand } from "../sandbox/in-process.js";
import { formatSize } from "../sandbox/capped-output.js";
import { bindArgs, type Param } from "./args.js";
import { expectNumber, expectStr, intList, optionalStr, strDict, strList } from "./convert.js";
import { resolvePath, type HelperState } from "./state.js";

const RUN_PARAMS: Param[] = [
  { name: "cmd" },
  { name: "quiet", default: pyNone },
  { name: "ignore", default: pyNone },
  { name: "timeout", default: pyNone },
  { name: "cut", default: pyNone },
  { name: "cwd", default: pyNone },
  { name: "env", default: pyNone },
];

interface RunOptions {
  command: string;
  quiet: boolean;
  ignore: RegExp[] | null;
  timeoutSeconds: number;
  cut: number[] | null;
  cwd: string;
  env: Map<string, string> | null;
}

export function shellGlobals(state: HelperState): Record<string, PyValue> {
  let commands = 0;
  // Each command's processes carry a tag under the sandbox's, so the sandbox can stop them all.
  const execute = (options: RunOptions) => executeCommand(state, options, `${state.sandbox.root}/${(commands += 1)}`);
  return {
    run: pyFunction("run", async (args, kwargs) => {
      const options = readRunOptions(state, "run", args, kwargs);
      const { output, exitCode } = await execute(options);
      if (options.quiet && exitCode === 0) return pyNone;
      state.print((output ? output + "\n" : "") + `<exit ${exitCode}>\n`);
      return pyNone;
    }),
    quiet: pyFunction("quiet", async (args, kwargs) => {
      const options = { ...readRunOptions(state, "quiet", args, kwargs), quiet: true };
      const { output, exitCode } = await execute(options);
      if (exitCode !== 0) state.print((output ? output + "\n" : "") + `<exit ${exitCode}>\n`);
      return pyNone;
    }),
    run_capture: pyFunction("run_capture", async (args, kwargs) => {
      const options = readRunOptions(state, "run_capture", args, kwargs);
      const { output, exitCode } = await execute(options);
      if (exitCode !== 0) {
        // gapi.RunError(cmd, returncode, output): str() is the args tuple; output and returncode are attributes.
        const error = new PyError("RunError", `(${strRepr(options.command)}, ${exitCode}, ${strRepr(output)})`);
        error.args = [pyStr(options.command), pyInt(exitCode), pyStr(output)];
        error.attrs.set("cmd", pyStr(options.command));
        error.attrs.set("returncode", pyInt(exitCode));
        error.attrs.set("output", pyStr(output));
        throw error;
      }
      return pyStr(output);
    }),
  };
}

let helperCommands = 0;

/**
 * Runs a command for another helper (Project's methods): its output stripped, nothing printed,
 * in `cwd` with `env` added to the transcript's environment.
 */
export function runHelperCommand(state: HelperState, command: string, cwd: string, env: Map<string, string>): Promise<{ output: string; exitCode: number }> {
  const options: RunOptions = { command, quiet: false, ignore: null, timeoutSeconds: state.defaultTimeoutSeconds, cut: null, cwd, env };
  return executeCommand(state, options, `${state.sandbox.root}/helper-${(helperCommands += 1)}`);
}

function readRunOptions(state: HelperState, name: string, args: PyValue[], kwargs: Map<string, PyValue>): RunOptions {
  const bound = bindArgs(name, RUN_PARAMS, args, kwargs);
  const quiet = bound.get("quiet")!;
  const timeout = bound.get("timeout")!;
  const cwd = optionalStr(bound.get("cwd"), "cwd");
  return {
    command: expectStr(bound.get("cmd")!, "cmd"),
    quiet: quiet.kind === "bool" ? quiet.value : false,
    ignore: strList(bound.get("ignore"), "ignore")?.map(compileIgnorePattern) ?? null,
    timeoutSeconds: timeout.kind === "none" ? state.defaultTimeoutSeconds : expectNumber(timeout, "timeout"),
    cut: intList(bound.get("cut"), "cut"),
    cwd: cwd === null ? state.sandbox.cwd : resolvePath(state, cwd),
    env: strDict(bound.get("env"), "env"),
  };
}

async function executeCommand(state: HelperState, options: RunOptions, tag: string): Promise<{ output: string; exitCode: number }> {
  const env = state.environment();
  for (const [name, value] of options.env ?? []) env[name] = value;
  // Guild's runner strips the output's bytes and reads them as latin-1.
  const request: CommandRequest = { command: options.command, cwd: options.cwd, env, timeoutSeconds: options.timeoutSeconds, tag, outputLimitBytes: state.outputLimitBytes, encoding: "latin1" };
  const hostedArgv = state.host.hostedCli ? referenceCliArgv(state, request) : null;
  const result = hostedArgv ? await runHostedCommand(state.host.hostedCli!, hostedArgv, request, state.host) : await runCommand(request, state.host);
  if (result.timedOut) {
    state.notes.push(`command timed out after ${options.timeoutSeconds}s and was killed with every process it started: ${options.command}`);
  }
  if (result.droppedBytes > 0) {
    state.notes.push(`output truncated after ${formatSize(state.outputLimitBytes)} (${formatSize(result.droppedBytes)} more dropped): ${options.command}`);
  }
  let output = asciiStrip(result.output);
  if (options.ignore) output = dropMatchingLines(output, options.ignore);
  if (options.cut) output = cutColumns(output, options.cut);
  return { output, exitCode: result.exitCode };
}

/**
 * The argv when the command is a plain `guild ...` that the shell would run as the sandbox's
 * reference CLI (its bin directory first on PATH, no PWD of the transcript's own); else null.
 */
function referenceCliArgv(state: HelperState, request: CommandRequest): string[] | null {
  if (!state.sandbox.runsReferenceCli || request.env.PWD !== undefined) return null;
  const searchPath = request.env.PATH ?? "";
  if (searchPath !== state.sandbox.binDir && !searchPath.startsWith(`${state.sandbox.binDir}:`)) return null;
  return plainGuildArgv(request.command, () => namesIn(request.cwd));
}

/** The names in a directory, none when it cannot be read (the shell then matches nothing either). */
function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Python's `items[index:index + 1]`. */
function sliceOne(items: string[], index: number): string[] {
  const bound = (value: number) => (value < 0 ? Math.max(0, items.length + value) : Math.min(value, items.length));
  return items.slice(bound(index), bound(index + 1));
}

/** bytes.strip(): only ASCII whitespace, as the output is stripped before it is decoded. */
function asciiStrip(text: string): string {
  return text.replace(/^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g, "");
}

function compileIgnorePattern(pattern: string): RegExp {
  try {
    return compilePythonRegex(pattern);
  } catch (error) {
    if (!(error instanceof PythonRegexError)) throw error;
    throw new PyError("re.error", `bad ignore pattern ${strRepr(pattern)}: ${error.message}`);
  }
}

function dropMatchingLines(output: string, patterns: RegExp[]): string {
  return output
    .split("\n")
    .filter((line) => !patterns.some((pattern) => pattern.test(line)))
    .join("\n");
}

/** Keeps the given whitespace-separated columns of every line, joined by single spaces. */
function cutColumns(output: string, columns: number[]): string {
  return output
    .split("\n")
    .map((line) => {
      const cells = line.split(/\s+/).filter((cell) => cell !== "");
      // Guild's cols[i:i + 1]: a negative index counts from the end, and -1 gives nothing.
      return columns.flatMap((column) => sliceOne(cells, column)).join(" ");
    })
    .join("\n");
}

