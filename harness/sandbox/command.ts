// Runs one shell command in its own process group, stdout and stderr on one pipe, with a timeout.
import { execa } from "execa";
import { CappedOutput, DEFAULT_OUTPUT_LIMIT_BYTES } from "./capped-output.js";
import type { HostServices } from "./host.js";
import { PROCESS_TAG_VARIABLE, killProcessesOf } from "./process-tree.js";

export interface CommandRequest {
  command: string;
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds: number;
  /**
   * Put in the environment of every process the command starts, so that at its timeout (or an
   * interrupt) even those that left its process group or session are found and killed.
   */
  tag?: string;
  /** Most bytes of output kept; the rest is read and dropped (default 4 MB). */
  outputLimitBytes?: number;
  /** How the output's bytes are read as text (default utf8). */
  encoding?: "utf8" | "latin1";
}

export interface CommandResult {
  /** Everything the command wrote to stdout and stderr, in the order written (up to the limit). */
  output: string;
  exitCode: number;
  timedOut: boolean;
  /** The user interrupted the run: the command was killed, or never started. */
  interrupted: boolean;
  /** Bytes of output past the limit, read and dropped. */
  droppedBytes: number;
}

/** Exit code of a command killed at its timeout: Python reports a death by SIGKILL as -9. */
export const TIMEOUT_EXIT_CODE = -9;

export async function runCommand(request: CommandRequest, host: HostServices): Promise<CommandResult> {
  if (host.interrupt?.aborted) return { output: "", exitCode: TIMEOUT_EXIT_CODE, timedOut: false, interrupted: true, droppedBytes: 0 };
  // `exec 2>&1` makes the shell's stderr the stdout pipe, so both streams keep their order.
  const script = `exec 2>&1\nset -eu\n${request.command}`;
  const env = request.tag === undefined ? request.env : { ...request.env, [PROCESS_TAG_VARIABLE]: request.tag };
  const child = execa("/bin/sh", ["-c", script], {
    cwd: request.cwd,
    env,
    extendEnv: false,
    stdin: "ignore",
    stderr: "ignore",
    detached: true,
    reject: false,
    buffer: false,
  });
  const output = new CappedOutput(request.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES, request.encoding);
  child.stdout?.on("data", (chunk: Buffer) => output.append(chunk));
  const target = { pid: child.pid, tag: request.tag };
  let stopping: Promise<void> | null = null;
  let timedOut = false;
  let interrupted = false;
  const stop = () => {
    stopping ??= killProcessesOf(target, host.kill);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, request.timeoutSeconds * 1000);
  const onInterrupt = () => {
    interrupted = true;
    stop();
  };
  host.interrupt?.addEventListener("abort", onInterrupt, { once: true });
  try {
    const result = await child;
    const exitCode = timedOut || interrupted ? TIMEOUT_EXIT_CODE : (result.exitCode ?? -signalNumber(result.signal ?? "SIGKILL"));
    return { output: output.text(), exitCode, timedOut, interrupted, droppedBytes: output.droppedBytes };
  } finally {
    clearTimeout(timer);
    host.interrupt?.removeEventListener("abort", onInterrupt);
    // Anything the command left running in its group goes with it; a kill under way is finished.
    if (child.pid !== undefined) {
      try {
        host.kill(-child.pid, "SIGKILL");
      } catch {
        // Nothing left.
      }
    }
    await stopping;
  }
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

function signalNumber(signal: string): number {
  return SIGNALS[signal] ?? 0;
}
