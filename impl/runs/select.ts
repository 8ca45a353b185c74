// Run selection specs: 1-based indexes, `A:B` ranges and id prefixes, with Guild's error messages.
import { CliError, type Io } from "../io.js";
import type { Run } from "./run.js";

/** Guild's hint naming the command: `Try 'guild runs list' for a list or '<cmd> --help' ...`. */
function noMatchError(spec: string, commandPath: string | null): CliError {
  const more = commandPath ? ` or '${commandPath} --help' for more information` : "";
  return new CliError(`could not find a run matching '${spec}'\nTry 'guild runs list' for a list${more}.`);
}

/** Thrown when a spec matches several runs; the message lines go to stderr before exit 1. */
export class MultipleRunsError extends CliError {
  constructor(readonly spec: string, readonly matches: Run[]) {
    super(null, 1);
  }
  /** Lines Guild prints on stderr (without the trailing newline). */
  get lines(): string[] {
    return [`'${this.spec}' matches multiple runs:`, ...this.matches.map((run) => `  ${run.shortId}`)];
  }
}

/** runs[0] when there is exactly one, else Guild's no-match or multiple-matches error. */
export function oneRun(runs: Run[], spec: string, commandPath: string | null): Run {
  if (runs.length === 1) return runs[0];
  if (runs.length === 0) throw noMatchError(spec, commandPath);
  throw new MultipleRunsError(spec, runs);
}

/** [start, end) slice bounds for an index or range spec, or null when the spec is an id prefix. */
export function parseSlice(spec: string): [number | null, number | null] | null {
  const trimmed = spec.trim();
  if (/^[+-]?\d+$/.test(trimmed.replace(/_/g, "")) && !/^_|_$|__/.test(trimmed)) {
    const index = Number.parseInt(trimmed.replace(/_/g, ""), 10);
    return [index - 1, index];
  }
  const match = /^(\d+)?:(\d+)?/.exec(spec);
  if (!match) return null;
  return [match[1] === undefined ? null : Number.parseInt(match[1], 10) - 1, match[2] === undefined ? null : Number.parseInt(match[2], 10)];
}

function inRange(start: number | null, end: number | null, count: number): boolean {
  return (start === null || start >= 0) && (end === null || end <= count);
}

/** Python slice semantics for non-negative bounds (start may be -1 only when out of range, never here). */
function sliceRuns(runs: Run[], start: number | null, end: number | null): Run[] {
  return runs.slice(start ?? 0, end ?? runs.length);
}

function findById(prefix: string, runs: Run[], commandPath: string | null): Run {
  return oneRun(runs.filter((run) => run.id.startsWith(prefix)), prefix, commandPath);
}

/** Applies specs in order to the filtered, sorted runs; empty specs select every run. */
export function selectRuns(runs: Run[], specs: string[], commandPath: string | null): Run[] {
  if (specs.length === 0) return runs;
  const selected: Run[] = [];
  for (const spec of specs) {
    const slice = parseSlice(spec);
    if (slice && inRange(slice[0], slice[1], runs.length)) selected.push(...sliceRuns(runs, slice[0], slice[1]));
    else selected.push(findById(spec, runs, commandPath));
  }
  return selected;
}

/** Specs with duplicates removed, keeping first occurrences. */
export function uniqueSpecs(specs: string[]): string[] {
  return [...new Set(specs)];
}

/** The single run for `ls`, `select`, `runs info`: spec defaults to "1"; "no matching runs" when none. */
export function selectOneRun(filtered: Run[], spec: string | null, commandPath: string | null): Run {
  if (filtered.length === 0) throw new CliError("no matching runs");
  const runSpec = spec || "1";
  return oneRun(selectRuns(filtered, [runSpec], commandPath), runSpec, commandPath);
}

/** Runs a command body, printing a MultipleRunsError's lines on stderr before it exits 1. */
export async function withSelectionErrors<T>(io: Io, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof MultipleRunsError) {
      for (const line of error.lines) io.stderr(line + "\n");
      throw new CliError(null, 1);
    }
    throw error;
  }
}
