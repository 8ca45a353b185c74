// Expected and actual output side by side in one language: what diffs and update mode work on.
import type { CheckResult } from "./check.js";
import { BLANKLINE_MARKER, normalizeWhitespace } from "./doctest-check.js";
import { ellipsisMatch } from "./ellipsis.js";
import { bashNormalizeExit0, normalizeActual } from "./guild-normalize.js";
import type { MatchOptions } from "./options.js";
import { alignLineArrays, type LineComparison } from "./line-diff.js";
import { redactWildcards } from "./redact.js";

export type DisplayPair = {
  /** Expected output as written (with `+NORMALIZE_PATHSEP` applied). */
  expected: string;
  /**
   * Actual output after Guild's transforms, blank lines shown as `<BLANKLINE>`, every region a
   * wildcard matched shown as the wildcard, every line equal to its expected line (under the
   * options) shown as the expected line.
   */
  actual: string;
};

export function displayPair(check: CheckResult): DisplayPair {
  const { expected, actual, options } = check;
  const { kind, platform } = check.context;
  // Passing output may differ in layout (NORMALIZE_WHITESPACE); it still shows as no difference.
  if (check.passed) return { expected, actual: expected };
  const shownExpected =
    options.NORMALIZE_PATHSEP && !options.STRICT && kind === "python"
      ? expected.replaceAll("::", platform === "win32" ? ";" : ":")
      : expected;
  let shownActual = displayActual(expected, actual, options, kind, platform);
  if (!options.DONT_ACCEPT_BLANKLINE) shownActual = markBlankLines(shownActual);
  const wildcards = Boolean(options.ELLIPSIS) && !(options.STRICT && kind === "python");
  const normalize = Boolean(options.NORMALIZE_WHITESPACE);
  if (wildcards) {
    const leadingQuestion = shownExpected.startsWith("???");
    const matchWant = leadingQuestion ? "..." + shownExpected.slice(3) : shownExpected;
    shownActual = redactWildcards(matchWant, shownActual, normalize, leadingQuestion ? ["???"] : []).text;
  }
  const leadingQuestion = wildcards && shownExpected.startsWith("???");
  shownActual = alignEqualLines(shownExpected, shownActual, {
    keys: (lines, side, first) =>
      lineKeys(lines, normalize, side === "expected" && wildcards, side === "expected" && leadingQuestion && first === 0),
    equal: keysEqual,
  });
  return { expected: shownExpected, actual: shownActual };
}

function displayActual(expected: string, actual: string, options: MatchOptions, kind: string, platform: string): string {
  if (kind === "bash") {
    const got = bashNormalizeExit0(expected, actual);
    return got === "" || got.endsWith("\n") ? got : got + "\n";
  }
  // A final `<exit 0>` stays when the expected output shows one.
  const keepExit0 = expected.endsWith("\n<exit 0>\n");
  return normalizeActual(actual, { ...options, STRIP_EXIT_0: options.STRIP_EXIT_0 && !keepExit0 }, platform);
}

/** doctest's report form: a line of spaces only (before a newline) reads `<BLANKLINE>`. */
export function markBlankLines(text: string): string {
  const lines = text.split("\n");
  return lines.map((line, i) => (i < lines.length - 1 && /^ *$/.test(line) ? BLANKLINE_MARKER : line)).join("\n");
}

type LineKey = { raw: string; normalized: string; wildcard: boolean; wildcardOnly: boolean };

/** How a line compares: normalised text, and whether it holds a wildcard (`???` only on line 1). */
function lineKeys(lines: string[], normalize: boolean, wildcards: boolean, leadingQuestion: boolean): LineKey[] {
  return lines.map((raw, i) => {
    const text = leadingQuestion && i === 0 && raw.startsWith("???") ? "..." + raw.slice(3) : raw;
    const normalized = normalize ? normalizeWhitespace(text) : text;
    const wildcard = wildcards && normalized.includes("...");
    return { raw, normalized, wildcard, wildcardOnly: wildcard && isWildcardLine(normalized) };
  });
}

/**
 * Whether two lines align. A line that is only a wildcard aligns only with a wildcard the
 * redaction left in the actual text; otherwise it could pair with any line, hiding real ones.
 */
function keysEqual(expectedLine: LineKey, actualLine: LineKey): boolean {
  if (expectedLine.raw === actualLine.raw || expectedLine.normalized === actualLine.normalized) return true;
  if (expectedLine.wildcardOnly) return isWildcardLine(actualLine.raw);
  return expectedLine.wildcard && ellipsisMatch(expectedLine.normalized, actualLine.normalized);
}

/**
 * Lines of `actual` that align with an equal line of `expected` are replaced by that line; actual
 * lines added right next to an expected line that is only a wildcard are taken as matched by it.
 */
function alignEqualLines(
  expected: string,
  actual: string,
  comparison: LineComparison<LineKey>,
): string {
  const expectedLines = splitLines(expected);
  const actualLines = splitLines(actual);
  const changes = alignLineArrays(expectedLines, actualLines, comparison);
  if (!changes) return actual;
  type Block = { kind: "equal" | "removed" | "added"; lines: string[] };
  const blocks: Block[] = [];
  let e = 0;
  let a = 0;
  for (const { kind, count } of changes) {
    if (kind === "added") blocks.push({ kind, lines: actualLines.slice(a, (a += count)) });
    else if (kind === "removed") blocks.push({ kind, lines: expectedLines.slice(e, (e += count)) });
    else {
      blocks.push({ kind, lines: expectedLines.slice(e, (e += count)) });
      a += count;
    }
  }
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    if (block.kind === "equal") {
      pushAll(out, block.lines);
      i++;
      continue;
    }
    // A run of changes between two equal blocks: its removed lines pair with as many added lines;
    // added lines beyond those are what a wildcard-only line in or next to the run matched.
    let j = i;
    const added: string[] = [];
    const removed: string[] = [];
    for (; j < blocks.length && blocks[j]!.kind !== "equal"; j++) {
      pushAll(blocks[j]!.kind === "added" ? added : removed, blocks[j]!.lines);
    }
    const before = blocks[i - 1];
    const after = blocks[j];
    const wildcardAt = removed.findIndex((line) => isWildcardLine(line));
    if (wildcardAt >= 0) {
      // The run's first wildcard-only line stands for the added lines the removed lines around
      // it do not pair with.
      const tail = removed.length - wildcardAt - 1;
      pushAll(out, added.slice(0, wildcardAt));
      out.push(removed[wildcardAt]!);
      pushAll(out, added.slice(Math.max(wildcardAt, added.length - tail)));
    } else if (before !== undefined && isWildcardLine(before.lines[before.lines.length - 1]!)) {
      pushAll(out, added.slice(Math.max(0, added.length - removed.length)));
    } else if (after !== undefined && isWildcardLine(after.lines[0]!)) {
      pushAll(out, added.slice(0, removed.length));
    } else {
      pushAll(out, added);
    }
    i = j;
  }
  return out.length === 0 ? "" : out.join("\n") + (actual.endsWith("\n") || actual === "" ? "\n" : "");
}

/** `target.push(...items)` without spreading: a spread of a few hundred thousand lines overflows the stack. */
function pushAll(target: string[], items: readonly string[]): void {
  for (const item of items) target.push(item);
}

function isWildcardLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "..." || trimmed === "???";
}

/** Lines without their newline; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
