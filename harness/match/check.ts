// checkOutput: Guild's Checker (or BashDocTestChecker) transforms, then doctest's comparison.
import { doctestCheckOutput } from "./doctest-check.js";
import { exceptionOnly, isTraceback } from "./exception.js";
import { bashNormalizeExit0, leadingWildcardAsEllipsis, normalizeActual, normalizeExpected } from "./guild-normalize.js";
import { resolveContext, type MatchContext, type MatchOptions } from "./options.js";

/** The verdict on one example's output, with everything a diff or update mode needs to explain it. */
export type CheckResult = {
  passed: boolean;
  /** Expected output as the transcript writes it. */
  expected: string;
  /** Everything the example printed. */
  actual: string;
  options: MatchOptions;
  context: Required<MatchContext>;
};

/**
 * Checks an example's output, once. When the example raised (`traceback` is what it printed for
 * that) and its expected output is a traceback, only the exception lines are compared, as doctest
 * does; the result still carries the whole texts, which diffs and update mode show and rewrite.
 */
export function checkExample(
  expected: string,
  actual: string,
  options: MatchOptions,
  context?: MatchContext | "python" | "bash",
  traceback?: string,
): CheckResult {
  const resolved = resolveContext(context);
  const passed =
    traceback !== undefined && isTraceback(expected)
      ? checkOutput(exceptionOnly(expected), exceptionOnly(traceback), options, resolved)
      : checkOutput(expected, actual, options, resolved);
  return { passed, expected, actual, options, context: resolved };
}

/**
 * Whether actual output satisfies the expected output of an example under its effective options.
 * Python transcripts: +STRICT turns off ELLIPSIS and Guild's transforms (NORMALIZE_WHITESPACE
 * still applies); otherwise ANSI codes are stripped, Windows paths normalised (on win32 only), a
 * leading `???` reads as `...` and a final `<exit 0>` line after other output is optional.
 * Bash transcripts use Guild's bash checker: only the `<exit 0>` rule and the `???` rule.
 */
export function checkOutput(
  expected: string,
  actual: string,
  options: MatchOptions,
  context?: MatchContext | "python" | "bash",
): boolean {
  const { want, got, flags } = prepareForCheck(expected, actual, options, context);
  return doctestCheckOutput(want, got, flags);
}

/** The texts and flags doctest's comparison receives after Guild's transforms. */
export function prepareForCheck(
  expected: string,
  actual: string,
  options: MatchOptions,
  context?: MatchContext | "python" | "bash",
): { want: string; got: string; flags: MatchOptions } {
  const { kind, platform } = resolveContext(context);
  if (kind === "bash") {
    return { want: leadingWildcardAsEllipsis(expected), got: bashNormalizeExit0(expected, actual), flags: options };
  }
  if (options.STRICT) {
    return { want: expected, got: actual, flags: { ...options, ELLIPSIS: false } };
  }
  return {
    want: normalizeExpected(expected, options, platform),
    got: normalizeActual(actual, options, platform),
    flags: options,
  };
}
