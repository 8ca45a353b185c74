// Counts of example verdicts as text: a line per transcript and the closing `N passed, M failed` line.
import type { StyledLine } from "./colour.js";

/** Counts of verdicts across examples, for the closing line. */
export interface VerdictCounts {
  passed: number;
  /** Unexpected failures (an XPASS is counted in `xpass`, not here). */
  failed: number;
  skipped: number;
  xfail: number;
  xpass: number;
  /** Transcripts that could not be run and expected-failure entries naming no example. */
  errors: number;
  /** Failing examples whose expected output update mode rewrote: neither passed nor failed. */
  updated?: number;
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
  /** The line of the example the user interrupted; it and those after it did not run. */
  interruptedAt?: number;
}

/** One line per transcript plus the closing `N passed, M failed` line. */
export function formatSummary(summaries: readonly TranscriptSummary[], extraErrors = 0): string {
  const totals = summaryTotals(summaries);
  totals.errors += extraErrors;
  return [...formatTranscriptLines(summaries), formatTotals(totals)].join("\n");
}

/** `ok`/`FAIL`/`ERROR`, the transcript and its counts, one line each, paths aligned. */
export function formatTranscriptLines(summaries: readonly TranscriptSummary[]): string[] {
  const width = Math.max(0, ...summaries.map((summary) => summary.displayPath.length));
  return summaries.map((summary) => transcriptLine(summary, width).text);
}

/**
 * One transcript's line, its path padded to `width`: `ok`, `FAIL` (a failure or an XPASS),
 * `ERROR` (it cannot be run) or `STOP` (interrupted before its end).
 */
export function transcriptLine(summary: TranscriptSummary, width: number): StyledLine {
  const failing = summary.failed + (summary.xpass ?? 0);
  const verdict = summary.error ? "ERROR" : failing > 0 ? "FAIL" : summary.interruptedAt !== undefined ? "STOP" : "ok";
  const counts = summary.error
    ? "cannot be run (see above)"
    : countsText({ ...summary, xfail: summary.xfail ?? 0, xpass: summary.xpass ?? 0, errors: 0 }) +
      (summary.interruptedAt !== undefined ? ` (interrupted at line ${summary.interruptedAt})` : "");
  const style = verdict === "ok" ? "passed" : verdict === "STOP" ? "note" : "failed";
  return { text: `${verdict.padEnd(5)} ${summary.displayPath.padEnd(width)}  ${counts}`, style, span: verdict.length };
}

export function summaryTotals(summaries: readonly TranscriptSummary[]): VerdictCounts {
  const totals: VerdictCounts = { passed: 0, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0 };
  for (const summary of summaries) {
    if (summary.updated) totals.updated = (totals.updated ?? 0) + summary.updated;
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
 * The closing line: `N passed, M failed[ (X xpass)][, K skipped][, Y xfail][, U updated]`.
 * Failures include XPASSes and errors; expected failures that failed and examples update mode
 * rewrote are counted apart.
 */
export function formatTotals(totals: VerdictCounts): string {
  return countsText(totals);
}

/** Everything that makes a run fail: unexpected failures, XPASSes and errors. */
export function failureCount(counts: VerdictCounts): number {
  return counts.failed + counts.xpass + counts.errors;
}

function countsText(counts: VerdictCounts): string {
  const parts = [`${counts.passed} passed`, `${failureCount(counts)} failed${counts.xpass ? ` (${counts.xpass} xpass)` : ""}`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.xfail) parts.push(`${counts.xfail} xfail`);
  if (counts.updated) parts.push(`${counts.updated} updated`);
  return parts.join(", ");
}
