// Turns failed example outcomes into text: the one place failures are formatted.
import { renderDiff, type CheckResult } from "../match/index.js";
import type { Example } from "../transcript/index.js";
import type { FailedOutcome, SourceLocation } from "../run/outcome.js";
import { diffLines, renderLines, type StyledLine } from "./colour.js";
import { escapeControls } from "./escape.js";

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

/** The failure message of one example: location, source, exit status, diff, sandbox; coloured when asked. */
export function formatFailure(outcome: FailedOutcome, context: ReportContext, colour = false): string {
  return renderLines(failureLines(outcome, context), colour);
}

/** The diff of a mismatch as the report shows it: control characters escaped; `escaped` says whether any were. */
export function escapedDiff(check: CheckResult): { text: string; escaped: boolean } {
  return escapeControls(renderDiff(check).trimEnd());
}

/** The failure message of one example as styled lines (`diff`: the mismatch's, if already rendered). */
export function failureLines(outcome: FailedOutcome, context: ReportContext, diff?: { text: string; escaped: boolean }): StyledLine[] {
  const { example } = outcome;
  const lines: StyledLine[] = [];
  const heading = (text: string) => lines.push({ text, style: "failed" });
  const plain = (text: string) => lines.push({ text, style: "plain" });
  if (outcome.kind === "error") heading(locatedMessage(outcome.location, outcome.message));
  else heading(locatedMessage({ path: context.displayPath, line: example.sourceLine }, "output does not match the expected output"));
  promptedSource(example).forEach(plain);
  if (outcome.kind === "mismatch") {
    const exit = lastExitStatus(outcome.check.actual);
    if (exit !== null) plain(`exit status: ${exit}`);
    const shown = diff ?? escapedDiff(outcome.check);
    const notes = [...outcome.notes, ...(shown.escaped ? ["control characters in the diff are shown escaped (\\r, \\xNN)"] : [])];
    for (const note of notes) lines.push({ text: `note: ${note}`, style: "note" });
    // One at a time: a diff of a few hundred thousand lines would overflow a spread.
    if (shown.text) for (const line of diffLines(shown.text)) lines.push(line);
  }
  plain(`sandbox: ${context.sandboxRoot}${context.sandboxKept ? " (kept)" : " (removed; set KEEP_SANDBOX=1 to keep it)"}`);
  return lines;
}

/** An expected failure that passed: the gap is fixed and the entry should go. */
export function formatXpass(example: Example, displayPath: string, colour = false): string {
  return renderLines(xpassLines(example, displayPath), colour);
}

export function xpassLines(example: Example, displayPath: string): StyledLine[] {
  return [
    { text: locatedMessage({ path: displayPath, line: example.sourceLine }, "XPASS: listed as an expected failure but passed (remove it from the expected failures)"), style: "failed" },
    ...promptedSource(example).map((text): StyledLine => ({ text, style: "plain" })),
  ];
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
