// Line alignment and patch hunks from the `diff` package (its only importer).
import { diffArrays, structuredPatch } from "diff";

export type LineChange = { kind: "equal" | "removed" | "added"; count: number };
export type Hunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: string[] };

/** Edit budget; past it callers fall back to showing everything as changed. */
const MAX_EDIT_LENGTH = 1500;

/**
 * How two lines compare when they are not the same text: each side's lines keyed once (`first` is
 * the index of `lines[0]` in the whole side), then keys compared.
 */
export type LineComparison<K> = {
  keys: (lines: string[], side: "expected" | "actual", first: number) => K[];
  equal: (expectedKey: K, actualKey: K) => boolean;
};

const SAME_TEXT: LineComparison<string> = { keys: (lines) => lines, equal: (a, b) => a === b };

/**
 * Aligns two line arrays; undefined when they differ too much to align cheaply. Lines of the same
 * text are equal under any comparison, so equal first and last lines are taken as they stand and
 * only the lines between are keyed: a long output with a short change costs its length once.
 */
export function alignLineArrays<K>(
  expected: string[],
  actual: string[],
  comparison: LineComparison<K> | LineComparison<string> = SAME_TEXT,
): LineChange[] | undefined {
  const { head, tail } = commonEnds(expected, actual, (a, b) => a === b);
  const { keys, equal } = comparison as LineComparison<K>;
  const expectedKeys = keys(expected.slice(head, expected.length - tail), "expected", head);
  const actualKeys = keys(actual.slice(head, actual.length - tail), "actual", head);
  const middle = diffArrays(expectedKeys, actualKeys, { comparator: equal, maxEditLength: MAX_EDIT_LENGTH });
  if (!middle) return undefined;
  const changes: LineChange[] = head > 0 ? [{ kind: "equal", count: head }] : [];
  for (const change of middle) {
    changes.push({ kind: change.added ? "added" : change.removed ? "removed" : "equal", count: change.count ?? change.value.length });
  }
  if (tail > 0) changes.push({ kind: "equal", count: tail });
  return changes;
}

/**
 * Unified-diff hunks (lines prefixed " ", "-", "+") of two texts that end with a newline. Equal
 * lines at both ends beyond the context are left out of the diff and its line numbers shifted.
 */
export function patchHunks(expected: string, actual: string, context: number): Hunk[] {
  const expectedLines = textLines(expected);
  const actualLines = textLines(actual);
  const ends = commonEnds(expectedLines, actualLines, (a, b) => a === b);
  const head = Math.max(0, ends.head - context);
  const tail = Math.max(0, ends.tail - context);
  const middle = (lines: string[]) => lines.slice(head, lines.length - tail).map((line) => line + "\n").join("");
  const patch = structuredPatch("expected", "actual", middle(expectedLines), middle(actualLines), undefined, undefined, {
    context,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!patch) return [wholeTextHunk(expectedLines, actualLines)];
  return patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({
    oldStart: oldStart + head,
    oldLines,
    newStart: newStart + head,
    newLines,
    lines,
  }));
}

/** How many lines at the start (head) and, after those, at the end (tail) the two arrays share. */
function commonEnds<T>(a: T[], b: T[], equal: (x: T, y: T) => boolean): { head: number; tail: number } {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && equal(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < shorter - head && equal(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  return { head, tail };
}

/** The lines of a text that ends with a newline (none for the empty text). */
function textLines(text: string): string[] {
  return text === "" ? [] : text.slice(0, -1).split("\n");
}

function wholeTextHunk(removed: string[], added: string[]): Hunk {
  return {
    oldStart: removed.length === 0 ? 0 : 1,
    oldLines: removed.length,
    newStart: added.length === 0 ? 0 : 1,
    newLines: added.length,
    lines: [...removed.map((line) => "-" + line), ...added.map((line) => "+" + line)],
  };
}
