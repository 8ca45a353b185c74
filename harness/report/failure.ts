// Turns failed example outcomes into text: the one place failures are formatted.
import { renderDiff } from "../match/index.js";
import type { Example } from "../transcript/index.js";
import type { FailedOutcome, SourceLocation } from "../run/outcome.js";

export interface ReportContext {
  /** The transcript's path as the user should see it (relative to where they ran the tests). */
  displayPath: string;
  sandboxRoot: string;
  sandboxKept: boolean;
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

/** The failure message of one example: location, source, exit status, diff, why update mode left it, sandbox. */
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
  if (context.notUpdated) lines.push(context.notUpdated);
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
