// Timing helpers for benchmarks: median wall time of repeated runs, and a row printer.
import { performance } from "node:perf_hooks";
import { execa } from "execa";

export interface BenchRow {
  name: string;
  seconds: number;
  /** Name of the row this one is compared to (measured in the same run). */
  baseline?: string;
  target?: string;
  note?: string;
}

export async function medianSeconds(repetitions: number, action: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < repetitions; index += 1) {
    const start = performance.now();
    await action();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Runs a command to completion; fails loudly when it exits non-zero. */
export async function runQuiet(file: string, args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<void> {
  await execa(file, args, { cwd: options.cwd, env: options.env, stdin: "ignore", stdout: "ignore", stderr: "pipe" });
}

export function formatRows(rows: readonly BenchRow[]): string {
  const byName = new Map(rows.map((row) => [row.name, row]));
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row) => {
      const base = row.baseline ? byName.get(row.baseline) : undefined;
      const ratio = base ? `  ${(row.seconds / base.seconds).toFixed(2)}x ${row.baseline}` : "";
      const target = row.target ? `  (target: ${row.target})` : "";
      const note = row.note ? `  ${row.note}` : "";
      return `${row.name.padEnd(width)}  ${formatDuration(row.seconds)}${ratio}${target}${note}`;
    })
    .join("\n");
}

/** Milliseconds, or microseconds below one millisecond (per-example costs are that small). */
function formatDuration(seconds: number): string {
  return seconds < 0.001 ? `${(seconds * 1e6).toFixed(1).padStart(9)} µs` : `${(seconds * 1000).toFixed(1).padStart(9)} ms`;
}
