// Entry point for a host that runs the CLI inside its own process (the transcript harness): one command, Io from parameters.
import crypto from "node:crypto";
import os from "node:os";
import { runCli } from "./cli.js";
import type { Io } from "./io.js";
import { forgetOpDirSuffixes } from "./runs/format.js";

/** One `guild` command as the host hands it over: what a spawned process would get. */
export interface HostedCommand {
  argv: string[];
  /** Physical working directory (what the process's getcwd() would return). */
  cwd: string;
  env: Record<string, string>;
  /** stdout and stderr of the command, on one stream in the order written. */
  write: (text: string) => void;
  /** Aborted to stop the command as a signal would (reason: the signal's name). */
  interrupt: AbortSignal;
  /** Process id to record (LOCK files, event file names). */
  pid: number;
}

/** Wall clock in microseconds, never repeating within this process (as main.ts keeps it). */
const nowMicros = (() => {
  let last = 0;
  return () => {
    const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    last = now > last ? now : last + 1;
    return last;
  };
})();


/**
 * Runs one command as `dist/guild.mjs` would in a process of its own: standard input is empty,
 * an uncaught error prints its stack, and the exit code is truncated to 8 bits as the OS does.
 */
export async function runHostedCommand(command: HostedCommand): Promise<number> {
  const io: Io = {
    cwd: command.cwd,
    env: { ...command.env },
    stdout: command.write,
    stderr: command.write,
    readLine: async () => null,
    nowMicros,
    newRunId: () => crypto.randomUUID().replace(/-/g, ""),
    randomSeed: () => crypto.randomInt(0, 2 ** 32 + 1),
    hostname: os.hostname(),
    pid: command.pid,
    interrupt: command.interrupt,
    hosted: true,
  };
  // What a command remembers of the file system does not outlive it, as in a process of its own.
  forgetOpDirSuffixes();
  let code: number;
  try {
    code = await runCli(command.argv, io);
  } catch (error) {
    command.write(`${(error as Error)?.stack ?? String(error)}\n`);
    code = 1;
  }
  return ((Math.trunc(code) % 256) + 256) % 256;
}
