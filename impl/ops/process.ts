// Running an operation process: output teed to the terminal and .guild/output (+ output.index), LOCK, interrupts.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { closeOutputFiles, openOutputFiles, outputIndexEntry, writeLock, type OutputFiles } from "../../lib/rundir/index.js";
import type { Io } from "../io.js";

/** Receives every completed output line (bytes < 0x09 removed, as Guild feeds its scalar matcher). */
export type OutputLineListener = (line: string, stream: 0 | 1) => void;

export interface ProcessOptions {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  runDir: string;
  io: Io;
  quiet: boolean;
  /** SYNC_RUN_OUTPUT=1: stderr merged into the stdout pipe in write order. */
  syncOutput: boolean;
  /** NO_RUN_OUTPUT=1: the process writes straight to our streams; nothing captured. */
  noOutput: boolean;
  onLine?: OutputLineListener;
  /** Where the op's output goes instead of io.stdout/io.stderr (steps redirect into a parent). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Guild's exit status for a run stopped by Ctrl-C. */
export const KEYBOARD_INTERRUPT = -16;
const TERM_TIMEOUT_MS = 10_000;

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 };

/** A terminal's Ctrl-C reaches the op directly (it shares our process group); a second SIGINT would interrupt its cleanup. */
const SIGINT_FORWARD_DELAY_MS = 250;

/** Signals the op unless it has exited already. */
function signalOp(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/**
 * Passes an interrupt of the CLI on to the op (SIGINT a moment later, when the terminal has not
 * already delivered it), and kills the op when it has not exited TERM_TIMEOUT_MS later.
 */
function forwardInterrupt(child: ChildProcess, reason: unknown): void {
  const signal: NodeJS.Signals = reason === "SIGTERM" || reason === "SIGHUP" ? reason : "SIGINT";
  if (signal === "SIGINT") setTimeout(() => signalOp(child, signal), SIGINT_FORWARD_DELAY_MS).unref();
  else signalOp(child, signal);
  setTimeout(() => signalOp(child, "SIGKILL"), TERM_TIMEOUT_MS).unref();
}

/** Starts the op, tees its output, and resolves with its exit status (negative for signals, -16 on interrupt). */
export async function runProcess(options: ProcessOptions): Promise<number> {
  // A hosted CLI has no streams of its own to hand down: uncaptured output comes through one pipe.
  const forwarded = options.noOutput && !options.quiet && options.io.hosted === true;
  const mergeOutput = (options.syncOutput && !options.noOutput) || forwarded;
  const args = mergeOutput ? ["/bin/sh", "-c", 'exec "$@" 2>&1', "sh", ...options.args] : options.args;
  const captured = !options.noOutput;
  const child = spawn(args[0], args.slice(1), {
    cwd: options.cwd,
    env: options.env,
    // The op stays in our process group, as with Guild: whoever stops the group (a terminal, a
    // harness's timeout) stops the op too, and nothing outlives the CLI.
    detached: false,
    stdio: [
      options.io.hosted ? "ignore" : "inherit",
      captured || forwarded ? "pipe" : options.quiet ? "ignore" : "inherit",
      captured && !options.syncOutput ? "pipe" : captured || forwarded ? "ignore" : options.quiet ? "ignore" : "inherit",
    ],
  });
  const started = new Promise<void>((resolve, reject) => {
    child.once("spawn", () => resolve());
    child.once("error", reject);
  });
  try {
    await started;
  } catch (error) {
    options.io.stderr(`guild: ${(error as Error).message}\n`);
    return 1;
  }
  writeLock(options.runDir, child.pid!);
  const outputFiles: OutputFiles | null = captured ? openOutputFiles(options.runDir) : null;
  const writers = [options.stdout ?? options.io.stdout, options.stderr ?? options.io.stderr];
  const attach = (stream: NodeJS.ReadableStream | null, streamIndex: 0 | 1) => {
    if (!stream) return Promise.resolve();
    const decoder = new StringDecoder("utf8");
    let pending: Buffer = Buffer.alloc(0);
    const writeLine = (line: Buffer) => {
      fs.writeSync(outputFiles!.output, line);
      fs.writeSync(outputFiles!.index, outputIndexEntry(options.io.nowMicros() / 1000, streamIndex));
      if (!options.quiet) writers[streamIndex](decoder.write(line));
      if (options.onLine) options.onLine(line.toString("utf8").replace(/[\x00-\x08]/g, "").replace(/\s+$/, ""), streamIndex);
    };
    return new Promise<void>((resolve) => {
      stream.on("data", (chunk: Buffer) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let newline = pending.indexOf(10);
        while (newline >= 0) {
          writeLine(pending.subarray(0, newline + 1));
          pending = pending.subarray(newline + 1);
          newline = pending.indexOf(10);
        }
      });
      stream.on("end", () => {
        if (pending.length) writeLine(pending);
        if (!options.quiet) {
          const rest = decoder.end();
          if (rest) writers[streamIndex](rest);
        }
        resolve();
      });
    });
  };
  const outputsDone = forwarded ? forward(child.stdout, options.io.stdout) : Promise.all([attach(child.stdout, 0), attach(child.stderr, 1)]);
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    forwardInterrupt(child, options.io.interrupt.reason);
  };
  if (options.io.interrupt.aborted) onInterrupt();
  else options.io.interrupt.addEventListener("abort", onInterrupt, { once: true });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  options.io.interrupt.removeEventListener("abort", onInterrupt);
  await outputsDone;
  if (outputFiles !== null) closeOutputFiles(outputFiles);
  if (interrupted) return KEYBOARD_INTERRUPT;
  if (exit.signal) return -(SIGNAL_NUMBERS[exit.signal] ?? 1);
  return exit.code ?? 1;
}

/** Passes a stream's text on as it comes, for output that is shown but not captured. */
function forward(stream: NodeJS.ReadableStream | null, write: (text: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const decoder = new StringDecoder("utf8");
  return new Promise<void>((resolve) => {
    stream.on("data", (chunk: Buffer) => write(decoder.write(chunk)));
    stream.on("end", () => {
      const rest = decoder.end();
      if (rest) write(rest);
      resolve();
    });
  });
}
