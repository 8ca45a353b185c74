// renderDiff: expected vs actual as a unified (or context, or ndiff) diff showing only real differences.
import { formatRangeContext, formatRangeUnified } from "../../lib/python/difflib.js";
import { displayPair, splitLines } from "./display.js";
import { alignLineArrays, patchHunks, type Hunk } from "./line-diff.js";
import type { CheckResult } from "./check.js";

const CONTEXT_LINES = 3;

/**
 * A diff of a check's expected vs actual output. Regions a wildcard matched read as the wildcard
 * and lines equal under the options read as the expected line, so only real differences show. The
 * style is unified unless REPORT_CDIFF or REPORT_NDIFF is on. Empty when nothing differs.
 */
export function renderDiff(check: CheckResult): string {
  const { options } = check;
  const pair = displayPair(check);
  const shownExpected = withFinalNewline(pair.expected);
  const shownActual = withFinalNewline(pair.actual);
  if (shownExpected === shownActual) return "";
  if (options.REPORT_NDIFF) return renderNdiff(shownExpected, shownActual);
  const hunks = patchHunks(shownExpected, shownActual, CONTEXT_LINES);
  if (options.REPORT_CDIFF) return renderContextDiff(hunks);
  return renderUnifiedDiff(hunks);
}

function withFinalNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : text + "\n";
}

function renderUnifiedDiff(hunks: Hunk[]): string {
  const out = ["--- expected", "+++ actual"];
  for (const hunk of hunks) {
    out.push(`@@ -${unifiedRange(hunk.oldStart, hunk.oldLines)} +${unifiedRange(hunk.newStart, hunk.newLines)} @@`);
    // One line at a time: spreading a huge hunk into push() overflows the stack.
    for (const line of hunk.lines) out.push(line);
  }
  return out.join("\n") + "\n";
}

// jsdiff gives a hunk's 1-based first line (for an empty range, the line after it); difflib formats the range.
function unifiedRange(start: number, length: number): string {
  return formatRangeUnified(start - 1, start - 1 + length);
}

// difflib.context_diff's layout: each hunk shows the expected side, then the actual side.
function renderContextDiff(hunks: Hunk[]): string {
  const out = ["*** expected", "--- actual"];
  for (const hunk of hunks) {
    out.push("***************");
    const hasRemoved = hunk.lines.some((line) => line.startsWith("-"));
    const hasAdded = hunk.lines.some((line) => line.startsWith("+"));
    out.push(`*** ${contextRange(hunk.oldStart, hunk.oldLines)} ****`);
    if (hasRemoved) for (const line of contextSide(hunk.lines, "-", "+")) out.push(line);
    out.push(`--- ${contextRange(hunk.newStart, hunk.newLines)} ----`);
    if (hasAdded) for (const line of contextSide(hunk.lines, "+", "-")) out.push(line);
  }
  return out.join("\n") + "\n";
}

/** One side of a context hunk: a changed line is `! ` when its group also changes the other side. */
function contextSide(lines: string[], own: string, other: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith(" ")) {
      out.push("  " + line.slice(1));
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !lines[j]!.startsWith(" ")) j++;
    const group = lines.slice(i, j);
    const replaced = group.some((l) => l.startsWith(own)) && group.some((l) => l.startsWith(other));
    for (const changed of group) {
      if (changed.startsWith(own)) out.push((replaced ? "! " : own + " ") + changed.slice(1));
    }
    i = j;
  }
  return out;
}

function contextRange(start: number, length: number): string {
  return formatRangeContext(start - 1, start - 1 + length);
}

// difflib.ndiff without the `? ` hint lines: every line, marked "  ", "- " or "+ ".
function renderNdiff(expected: string, actual: string): string {
  const expectedLines = splitLines(expected);
  const actualLines = splitLines(actual);
  const changes = alignLineArrays(expectedLines, actualLines) ?? [
    { kind: "removed" as const, count: expectedLines.length },
    { kind: "added" as const, count: actualLines.length },
  ];
  const out: string[] = [];
  let e = 0;
  let a = 0;
  for (const change of changes) {
    if (change.kind === "removed") {
      for (const line of expectedLines.slice(e, e + change.count)) out.push("- " + line);
      e += change.count;
    } else if (change.kind === "added") {
      for (const line of actualLines.slice(a, a + change.count)) out.push("+ " + line);
      a += change.count;
    } else {
      for (const line of expectedLines.slice(e, e + change.count)) out.push("  " + line);
      e += change.count;
      a += change.count;
    }
  }
  return out.join("\n") + "\n";
}
