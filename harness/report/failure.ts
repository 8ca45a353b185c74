// Turns failed example outcomes into text: the one place failures are formatted.
import { renderDiff } from "../match/index.js";
import type { Example } from "../transcript/index.js";
import type { FailedOutcome, SourceLocation } from "../run/outcome.js";

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
 * failing, then the failures of examples replayed to get to it, then the sandbox.
 */
export function formatFailure(outcome: FailedOutcome, context: ReportContext): string {
  const lines = [locatedMessage(failureLocation(outcome, context.displayPath), failureMessage(outcome)), ...failureDetails(outcome)];
  if (context.notUpdated) lines.push(context.notUpdated);
  lines.push(...formatReplayedFailures(context.replayed ?? [], context.displayPath));
  lines.push(`sandbox: ${context.sandboxRoot}${context.sandboxKept ? " (kept)" : " (removed; set KEEP_SANDBOX=1 to keep it)"}`);
  return lines.join("\n");
}

/** `replayed example at path:line failed: message` and its details, for each replayed failure. */
export function formatReplayedFailures(replayed: readonly FailedOutcome[], displayPath: string): string[] {
  return replayed.flatMap((outcome) => {
    const location = failureLocation(outcome, displayPath);
    return [`replayed example at ${location.path}:${location.line} failed: ${failureMessage(outcome)}`, ...failureDetails(outcome)];
  });
}

function failureLocation(outcome: FailedOutcome, displayPath: string): SourceLocation {
  return outcome.kind === "error" ? outcome.location : { path: displayPath, line: outcome.example.sourceLine };
}

function failureMessage(outcome: FailedOutcome): string {
  return outcome.kind === "error" ? outcome.message : "output does not match the expected output";
}

/** The example's source, then for a mismatch its exit status, notes and diff. */
function failureDetails(outcome: FailedOutcome): string[] {
  const lines = promptedSource(outcome.example);
  if (outcome.kind === "mismatch") {
    const exit = lastExitStatus(outcome.check.actual);
    if (exit !== null) lines.push(`exit status: ${exit}`);
    for (const note of outcome.notes) lines.push(`note: ${note}`);
    lines.push(renderDiff(outcome.check).trimEnd());
  }
  return lines;
}

/** An expected failure that passed: the gap is fixed and the entry (or the `+FIXME` mark) should go. */
export function formatXpass(example: Example, displayPath: string, why = "listed as an expected failure but passed (remove it from the expected failures)"): string {
  return [
    locatedMessage({ path: displayPath, line: example.sourceLine }, `XPASS: ${why}`),
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
