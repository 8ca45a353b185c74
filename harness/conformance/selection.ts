// `PATH:LINE` arguments: run (or update) only the examples at those lines of a transcript.
import fs from "node:fs";
import path from "node:path";
import type { Example } from "../transcript/index.js";

/** Transcript paths, and for those named with `:LINE`, the lines asked for (absolute path -> lines). */
export interface Selection {
  paths: string[];
  lines: Map<string, number[]>;
}

/**
 * Splits `a.md:12` into the path `a.md` and line 12 when `a.md:12` is not itself a file and
 * `a.md` is. Several lines of one transcript add up; a transcript also named without a line
 * runs whole. Anything else is a path as given.
 */
export function splitLineSelections(args: readonly string[], cwd: string): Selection {
  const paths: string[] = [];
  const lines = new Map<string, number[]>();
  const whole = new Set<string>();
  for (const arg of args) {
    const match = /^(.+):(\d+)$/.exec(arg);
    if (match && !fs.existsSync(path.resolve(cwd, arg)) && isFile(path.resolve(cwd, match[1]!))) {
      const absolute = path.resolve(cwd, match[1]!);
      if (!lines.has(absolute)) paths.push(match[1]!);
      lines.set(absolute, [...(lines.get(absolute) ?? []), Number(match[2])]);
    } else {
      paths.push(arg);
      whole.add(path.resolve(cwd, arg));
    }
  }
  for (const absolute of whole) lines.delete(absolute);
  return { paths: [...new Set(paths)], lines };
}

/**
 * The indexes of the examples that hold the given lines (any line from the first prompt to the
 * last line of expected output), in order; `missing` lists the lines no example holds.
 */
export function examplesAtLines(examples: readonly Example[], lines: readonly number[]): { indexes: number[]; missing: number[] } {
  const indexes = new Set<number>();
  const missing: number[] = [];
  for (const line of lines) {
    const example = examples.find((candidate) => candidate.sourceLine <= line && line <= Math.max(candidate.sourceEndLine, candidate.wantEndLine));
    if (example) indexes.add(example.index);
    else missing.push(line);
  }
  return { indexes: [...indexes].sort((a, b) => a - b), missing };
}

function isFile(target: string): boolean {
  try {
    return fs.statSync(target).isFile();
  } catch {
    return false;
  }
}
