// Line alignment and patch hunks from the `diff` package (the only module of the harness that imports it).
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
 * text are equal under any comparison, and the diff takes the equal first lines as they stand
 * before it searches, so those are set aside unkeyed: a long output whose change comes late costs
 * its length once. (Equal last lines are not: the diff may align a change into them.)
 */
export function alignLineArrays<K>(
  expected: string[],
  actual: string[],
  comparison: LineComparison<K> | LineComparison<string> = SAME_TEXT,
): LineChange[] | undefined {
  const head = commonPrefix(expected, actual);
  const expectedRest = expected.slice(head);
  const actualRest = actual.slice(head);
  // Lines of different text may still compare equal, so only the sizes bound the edits then.
  const hopeless = comparison === SAME_TEXT ? surelyBeyondBudget : sizesBeyondBudget;
  if (hopeless(expectedRest, actualRest)) return undefined;
  const { keys, equal } = comparison as LineComparison<K>;
  const rest = diffArrays(keys(expectedRest, "expected", head), keys(actualRest, "actual", head), {
    comparator: equal,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!rest) return undefined;
  const changes: LineChange[] = head > 0 ? [{ kind: "equal", count: head }] : [];
  for (const change of rest) {
    const kind = change.added ? "added" : change.removed ? "removed" : "equal";
    const count = change.count ?? change.value.length;
    // The set-aside lines and the diff's own first equal lines are one run.
    const last = changes.at(-1);
    if (last && last.kind === kind) last.count += count;
    else changes.push({ kind, count });
  }
  return changes;
}

/**
 * Unified-diff hunks (lines prefixed " ", "-", "+") of two texts that end with a newline. Equal
 * first lines beyond the context are left out of the diff and its line numbers shifted.
 */
export function patchHunks(expected: string, actual: string, context: number): Hunk[] {
  const expectedLines = textLines(expected);
  const actualLines = textLines(actual);
  const head = Math.max(0, commonPrefix(expectedLines, actualLines) - context);
  const expectedRest = expectedLines.slice(head);
  const actualRest = actualLines.slice(head);
  if (surelyBeyondBudget(expectedRest, actualRest)) return [wholeTextHunk(expectedLines, actualLines)];
  const text = (lines: string[]) => lines.map((line) => line + "\n").join("");
  const patch = structuredPatch("expected", "actual", text(expectedRest), text(actualRest), undefined, undefined, {
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

/** Whether the sizes alone need more additions or removals than the edit budget allows. */
function sizesBeyondBudget(expected: unknown[], actual: unknown[]): boolean {
  return Math.abs(expected.length - actual.length) > MAX_EDIT_LENGTH;
}

/**
 * Whether lines compared by their text need more additions and removals than the edit budget:
 * every line without a same-text partner on the other side is one of them, whatever the order.
 * The diff would give up on such texts too, after its whole budget's work.
 */
function surelyBeyondBudget(expected: string[], actual: string[]): boolean {
  if (sizesBeyondBudget(expected, actual)) return true;
  const unpaired = new Map<string, number>();
  for (const line of expected) unpaired.set(line, (unpaired.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of actual) {
    const left = unpaired.get(line) ?? 0;
    if (left > 0) unpaired.set(line, left - 1);
    else added++;
  }
  const removed = expected.length - (actual.length - added);
  return added + removed > MAX_EDIT_LENGTH;
}

/** How many first lines the two sides share. */
function commonPrefix(a: string[], b: string[]): number {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a[head] === b[head]) head++;
  return head;
}

/** The lines of a text (none for the empty text); a final newline ends the last line. */
function textLines(text: string): string[] {
  return text === "" ? [] : text.replace(/\n$/, "").split("\n");
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
