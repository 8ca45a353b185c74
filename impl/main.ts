// Entry point: the only module touching `process`. Builds the Io, runs the CLI, exits with its code.
import os from "node:os";
import { runCli } from "./cli.js";
import type { Io } from "./io.js";
import { userEnv } from "./launcher-env.js";
import { randomRunId, randomSeed } from "./random.js";

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

/**
 * Wall clock in microseconds, never repeating: the time at start plus the monotonic clock since
 * (performance.now() would load perf_hooks, a few milliseconds that listing commands need not pay).
 */
function monotonicMicros(): () => number {
  const originMicros = Date.now() * 1000 - Number(process.hrtime.bigint() / 1000n);
  let last = 0;
  return () => {
    const now = originMicros + Number(process.hrtime.bigint() / 1000n);
    last = now > last ? now : last + 1;
    return last;
  };
}

async function flush(stream: NodeJS.WriteStream): Promise<void> {
  await new Promise<void>((resolve) => stream.write("", () => resolve()));
}

/**
 * process.stdout or process.stderr, made when first written to: making a stream costs a few
 * milliseconds that a command writing nothing to it (`guild --help` and stderr) need not pay.
 */
function lazyStream(open: () => NodeJS.WriteStream): { write: (text: string) => void; flush: () => Promise<void> } {
  let stream: NodeJS.WriteStream | undefined;
  const get = () => {
    if (!stream) {
      stream = open();
      // A closed pipe (e.g. `guild ... | head`) is not an error of ours.
      stream.on("error", () => undefined);
    }
    return stream;
  };
  return { write: (text) => void get().write(text), flush: async () => (stream ? flush(stream) : undefined) };
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
  const stdout = lazyStream(() => process.stdout);
  const stderr = lazyStream(() => process.stderr);
  const holdSignals = signalHolder(controller);
  const io: Io = {
    cwd: process.cwd(),
    env: userEnv(process.env),
    stdout: stdout.write,
    stderr: stderr.write,
    readLine: stdinLineReader(controller.signal),
    nowMicros: monotonicMicros(),
    newRunId: randomRunId,
    randomSeed: () => randomSeed(),
    hostname: os.hostname(),
    terminalColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
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
    stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    code = 1;
  }
  await stdout.flush();
  await stderr.flush();
  process.exit(code);
}

void main(process.argv.slice(2), [process.execPath, ...process.execArgv, process.argv[1]]);
