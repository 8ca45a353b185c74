// Turns example outcomes into text: the one place failures are formatted.
import { renderDiff } from "./match/index.js";
import type { ExampleOutcome } from "./session.js";
import type { VerdictCounts } from "./matrix.js";

export interface ReportContext {
  /** How the transcript's output is compared (python or bash dialect, platform). */
  matchContext: { kind: "python" | "bash"; platform: string };
  /** The transcript's path as the user should see it (relative to where they ran the tests). */
  displayPath: string;
  sandboxRoot: string;
  sandboxKept: boolean;
}

/** `L<line>: <first source line>`: the test name of an example. */
export function exampleTitle(outcome: Pick<ExampleOutcome, "example">): string {
  const firstLine = outcome.example.source.split("\n")[0];
  return `L${outcome.example.sourceLine}: ${firstLine}`;
}

/** The failure message of one example: location, source, exit status, diff, sandbox. */
export function formatFailure(outcome: ExampleOutcome, context: ReportContext): string {
  const { example } = outcome;
  const lines: string[] = [];
  const location = `${context.displayPath}:${example.sourceLine}`;
  if (outcome.reason) {
    lines.push(outcome.reason.startsWith(context.displayPath) || /^[^\s:]+:\d+: /.test(outcome.reason) ? outcome.reason : `${location}: ${outcome.reason}`);
  } else {
    lines.push(`${location}: output does not match the expected output`);
  }
  const prompt = example.kind === "shell" ? ["$ ", "> "] : [">>> ", "... "];
  example.source.split("\n").forEach((line, index) => lines.push(`    ${index === 0 ? prompt[0] : prompt[1]}${line}`));
  const exit = lastExitStatus(outcome.actual);
  if (exit !== null) lines.push(`exit status: ${exit}`);
  for (const note of outcome.notes) lines.push(`note: ${note}`);
  if (!outcome.reason) {
    lines.push(renderDiff(outcome.expected, outcome.actual, outcome.options, context.matchContext).trimEnd());
  }
  lines.push(`sandbox: ${context.sandboxRoot}${context.sandboxKept ? " (kept)" : " (removed; set KEEP_SANDBOX=1 to keep it)"}`);
  return lines.join("\n");
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
