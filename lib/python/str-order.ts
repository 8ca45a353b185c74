// Python's ordering of str values: by code point, not by UTF-16 unit as JavaScript's < does.

/** Compares two strings as Python's `<` does (negative, zero or positive). */
export function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const diff = a[index]!.codePointAt(0)! - b[index]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
