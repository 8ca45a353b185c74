// Python difflib.get_close_matches, used by click to suggest a long option for a misspelt one.

function longestMatch(a: string, b: string, aLow: number, aHigh: number, bLow: number, bHigh: number): [number, number, number] {
  let best: [number, number, number] = [aLow, bLow, 0];
  let lengths = new Map<number, number>();
  for (let i = aLow; i < aHigh; i++) {
    const next = new Map<number, number>();
    for (let j = bLow; j < bHigh; j++) {
      if (a[i] !== b[j]) continue;
      const length = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, length);
      if (length > best[2]) best = [i - length + 1, j - length + 1, length];
    }
    lengths = next;
  }
  return best;
}

function matchingCharacters(a: string, b: string): number {
  let total = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [aLow, aHigh, bLow, bHigh] = queue.pop()!;
    const [i, j, size] = longestMatch(a, b, aLow, aHigh, bLow, bHigh);
    if (size === 0) continue;
    total += size;
    if (aLow < i && bLow < j) queue.push([aLow, i, bLow, j]);
    if (i + size < aHigh && j + size < bHigh) queue.push([i + size, aHigh, j + size, bHigh]);
  }
  return total;
}

/** SequenceMatcher(None, a, b).ratio() for short strings (no junk heuristics apply). */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchingCharacters(a, b)) / total;
}

/** Up to `count` candidates scoring at least `cutoff`, best first (ties: later candidate first, as Python's heapq does). */
export function closeMatches(word: string, candidates: string[], count = 3, cutoff = 0.6): string[] {
  const scored = candidates
    .map((candidate, index) => ({ candidate, index, score: similarity(candidate, word) }))
    .filter((item) => item.score >= cutoff);
  scored.sort((x, y) => y.score - x.score || (x.candidate < y.candidate ? 1 : x.candidate > y.candidate ? -1 : 0));
  return scored.slice(0, count).map((item) => item.candidate);
}
