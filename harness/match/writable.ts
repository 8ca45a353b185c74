// Expected output in a form the transcript parser reads back unchanged, or null when none exists.
import { BLANKLINE_MARKER } from "./doctest-check.js";
import { ELLIPSIS_MARKER } from "./ellipsis.js";
import type { MatchOptions } from "./options.js";

/**
 * What the parser would misread in an expected output, and how each is written instead:
 *
 * - a line starting with `>>>` starts a new example: its first `>` is written `...`;
 * - a first line starting with `...` (python) or `>` (bash) continues the source: that start
 *   is written `???`;
 * - a line of whitespace only ends the output: written `<BLANKLINE>`;
 * - a tab is expanded to spaces when read: a space under NORMALIZE_WHITESPACE, else `...`;
 * - a carriage return ending a line is dropped when read: dropped under NORMALIZE_WHITESPACE,
 *   else written `...`.
 *
 * The `...` forms need ELLIPSIS (and `<BLANKLINE>` needs DONT_ACCEPT_BLANKLINE off): without
 * it there is no way to write such output, and the result is null; so it is for text that does
 * not end with a newline, which no expected output lacks.
 */
export function writableExpected(text: string, options: MatchOptions, kind: "python" | "bash"): string | null {
  if (text === "") return text;
  // The parser ends every expected output with a newline.
  if (!text.endsWith("\n")) return null;
  const wildcards = Boolean(options.ELLIPSIS) && !(options.STRICT && kind === "python");
  const normalize = Boolean(options.NORMALIZE_WHITESPACE);
  const lines = text.slice(0, -1).split("\n");
  const written: string[] = [];
  for (const [index, original] of lines.entries()) {
    let line = original;
    if (/^[\t\v\f\r\x1c-\x1f ]*$/.test(line)) {
      if (options.DONT_ACCEPT_BLANKLINE) return null;
      written.push(BLANKLINE_MARKER);
      continue;
    }
    if (/\r$/.test(line)) {
      if (!normalize && !wildcards) return null;
      line = line.replace(/\r+$/, normalize ? "" : ELLIPSIS_MARKER);
    }
    if (line.includes("\t")) {
      if (!normalize && !wildcards) return null;
      line = normalize ? line.replace(/\t/g, " ") : line.replace(/\t+/g, ELLIPSIS_MARKER);
    }
    const prompt = /^ *>>>/.exec(line);
    if (prompt) {
      if (!wildcards) return null;
      const at = prompt[0].length - 3;
      line = line.slice(0, at) + ELLIPSIS_MARKER + line.slice(at + 1);
    }
    const continuation = index === 0 ? (kind === "bash" ? /^>/ : /^ *\.\.\./).exec(line) : null;
    if (continuation) {
      if (!wildcards) return null;
      line = "???" + line.slice(continuation[0].length);
    }
    written.push(line);
  }
  const joined = written.join("\n") + "\n";
  // `......` is two wildcards in a row, which match what one does.
  return wildcards ? joined.replace(/(?:\.\.\.){2,}/g, ELLIPSIS_MARKER) : joined;
}
