// doctest's `...` matching: split on the marker, anchor the ends, find the middle pieces left to right.

export const ELLIPSIS_MARKER = "...";

/**
 * CPython's doctest._ellipsis_match. Linear scans with indexOf: no regex, no backtracking. The
 * leftmost choice for each middle piece is always safe, so this never misses a match.
 */
export function ellipsisMatch(expected: string, actual: string): boolean {
  if (!expected.includes(ELLIPSIS_MARKER)) return expected === actual;
  const pieces = expected.split(ELLIPSIS_MARKER);
  let start = 0;
  let end = actual.length;
  const first = pieces[0]!;
  if (first !== "") {
    if (!actual.startsWith(first)) return false;
    start = first.length;
  }
  const last = pieces[pieces.length - 1]!;
  if (last !== "") {
    if (!actual.endsWith(last)) return false;
    end -= last.length;
  }
  if (start > end) return false;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const found = actual.indexOf(piece, start);
    if (found < 0 || found + piece.length > end) return false;
    start = found + piece.length;
  }
  return true;
}
