// Natural sort like Python natsort.natsorted defaults: digit runs compare as numbers, text by code point.

type Chunk = string | number;

/** The natsort key: alternating text and number chunks, always starting with text ("" if needed). */
export function naturalKey(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const part of text.split(/(\d+)/)) {
    if (part === "") continue;
    chunks.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  if (typeof chunks[0] === "number") chunks.unshift("");
  return chunks;
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const diff = left[index].codePointAt(0)! - right[index].codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

export function compareNatural(a: string, b: string): number {
  const left = naturalKey(a);
  const right = naturalKey(b);
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index];
    const y = right[index];
    const diff = typeof x === "number" && typeof y === "number" ? x - y : compareCodePoints(String(x), String(y));
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** A sorted copy (stable for equal keys). */
export function naturalSorted(items: readonly string[]): string[] {
  return [...items].sort(compareNatural);
}
