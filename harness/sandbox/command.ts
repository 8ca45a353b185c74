// Runs one shell command in its own process group, stdout and stderr on one pipe, with a timeout.
import { execa } from "execa";
import type { HostServices } from "./host.js";

export interface CommandRequest {
  command: string;
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds: number;
}

export interface CommandResult {
  /** Everything the command wrote to stdout and stderr, in the order written. */
  output: string;
  exitCode: number;
  timedOut: boolean;
}

/** Exit code of a command killed at its timeout: Python reports a death by SIGKILL as -9. */
export const TIMEOUT_EXIT_CODE = -9;

export async function runCommand(request: CommandRequest, host: HostServices): Promise<CommandResult> {
  // `exec 2>&1` makes the shell's stderr the stdout pipe, so both streams keep their order.
  const script = `exec 2>&1\nset -eu\n${request.command}`;
  const child = execa("/bin/sh", ["-c", script], {
    cwd: request.cwd,
    env: request.env,
    extendEnv: false,
    stdin: "ignore",
    stderr: "ignore",
    detached: true,
    reject: false,
    stripFinalNewline: false,
    encoding: "utf8",
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        host.killProcessGroup(child.pid, "SIGKILL");
      } catch {
        // The group is already gone.
      }
    }
  }, request.timeoutSeconds * 1000);
  try {
    const result = await child;
    const output = typeof result.stdout === "string" ? result.stdout : "";
    const exitCode = timedOut ? TIMEOUT_EXIT_CODE : result.exitCode ?? -signalNumber(result.signal ?? "SIGKILL");
    return { output, exitCode, timedOut };
  } finally {
    clearTimeout(timer);
    // Anything the command left running in its group goes with it.
    if (child.pid !== undefined) {
      try {
        host.killProcessGroup(child.pid, "SIGKILL");
      } catch {
        // Nothing left.
      }
    }
  }
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

function signalNumber(signal: string): number {
  return SIGNALS[signal] ?? 0;
}
