// Guild's Checker transforms of actual and expected output before doctest compares them.
import stripAnsi from "strip-ansi";
import type { MatchOptions } from "./options.js";
import { pythonRstrip } from "../../lib/python/whitespace.js";

const EXIT_0_SUFFIX = "\n<exit 0>\n";

/** Actual output as Guild's Checker sees it (python transcripts, unless +STRICT). */
export function normalizeActual(actual: string, options: MatchOptions, platform: string): string {
  if (options.STRICT) return actual;
  let got = actual;
  if (platform === "win32" && options.NORMALIZE_PATHS) got = normalizeWindowsPaths(got);
  if (options.STRIP_ANSI_FMT) got = stripAnsi(got);
  if (options.STRIP_EXIT_0) got = stripExit0(got);
  return got;
}

/** Expected output as Guild's Checker sees it (python transcripts, unless +STRICT). */
export function normalizeExpected(expected: string, options: MatchOptions, platform: string): string {
  if (options.STRICT) return expected;
  let want = expected;
  if (options.NORMALIZE_PATHSEP) want = want.replaceAll("::", platform === "win32" ? ";" : ":");
  want = leadingWildcardAsEllipsis(want);
  if (options.STRIP_EXIT_0) want = stripExit0(want);
  return want;
}

/** Drops a final `<exit 0>` line that follows other output; output alone is left as is. */
export function stripExit0(text: string): string {
  return text.endsWith(EXIT_0_SUFFIX) ? text.slice(0, -(EXIT_0_SUFFIX.length - 1)) : text;
}

/**
 * `???` at the very start of the expected output means `...` (a line starting with `...` right
 * after the source would read as a continuation line).
 */
export function leadingWildcardAsEllipsis(expected: string): string {
  return expected.startsWith("???") ? "..." + expected.slice(3) : expected;
}

/** Drive prefixes and backslashes (single or doubled) become `/`, as Guild does on Windows. */
export function normalizeWindowsPaths(text: string): string {
  return text.replace(/[c-zC-Z]:\\\\?|\\\\?/g, "/");
}

/**
 * Guild's BashDocTestChecker exit rule: both sides lose trailing whitespace; an actual final
 * `<exit 0>` line is dropped unless the expected output ends with one.
 */
export function bashNormalizeExit0(expected: string, actual: string): string {
  const want = pythonRstrip(expected);
  const got = pythonRstrip(actual);
  if (got.endsWith("\n<exit 0>") && !want.endsWith("\n<exit 0>")) return got.slice(0, -"\n<exit 0>".length);
  if (got === "<exit 0>" && want === "") return "";
  return got;
}
