// Python's idea of whitespace (str.isspace) and the no-argument str.strip(), lstrip() and rstrip() built on it.

/** Every character str.isspace() accepts: Unicode Zs plus the bidi whitespace, segment and paragraph separators. */
export const PYTHON_WHITESPACE =
  " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

export function isPythonSpace(char: string): boolean {
  return char.length === 1 && PYTHON_WHITESPACE.includes(char);
}

/** str.strip() with no arguments. */
export function pythonStrip(text: string): string {
  return pythonRstrip(pythonLstrip(text));
}

/** str.lstrip() with no arguments. */
export function pythonLstrip(text: string): string {
  let start = 0;
  while (start < text.length && isPythonSpace(text[start]!)) start++;
  return text.slice(start);
}

/** str.rstrip() with no arguments. */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text[end - 1]!)) end--;
  return text.slice(0, end);
}
