// Line alignment and patch hunks from the `diff` package (its only importer).
import { diffArrays, structuredPatch } from "diff";

export type LineChange = { kind: "equal" | "removed" | "added"; count: number };
export type Hunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: string[] };

/** Edit budget; past it callers fall back to showing everything as changed. */
const MAX_EDIT_LENGTH = 1500;

/** Aligns two line arrays; undefined when they differ too much to align cheaply. */
export function alignLineArrays<T>(
  expected: T[],
  actual: T[],
  equal: (expectedLine: T, actualLine: T) => boolean,
): LineChange[] | undefined {
  const changes = diffArrays(expected, actual, { comparator: equal, maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return undefined;
  return changes.map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "equal",
    count: change.count ?? change.value.length,
  }));
}

/** Unified-diff hunks (lines prefixed " ", "-", "+") of two texts that end with a newline. */
export function patchHunks(expected: string, actual: string, context: number): Hunk[] {
  const patch = structuredPatch("expected", "actual", expected, actual, undefined, undefined, {
    context,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!patch) return [wholeTextHunk(expected, actual)];
  return patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({ oldStart, oldLines, newStart, newLines, lines }));
}

function wholeTextHunk(expected: string, actual: string): Hunk {
  const removed = expected === "" ? [] : expected.replace(/\n$/, "").split("\n");
  const added = actual === "" ? [] : actual.replace(/\n$/, "").split("\n");
  return {
    oldStart: removed.length === 0 ? 0 : 1,
    oldLines: removed.length,
    newStart: added.length === 0 ? 0 : 1,
    newLines: added.length,
    lines: [...removed.map((line) => "-" + line), ...added.map((line) => "+" + line)],
  };
}
