// Turns example outcomes into text: the one place failures are formatted.
import { renderDiff } from "./match/index.js";
import type { Example } from "./transcript/index.js";
import type { FailedOutcome, SourceLocation } from "./session.js";
import type { VerdictCounts } from "./matrix.js";

export interface ReportContext {
  /** The transcript's path as the user should see it (relative to where they ran the tests). */
  displayPath: string;
  sandboxRoot: string;
  sandboxKept: boolean;
}

/** `L<line>: <first source line>`: the test name of an example. */
export function exampleTitle(example: Example): string {
  const firstLine = example.source.split("\n")[0];
  return `L${example.sourceLine}: ${firstLine}`;
}

/** `path:line: message`: where something went wrong and what. */
export function locatedMessage(location: SourceLocation, message: string): string {
  return `${location.path}:${location.line}: ${message}`;
}

/** The failure message of one example: location, source, exit status, diff, sandbox. */
export function formatFailure(outcome: FailedOutcome, context: ReportContext): string {
  const { example } = outcome;
  const lines: string[] = [];
  if (outcome.kind === "error") lines.push(locatedMessage(outcome.location, outcome.message));
  else lines.push(locatedMessage({ path: context.displayPath, line: example.sourceLine }, "output does not match the expected output"));
  lines.push(...promptedSource(example));
  if (outcome.kind === "mismatch") {
    const exit = lastExitStatus(outcome.check.actual);
    if (exit !== null) lines.push(`exit status: ${exit}`);
    for (const note of outcome.notes) lines.push(`note: ${note}`);
    lines.push(renderDiff(outcome.check).trimEnd());
  }
  lines.push(`sandbox: ${context.sandboxRoot}${context.sandboxKept ? " (kept)" : " (removed; set KEEP_SANDBOX=1 to keep it)"}`);
  return lines.join("\n");
}

/** An expected failure that passed: the gap is fixed and the entry should go. */
export function formatXpass(example: Example, displayPath: string): string {
  return [
    locatedMessage({ path: displayPath, line: example.sourceLine }, "XPASS: listed as an expected failure but passed (remove it from the expected failures)"),
    ...promptedSource(example),
  ].join("\n");
}

/** The example's source as the transcript shows it, indented, with its prompts. */
function promptedSource(example: Example): string[] {
  const [first, more] = example.kind === "shell" ? ["$ ", "> "] : [">>> ", "... "];
  return example.source.split("\n").map((line, index) => `    ${index === 0 ? first : more}${line}`);
}

/** The status of the last `<exit N>` line a command printed, if any. */
export function lastExitStatus(actual: string): number | null {
  const matches = [...actual.matchAll(/^<exit (-?\d+)>$/gm)];
  return matches.length === 0 ? null : Number(matches[matches.length - 1][1]);
}

export interface TranscriptSummary {
  displayPath: string;
  passed: number;
  /** Unexpected failures. */
  failed: number;
  skipped: number;
  /** Expected failures that failed (XFAIL). */
  xfail?: number;
  /** Expected failures that passed (XPASS): they count as failures. */
  xpass?: number;
  /** Examples whose expected output update mode rewrote. */
  updated?: number;
  /** A transcript that could not be parsed or run at all. */
  error?: string;
}

/** Counts for the closing line; `failed` excludes XPASS, `errors` are transcripts that could not run. */
export type SummaryTotals = VerdictCounts;

/** One line per transcript plus the closing `N passed, M failed` line. */
export function formatSummary(summaries: readonly TranscriptSummary[], extraErrors = 0): string {
  const totals = summaryTotals(summaries);
  totals.errors += extraErrors;
  return [...formatTranscriptLines(summaries), formatTotals(totals)].join("\n");
}

/** `ok`/`FAIL`/`ERROR`, the transcript and its counts, one line each, paths aligned. */
export function formatTranscriptLines(summaries: readonly TranscriptSummary[]): string[] {
  const width = Math.max(0, ...summaries.map((summary) => summary.displayPath.length));
  return summaries.map((summary) => {
    const failing = summary.failed + (summary.xpass ?? 0);
    const verdict = summary.error ? "ERROR" : failing > 0 ? "FAIL" : "ok";
    const counts = summary.error
      ? "cannot be run (see above)"
      : countsText({ ...summary, xfail: summary.xfail ?? 0, xpass: summary.xpass ?? 0, errors: 0 }) + (summary.updated ? ` (${summary.updated} updated)` : "");
    return `${verdict.padEnd(5)} ${summary.displayPath.padEnd(width)}  ${counts}`;
  });
}

export function summaryTotals(summaries: readonly TranscriptSummary[]): SummaryTotals {
  const totals: SummaryTotals = { passed: 0, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0 };
  for (const summary of summaries) {
    totals.passed += summary.passed;
    totals.failed += summary.failed;
    totals.skipped += summary.skipped;
    totals.xfail += summary.xfail ?? 0;
    totals.xpass += summary.xpass ?? 0;
    if (summary.error) totals.errors += 1;
  }
  return totals;
}

/**
 * The closing line: `N passed, M failed[ (X xpass)][, K skipped][, Y xfail]`. Failures include
 * XPASSes and errors; expected failures that failed are counted apart.
 */
export function formatTotals(totals: SummaryTotals): string {
  return countsText(totals);
}

function countsText(counts: SummaryTotals): string {
  const failed = counts.failed + counts.xpass + counts.errors;
  const parts = [`${counts.passed} passed`, `${failed} failed${counts.xpass ? ` (${counts.xpass} xpass)` : ""}`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.xfail) parts.push(`${counts.xfail} xfail`);
  return parts.join(", ");
}
