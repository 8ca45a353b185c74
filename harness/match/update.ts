// Update mode: a new expected output for a failing example, that passes now and on later runs.
import { checkOutput, type CheckResult } from "./check.js";
import { displayPair, markBlankLines } from "./display.js";
import { bashNormalizeExit0, normalizeActual } from "./guild-normalize.js";
import type { MatchOptions } from "./options.js";
import { pythonRstrip } from "../../lib/python/whitespace.js";
import { redactVolatile } from "./volatile.js";
import { writableExpected } from "./writable.js";

/**
 * The expected output to write for a checked example. Unchanged (byte for byte) when it passed.
 * Otherwise the actual output, except that wildcards whose regions still match are kept and lines
 * that already match keep their expected text; on every other line, values that differ from run
 * to run become `...` (the `known` ones, such as the sandbox's paths and the run ids, and the
 * shapes of VOLATILE_SHAPES). Blank lines read `<BLANKLINE>`, a final `<exit 0>` is left out
 * unless the old expectation showed one (STRIP_EXIT_0), with NORMALIZE_WHITESPACE trailing spaces
 * are dropped, and what the parser would misread is written as writableExpected says.
 *
 * The result satisfies the actual output under the example's options. Null when no such text can
 * be written (say, a line starting with `>>>` with ELLIPSIS off).
 */
export function updateExpected(check: CheckResult, known: readonly string[] = []): string | null {
  const { expected, actual, options, context } = check;
  if (check.passed) return expected;
  const keepsExit0 = expected.endsWith("\n<exit 0>\n");
  const wildcards = Boolean(options.ELLIPSIS) && !(options.STRICT && context.kind === "python");
  const keptLines = new Set(expected.split("\n"));
  const redact = (text: string) =>
    text
      .split("\n")
      .map((line) => (keptLines.has(line) ? line : redactVolatile(line, known)))
      .join("\n");
  // Preferred first; the later ones only for odd outputs (trailing spaces, repeated exit lines).
  const bases = [
    () => tidy(displayPair(check).actual, options),
    () => tidy(literalActual(check, keepsExit0, wildcards), options),
    () => tidy(literalActual(check, true, wildcards), options),
    () => literalActual(check, true, wildcards),
  ];
  for (const base of bases) {
    const text = base();
    // Redacting only widens what matches; the literal text is the fallback all the same. A carriage
    // return ending a line is dropped under NORMALIZE_WHITESPACE unless only a wildcard will do.
    const variants = wildcards ? [redact(text), text, redact(text).replace(/\r+(?=\n)/g, "...")] : [text];
    for (const candidate of variants) {
      const written = writableExpected(candidate, options, context.kind);
      if (written !== null && checkOutput(written, actual, options, context)) return written;
    }
  }
  return null;
}

/**
 * The actual output written as an expectation, without keeping any wildcard. A line that prints
 * `<BLANKLINE>` itself is written `...BLANKLINE>` when wildcards are on, or it would read as a
 * blank line.
 */
function literalActual(check: CheckResult, keepExit0: boolean, wildcards: boolean): string {
  const { expected, actual, options } = check;
  const { kind, platform } = check.context;
  let got = kind === "bash" ? bashActual(expected, actual, keepExit0) : normalizeActual(actual, { ...options, STRIP_EXIT_0: options.STRIP_EXIT_0 && !keepExit0 }, platform);
  if (wildcards) got = got.replace(/^<(BLANKLINE>[\t\v\f\r\x1c-\x1f ]*)$/gm, "...$1");
  return options.DONT_ACCEPT_BLANKLINE || kind === "bash" ? got : markBlankLines(got);
}

/** What Guild's bash checker compares (trailing whitespace gone), the final `<exit 0>` kept or not. */
function bashActual(expected: string, actual: string, keepExit0: boolean): string {
  const got = keepExit0 ? pythonRstrip(actual) : bashNormalizeExit0(expected, actual);
  return got === "" ? "" : got + "\n";
}

function tidy(text: string, options: MatchOptions): string {
  let lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (options.NORMALIZE_WHITESPACE) lines = lines.map((line) => line.replace(/[ \t\r]+$/, ""));
  // Trailing blank lines cannot be written: the expected output ends at the first blank line.
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return "";
  return lines.join("\n") + "\n";
}
