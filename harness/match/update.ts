// Update mode: a new expected output for a failing example, and the transcript text rewritten with it.
import { checkOutput, type CheckResult } from "./check.js";
import { displayPair, markBlankLines } from "./display.js";
import { bashNormalizeExit0, normalizeActual } from "./guild-normalize.js";
import type { MatchOptions } from "./options.js";

/**
 * The expected output to write for a checked example. Unchanged (byte for byte) when it passed.
 * Otherwise the actual output, except that wildcards whose regions still match are kept and lines
 * that already match keep their expected text; blank lines read `<BLANKLINE>`, a final `<exit 0>`
 * is left out unless the old expectation showed one (STRIP_EXIT_0), and with
 * NORMALIZE_WHITESPACE trailing spaces are dropped.
 */
export function updateExpected(check: CheckResult): string {
  const { expected, actual, options, context } = check;
  if (check.passed) return expected;
  const keepsExit0 = expected.endsWith("\n<exit 0>\n");
  // Preferred first; the later ones only for odd outputs (trailing spaces, repeated exit lines).
  // Each candidate is checked against the actual output: update mode writes only one that passes.
  const candidates = [
    () => tidy(displayPair(check).actual, options),
    () => tidy(literalActual(check, keepsExit0), options),
    () => tidy(literalActual(check, true), options),
    () => literalActual(check, true),
  ];
  let first: string | undefined;
  for (const candidate of candidates) {
    const text = candidate();
    if (checkOutput(text, actual, options, context)) return text;
    first ??= text;
  }
  return first!;
}

/** The actual output written as an expectation, without keeping any wildcard. */
function literalActual(check: CheckResult, keepExit0: boolean): string {
  const { expected, actual, options } = check;
  const { kind, platform } = check.context;
  if (kind === "bash") return bashNormalizeExit0(expected, actual) + "\n";
  const got = normalizeActual(actual, { ...options, STRIP_EXIT_0: options.STRIP_EXIT_0 && !keepExit0 }, platform);
  return options.DONT_ACCEPT_BLANKLINE ? got : markBlankLines(got);
}

function tidy(text: string, options: MatchOptions): string {
  let lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (options.NORMALIZE_WHITESPACE) lines = lines.map((line) => line.replace(/[ \t]+$/, ""));
  // Trailing blank lines cannot be written: the expected output ends at the first blank line.
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return "";
  // A first line starting with `...` would read as a continuation line; `???` means the same.
  if (lines[0]!.startsWith("...")) lines[0] = "???" + lines[0]!.slice(3);
  return lines.join("\n") + "\n";
}
