// doctest's view of a traceback: only the exception line(s) after the stack are compared.
import { isPythonSpace } from "../../lib/python/whitespace.js";

const TRACEBACK_HEADERS = ["Traceback (most recent call last):", "Traceback (innermost last):"];

/** A header line as doctest's _EXCEPTION_RE takes it: its `\s*$` allows any Python whitespace after the colon. */
function isHeader(line: string): boolean {
  const header = TRACEBACK_HEADERS.find((candidate) => line.startsWith(candidate));
  return header !== undefined && [...line.slice(header.length)].every(isPythonSpace);
}

/** Whether expected output is a traceback (doctest then compares only the exception message). */
export function isTraceback(text: string): boolean {
  return isHeader(text.split("\n", 1)[0]!);
}

/**
 * The exception message part of a traceback, as doctest's _EXCEPTION_RE takes it: from the first
 * line after the header that starts with a word character, to the end. Text that is not a
 * traceback is returned unchanged.
 */
export function exceptionOnly(text: string): string {
  const lines = text.split("\n");
  if (!isHeader(lines[0]!)) return text;
  for (let i = 1; i < lines.length; i++) {
    if (/^[\p{L}\p{N}_]/u.test(lines[i]!)) return lines.slice(i).join("\n");
  }
  return text;
}
