// Rewrites actual output so each region a `...` wildcard matched reads as the wildcard itself.
import { isWhitespaceCode as isSpace, normalizeWhitespace as collapseWhitespace } from "./doctest-check.js";
import { ELLIPSIS_MARKER } from "./ellipsis.js";

/** A region of the actual text that a wildcard matched, and the marker to show in its place. */
export type WildcardSpan = { start: number; end: number; marker: string };

export type Redaction = {
  /** The actual text with every matched wildcard region replaced by its marker. */
  text: string;
  /** True when every wildcard matched (the whole expected text matched). */
  complete: boolean;
  spans: WildcardSpan[];
};

/**
 * Walks the pieces of `expected` (split on `...`) against `actual` as doctest's ellipsis match
 * does: first piece a prefix, middle pieces found left to right, last piece a suffix. When the
 * walk fails partway, the prefix that matched is kept and a second walk from the end keeps the
 * wildcards of the suffix that still matches; the region between stays literal. With
 * `normalizeWhitespace`, pieces are found in whitespace-normalised text and mapped back.
 * `markers[k]` is the text shown for the k-th wildcard (default `...`).
 */
export function redactWildcards(
  expected: string,
  actual: string,
  normalizeWhitespace: boolean,
  markers: readonly string[] = [],
): Redaction {
  // Collapsing whitespace never makes a wildcard, so without one there is nothing to map back.
  if (!expected.includes(ELLIPSIS_MARKER)) {
    const complete = normalizeWhitespace ? collapseWhitespace(expected) === collapseWhitespace(actual) : expected === actual;
    return { text: actual, complete, spans: [] };
  }
  const view = normalizeWhitespace ? normalizedView(actual) : identityView(actual);
  const want = normalizeWhitespace ? normalizedView(expected).text : expected;
  const pieces = want.split(ELLIPSIS_MARKER);
  const { regions, complete } = matchRegions(pieces, view.text);
  const spans = regions.map(({ wildcard, start, end }) => ({
    start: view.origin(start),
    end: view.origin(end),
    marker: markers[wildcard] ?? ELLIPSIS_MARKER,
  }));
  spans.sort((a, b) => a.start - b.start);
  let text = "";
  let position = 0;
  for (const span of spans) {
    text += actual.slice(position, span.start) + span.marker;
    position = span.end;
  }
  text += actual.slice(position);
  return { text, complete, spans };
}

type Region = { wildcard: number; start: number; end: number };

function matchRegions(pieces: string[], text: string): { regions: Region[]; complete: boolean } {
  const last = pieces.length - 1;
  const regions: Region[] = [];
  const first = pieces[0]!;
  const suffix = pieces[last]!;
  const prefixMatches = text.startsWith(first);
  let position = prefixMatches ? first.length : 0;
  const suffixMatches = text.endsWith(suffix) && text.length - suffix.length >= position;
  const bound = suffixMatches ? text.length - suffix.length : text.length;
  // Forward, exactly as doctest: leftmost occurrence of each middle piece.
  let failedAt = prefixMatches ? -1 : 0;
  if (failedAt < 0) {
    for (let k = 1; k < last; k++) {
      const piece = pieces[k]!;
      const found = text.indexOf(piece, position);
      if (found < 0 || found + piece.length > bound) {
        failedAt = k;
        break;
      }
      regions.push({ wildcard: k - 1, start: position, end: found });
      position = found + piece.length;
    }
  }
  if (failedAt < 0 && suffixMatches) {
    regions.push({ wildcard: last - 1, start: position, end: bound });
    return { regions, complete: true };
  }
  if (failedAt < 0) return { regions, complete: false };
  // Backward from the suffix: rightmost occurrences, never reaching into the forward part.
  if (suffixMatches) {
    let end = bound;
    for (let k = last - 1; k >= Math.max(failedAt, 1); k--) {
      const piece = pieces[k]!;
      const found = end - piece.length >= position ? text.lastIndexOf(piece, end - piece.length) : -1;
      if (found < position) break;
      regions.push({ wildcard: k, start: found + piece.length, end });
      end = found;
    }
  }
  return { regions, complete: false };
}

type TextView = { text: string; origin(index: number): number };

function identityView(text: string): TextView {
  return { text, origin: (index) => index };
}

/**
 * `' '.join(text.split())` plus, for each index of the result, where it starts in `text`.
 * The end index maps to just after the last non-whitespace character. Words are sliced whole
 * and the starts kept in a typed array, so megabytes of output cost a few times their size.
 */
function normalizedView(text: string): TextView {
  const parts: string[] = [];
  const starts = new Uint32Array(text.length);
  let count = 0;
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  let contentEnd = i;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      const runStart = i;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (i < text.length) {
        parts.push(" ");
        starts[count++] = runStart;
      }
    } else {
      const wordStart = i;
      while (i < text.length && !isSpace(text.charCodeAt(i))) starts[count++] = i++;
      parts.push(text.slice(wordStart, i));
      contentEnd = i;
    }
  }
  return { text: parts.join(""), origin: (index) => (index < count ? starts[index]! : contentEnd) };
}
