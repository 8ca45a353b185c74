// Entry point: the only module touching `process`. Builds the Io, runs the CLI, exits with its code.
import crypto from "node:crypto";
import os from "node:os";
import v8 from "node:v8";
import { runCli } from "./cli.js";
import type { Io } from "./io.js";

function stdinLineReader(signal: AbortSignal): () => Promise<string | null> {
  let buffer = "";
  let ended = false;
  let started = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  return async () => {
    if (!started) {
      started = true;
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", (chunk: string) => {
        buffer += chunk;
        wake();
      });
      process.stdin.on("end", () => {
        ended = true;
        wake();
      });
      process.stdin.on("error", () => {
        ended = true;
        wake();
      });
      signal.addEventListener("abort", () => {
        ended = true;
        wake();
      });
    }
    process.stdin.resume();
    for (;;) {
      const newline = buffer.indexOf("\n");
      if (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        process.stdin.pause();
        return line;
      }
      if (ended) {
        if (buffer) {
          const line = buffer;
          buffer = "";
          return line;
        }
        return null;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
}

function monotonicMicros(): () => number {
  let last = 0;
  return () => {
    const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    last = now > last ? now : last + 1;
    return last;
  };
}

async function flush(stream: NodeJS.WriteStream): Promise<void> {
  await new Promise<void>((resolve) => stream.write("", () => resolve()));
}

/** 0, 1, 2, ... one number per call. */
function counterFrom(first: number): () => number {
  let next = first;
  return () => next++;
}

const HELD_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Signals keep their default action (the process ends, even mid-computation) except while held: then
 * the first one aborts `controller` for the running op to pass on, and the CLI records the run.
 */
function signalHolder(controller: AbortController): () => () => void {
  let holds = 0;
  const onSignal = (signal: NodeJS.Signals) => controller.abort(signal);
  return () => {
    if (holds++ === 0) for (const signal of HELD_SIGNALS) process.on(signal, onSignal);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--holds === 0) for (const signal of HELD_SIGNALS) process.off(signal, onSignal);
    };
  };
}

async function main(argv: string[], selfCommand: string[]): Promise<void> {
  const controller = new AbortController();
  // A closed pipe (e.g. `guild ... | head`) is not an error of ours.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  const holdSignals = signalHolder(controller);
  const io: Io = {
    cwd: process.cwd(),
    env: { ...process.env },
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readLine: stdinLineReader(controller.signal),
    nowMicros: monotonicMicros(),
    newRunId: () => crypto.randomUUID().replace(/-/g, ""),
    randomSeed: () => crypto.randomInt(0, 2 ** 32 + 1),
    hostname: os.hostname(),
    pid: process.pid,
    nextEventWriterId: counterFrom(0),
    interrupt: controller.signal,
    holdSignals,
    selfCommand,
  };
  let code: number;
  try {
    code = await runCli(argv, io);
  } catch (error) {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    code = 1;
  }
  await flush(process.stdout);
  await flush(process.stderr);
  process.exit(code);
}

// Built into a start-up snapshot (scripts/build.mjs), the CLI starts when the snapshot is loaded:
// then argv holds no script path, only `node` and the arguments.
if (v8.startupSnapshot?.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(() => void main(process.argv.slice(1), [process.execPath, ...process.execArgv]));
else void main(process.argv.slice(2), [process.execPath, ...process.execArgv, process.argv[1]]);
