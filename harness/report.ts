// Turns example outcomes into text: the one place failures are formatted.
import { renderDiff } from "./match/index.js";
import type { ExampleOutcome } from "./session.js";

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
  failed: number;
  skipped: number;
  /** Examples whose expected output update mode rewrote. */
  updated?: number;
  /** A transcript that could not be parsed or run at all. */
  error?: string;
}

/** One line per transcript plus the closing `N passed, M failed` line. */
export function formatSummary(summaries: readonly TranscriptSummary[]): string {
  const width = Math.max(0, ...summaries.map((summary) => summary.displayPath.length));
  const lines = summaries.map((summary) => {
    const verdict = summary.error ? "ERROR" : summary.failed > 0 ? "FAIL" : "ok";
    const counts = summary.error
      ? "cannot be run (see above)"
      : `${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ""}${summary.updated ? ` (${summary.updated} updated)` : ""}`;
    return `${verdict.padEnd(5)} ${summary.displayPath.padEnd(width)}  ${counts}`;
  });
  const passed = summaries.reduce((sum, summary) => sum + summary.passed, 0);
  const failed = summaries.reduce((sum, summary) => sum + summary.failed + (summary.error ? 1 : 0), 0);
  const skipped = summaries.reduce((sum, summary) => sum + summary.skipped, 0);
  lines.push(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return lines.join("\n");
}
