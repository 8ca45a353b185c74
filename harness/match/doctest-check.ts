// CPython's doctest.OutputChecker.check_output, without Guild's extra normalisations.
import { ellipsisMatch } from "./ellipsis.js";
import type { MatchOptions } from "./options.js";

export const BLANKLINE_MARKER = "<BLANKLINE>";

/** doctest's verdict for expected (want) vs actual (got) output under the given flags. */
export function doctestCheckOutput(expected: string, actual: string, options: MatchOptions): boolean {
  let want = toAscii(expected);
  let got = toAscii(actual);
  if (got === want) return true;
  if (!options.DONT_ACCEPT_TRUE_FOR_1) {
    if (got === "True\n" && want === "1\n") return true;
    if (got === "False\n" && want === "0\n") return true;
  }
  if (!options.DONT_ACCEPT_BLANKLINE) {
    want = removeBlanklineMarkers(want);
    got = emptyWhitespaceOnlyLines(got);
    if (got === want) return true;
  }
  if (options.NORMALIZE_WHITESPACE) {
    got = normalizeWhitespace(got);
    want = normalizeWhitespace(want);
    if (got === want) return true;
  }
  if (options.ELLIPSIS && ellipsisMatch(want, got)) return true;
  return false;
}

/** `' '.join(s.split())`: every run of whitespace becomes one space, ends trimmed. */
export function normalizeWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespaceCode(text.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  // A run of two or more, or one character other than a space, becomes one space.
  return text.slice(start, end).replace(/[\t\n\v\f\r\x1c-\x1f ]{2,}|[\t\n\v\f\r\x1c-\x1f]/g, " ");
}

/** Python's whitespace among ASCII characters: \t \n \v \f \r, \x1c-\x1f and space. */
export function isWhitespaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 0x1c && code <= 0x1f);
}

/** A line reading `<BLANKLINE>` (trailing whitespace allowed) becomes an empty line. */
export function removeBlanklineMarkers(text: string): string {
  if (!text.includes(BLANKLINE_MARKER)) return text;
  return text
    .split("\n")
    .map((line) => (line.startsWith(BLANKLINE_MARKER) && isWhitespaceOnly(line.slice(BLANKLINE_MARKER.length)) ? "" : line))
    .join("\n");
}

/** A line of nothing but whitespace becomes empty. */
export function emptyWhitespaceOnlyLines(text: string): string {
  if (!hasWhitespaceOnlyLine(text)) return text;
  return text
    .split("\n")
    .map((line) => (line !== "" && isWhitespaceOnly(line) ? "" : line))
    .join("\n");
}

function hasWhitespaceOnlyLine(text: string): boolean {
  return /(?:^|\n)[\t\v\f\r\x1c-\x1f ]+(?:\n|$)/.test(text);
}

function isWhitespaceOnly(text: string): boolean {
  return /^[\t\v\f\r\x1c-\x1f ]*$/.test(text);
}

/** Python's `s.encode("ascii", "backslashreplace")`: doctest compares escaped text. */
export function toAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += ch;
    else if (code < 0x100) out += "\\x" + code.toString(16).padStart(2, "0");
    else if (code < 0x10000) out += "\\u" + code.toString(16).padStart(4, "0");
    else out += "\\U" + code.toString(16).padStart(8, "0");
  }
  return out;
}
