// doctest's view of a traceback: only the exception line(s) after the stack are compared.

const TRACEBACK_HEADER = /^Traceback \((?:most recent call last|innermost last)\):[ \t]*$/;

/** Whether expected output is a traceback (doctest then compares only the exception message). */
export function isTraceback(text: string): boolean {
  const firstLine = text.split("\n", 1)[0]!;
  return TRACEBACK_HEADER.test(firstLine);
}

/**
 * The exception message part of a traceback, as doctest's _EXCEPTION_RE takes it: from the first
 * line after the header that starts with a word character, to the end. Text that is not a
 * traceback is returned unchanged.
 */
export function exceptionOnly(text: string): string {
  const lines = text.split("\n");
  if (!TRACEBACK_HEADER.test(lines[0]!)) return text;
  for (let i = 1; i < lines.length; i++) {
    if (/^[\p{L}\p{N}_]/u.test(lines[i]!)) return lines.slice(i).join("\n");
  }
  return text;
}
