// Entry point for a host that runs the CLI inside its own process (the transcript harness): one command, Io from parameters.
import crypto from "node:crypto";
import os from "node:os";
import { runCli } from "./cli.js";
import type { Io } from "./io.js";
import type { HostedCommand } from "../lib/hosted/command.js";
import { forgetOpDirSuffixes } from "./runs/format.js";

/** Wall clock in microseconds, never repeating within this process (as main.ts keeps it). */
const nowMicros = (() => {
  let last = 0;
  return () => {
    const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    last = now > last ? now : last + 1;
    return last;
  };
})();

/** One writer counter for the hosting process, whose pid every hosted command's event files carry. */
const nextEventWriterId = (() => {
  let next = 0;
  return () => next++;
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
    nextEventWriterId,
    interrupt: command.interrupt,
    hosted: true,
    ...(command.selfCommand ? { selfCommand: command.selfCommand } : {}),
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
