// checkOutput: Guild's Checker (or BashDocTestChecker) transforms, then doctest's comparison.
import { doctestCheckOutput } from "./doctest-check.js";
import { bashNormalizeExit0, leadingWildcardAsEllipsis, normalizeActual, normalizeExpected } from "./guild-normalize.js";
import { resolveContext, type MatchContext, type MatchOptions } from "./options.js";

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
