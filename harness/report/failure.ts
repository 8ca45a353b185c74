// Turns failed example outcomes into text: the one place failures are formatted.
import { renderDiff, type CheckResult } from "../match/index.js";
import type { Example } from "../transcript/index.js";
import type { FailedOutcome, SourceLocation } from "../run/outcome.js";
import { diffLines, paint, renderLines, type StyledLine } from "./colour.js";
import { escapeControls } from "./escape.js";

export interface ReportContext {
  /** The transcript's path as the user should see it (relative to where they ran the tests). */
  displayPath: string;
  sandboxRoot: string;
  sandboxKept: boolean;
  /** Earlier examples that were run silently to get to this one, and failed. */
  replayed?: readonly FailedOutcome[];
  /** Update mode left the example failing: why (`not updated: ...`). */
  notUpdated?: string;
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

/**
 * The failure message of one example: location, source, exit status, diff, why update mode left it
 * failing, then the failures of examples replayed to get to it, then the sandbox; coloured when asked.
 */
export function formatFailure(outcome: FailedOutcome, context: ReportContext, colour = false): string {
  return renderLines(failureLines(outcome, context), colour);
}

/** The diff of a mismatch as the report shows it: control characters escaped; `escaped` says whether any were. */
export function escapedDiff(check: CheckResult): { text: string; escaped: boolean } {
  return escapeControls(renderDiff(check).trimEnd());
}

/** The failure message of one example as styled lines (`diff`: the mismatch's, if already rendered). */
export function failureLines(outcome: FailedOutcome, context: ReportContext, diff?: { text: string; escaped: boolean }): StyledLine[] {
  const lines: StyledLine[] = [{ text: locatedMessage(failureLocation(outcome, context.displayPath), failureMessage(outcome)), style: "failed" }];
  // One at a time: a diff of a few hundred thousand lines would overflow a spread.
  for (const line of failureDetails(outcome, diff)) lines.push(line);
  if (context.notUpdated) lines.push({ text: context.notUpdated, style: "note" });
  for (const line of replayedFailureLines(context.replayed ?? [], context.displayPath)) lines.push(line);
  lines.push({ text: `sandbox: ${context.sandboxRoot}${context.sandboxKept ? " (kept)" : " (removed; set KEEP_SANDBOX=1 to keep it)"}`, style: "plain" });
  return lines;
}

/** `replayed example at path:line failed: message` and its details, for each replayed failure; coloured when asked. */
export function formatReplayedFailures(replayed: readonly FailedOutcome[], displayPath: string, colour = false): string[] {
  return replayedFailureLines(replayed, displayPath).map((line) => paint(line, colour));
}

function replayedFailureLines(replayed: readonly FailedOutcome[], displayPath: string): StyledLine[] {
  const lines: StyledLine[] = [];
  for (const outcome of replayed) {
    const location = failureLocation(outcome, displayPath);
    lines.push({ text: `replayed example at ${location.path}:${location.line} failed: ${failureMessage(outcome)}`, style: "failed" });
    for (const line of failureDetails(outcome)) lines.push(line);
  }
  return lines;
}

function failureLocation(outcome: FailedOutcome, displayPath: string): SourceLocation {
  return outcome.kind === "error" ? outcome.location : { path: displayPath, line: outcome.example.sourceLine };
}

function failureMessage(outcome: FailedOutcome): string {
  return outcome.kind === "error" ? outcome.message : "output does not match the expected output";
}

/** The example's source, then for a mismatch its exit status, notes and diff (control characters escaped). */
function failureDetails(outcome: FailedOutcome, diff?: { text: string; escaped: boolean }): StyledLine[] {
  const lines = promptedSource(outcome.example).map((text): StyledLine => ({ text, style: "plain" }));
  if (outcome.kind === "mismatch") {
    const exit = lastExitStatus(outcome.check.actual);
    if (exit !== null) lines.push({ text: `exit status: ${exit}`, style: "plain" });
    const shown = diff ?? escapedDiff(outcome.check);
    const notes = [...outcome.notes, ...(shown.escaped ? ["control characters in the diff are shown escaped (\\r, \\xNN)"] : [])];
    for (const note of notes) lines.push({ text: `note: ${note}`, style: "note" });
    if (shown.text) for (const line of diffLines(shown.text)) lines.push(line);
  }
  return lines;
}

const XPASS_WHY = "listed as an expected failure but passed (remove it from the expected failures)";

/** An expected failure that passed: the gap is fixed and the entry (or the `+FIXME` mark, as `why` says) should go; coloured when asked. */
export function formatXpass(example: Example, displayPath: string, why = XPASS_WHY, colour = false): string {
  return renderLines(xpassLines(example, displayPath, why), colour);
}

/** formatXpass() as styled lines. */
export function xpassLines(example: Example, displayPath: string, why = XPASS_WHY): StyledLine[] {
  return [
    { text: locatedMessage({ path: displayPath, line: example.sourceLine }, `XPASS: ${why}`), style: "failed" },
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
