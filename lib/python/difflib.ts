// Python's difflib: SequenceMatcher (Ratcliff/Obershelp with junk heuristics), get_close_matches and unified_diff.
import { compareCodePoints } from "./str-order.js";

export type Opcode = ["replace" | "delete" | "insert" | "equal", number, number, number, number];
type Block = [number, number, number];

/** difflib.SequenceMatcher(None, a, b) with autojunk: compares two sequences of strings (lines or characters). */
export class SequenceMatcher {
  private readonly b2j = new Map<string, number[]>();
  private readonly popular = new Set<string>();
  private blocks: Block[] | null = null;

  constructor(readonly a: readonly string[], readonly b: readonly string[]) {
    b.forEach((element, index) => {
      const indices = this.b2j.get(element);
      if (indices) indices.push(index);
      else this.b2j.set(element, [index]);
    });
    // Elements making up more than 1% of a long b are treated as junk, as difflib's autojunk does.
    if (b.length >= 200) {
      const limit = Math.floor(b.length / 100) + 1;
      for (const [element, indices] of this.b2j) if (indices.length > limit) this.popular.add(element);
      for (const element of this.popular) this.b2j.delete(element);
    }
  }

  /** find_longest_match: the longest block, earliest in a, then earliest in b, extended over popular elements. */
  findLongestMatch(aLow: number, aHigh: number, bLow: number, bHigh: number): Block {
    const { a, b } = this;
    let bestI = aLow;
    let bestJ = bLow;
    let bestSize = 0;
    let lengths = new Map<number, number>();
    for (let i = aLow; i < aHigh; i++) {
      const next = new Map<number, number>();
      for (const j of this.b2j.get(a[i]!) ?? []) {
        if (j < bLow) continue;
        if (j >= bHigh) break;
        const size = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, size);
        if (size > bestSize) {
          bestI = i - size + 1;
          bestJ = j - size + 1;
          bestSize = size;
        }
      }
      lengths = next;
    }
    while (bestI > aLow && bestJ > bLow && a[bestI - 1] === b[bestJ - 1]) {
      bestI--;
      bestJ--;
      bestSize++;
    }
    while (bestI + bestSize < aHigh && bestJ + bestSize < bHigh && a[bestI + bestSize] === b[bestJ + bestSize]) bestSize++;
    return [bestI, bestJ, bestSize];
  }

  /** get_matching_blocks: non-adjacent equal blocks in order, closed by (len(a), len(b), 0). */
  matchingBlocks(): Block[] {
    if (this.blocks) return this.blocks;
    const found: Block[] = [];
    const queue: Array<[number, number, number, number]> = [[0, this.a.length, 0, this.b.length]];
    while (queue.length > 0) {
      const [aLow, aHigh, bLow, bHigh] = queue.pop()!;
      const block = this.findLongestMatch(aLow, aHigh, bLow, bHigh);
      const [i, j, size] = block;
      if (size === 0) continue;
      found.push(block);
      if (aLow < i && bLow < j) queue.push([aLow, i, bLow, j]);
      if (i + size < aHigh && j + size < bHigh) queue.push([i + size, aHigh, j + size, bHigh]);
    }
    found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    const blocks: Block[] = [];
    let [i1, j1, k1] = [0, 0, 0];
    for (const [i2, j2, k2] of found) {
      if (i1 + k1 === i2 && j1 + k1 === j2) k1 += k2;
      else {
        if (k1) blocks.push([i1, j1, k1]);
        [i1, j1, k1] = [i2, j2, k2];
      }
    }
    if (k1) blocks.push([i1, j1, k1]);
    blocks.push([this.a.length, this.b.length, 0]);
    this.blocks = blocks;
    return blocks;
  }

  /** get_opcodes: how to turn a into b. */
  opcodes(): Opcode[] {
    const codes: Opcode[] = [];
    let i = 0;
    let j = 0;
    for (const [ai, bj, size] of this.matchingBlocks()) {
      const tag = i < ai && j < bj ? "replace" : i < ai ? "delete" : j < bj ? "insert" : null;
      if (tag) codes.push([tag, i, ai, j, bj]);
      i = ai + size;
      j = bj + size;
      if (size) codes.push(["equal", ai, i, bj, j]);
    }
    return codes;
  }

  /** get_grouped_opcodes(n): change clusters with up to n elements of context. */
  groupedOpcodes(context = 3): Opcode[][] {
    const codes = this.opcodes();
    if (codes.length === 0) codes.push(["equal", 0, 1, 0, 1]);
    if (codes[0]![0] === "equal") {
      const [tag, i1, i2, j1, j2] = codes[0]!;
      codes[0] = [tag, Math.max(i1, i2 - context), i2, Math.max(j1, j2 - context), j2];
    }
    if (codes[codes.length - 1]![0] === "equal") {
      const [tag, i1, i2, j1, j2] = codes[codes.length - 1]!;
      codes[codes.length - 1] = [tag, i1, Math.min(i2, i1 + context), j1, Math.min(j2, j1 + context)];
    }
    const groups: Opcode[][] = [];
    let group: Opcode[] = [];
    for (const code of codes) {
      let [tag, i1, i2, j1, j2] = code;
      if (tag === "equal" && i2 - i1 > 2 * context) {
        group.push([tag, i1, Math.min(i2, i1 + context), j1, Math.min(j2, j1 + context)]);
        groups.push(group);
        group = [];
        i1 = Math.max(i1, i2 - context);
        j1 = Math.max(j1, j2 - context);
      }
      group.push([tag, i1, i2, j1, j2]);
    }
    if (group.length > 0 && !(group.length === 1 && group[0]![0] === "equal")) groups.push(group);
    return groups;
  }

  /** ratio(): 2 * matches / total length, 1 when both are empty. */
  ratio(): number {
    const matches = this.matchingBlocks().reduce((total, [, , size]) => total + size, 0);
    const length = this.a.length + this.b.length;
    return length === 0 ? 1 : (2 * matches) / length;
  }
}

/** get_close_matches(word, possibilities, n, cutoff): best scores first, ties broken by the larger string first. */
export function getCloseMatches(word: string, possibilities: readonly string[], count = 3, cutoff = 0.6): string[] {
  const wordChars = Array.from(word);
  const scored = possibilities
    .map((candidate) => ({ candidate, score: new SequenceMatcher(Array.from(candidate), wordChars).ratio() }))
    .filter((item) => item.score >= cutoff);
  scored.sort((x, y) => y.score - x.score || compareCodePoints(y.candidate, x.candidate));
  return scored.slice(0, count).map((item) => item.candidate);
}

/** difflib's unified range: `start,length` (1-based), `start` alone for one line; an empty range names the line before. */
export function formatRangeUnified(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 1) return `${beginning}`;
  if (length === 0) beginning -= 1;
  return `${beginning},${length}`;
}

/** difflib's context range: `first,last` (1-based), `first` alone for one line or an empty range (the line before). */
export function formatRangeContext(start: number, stop: number): string {
  let beginning = start + 1;
  const length = stop - start;
  if (length === 0) beginning -= 1;
  if (length <= 1) return `${beginning}`;
  return `${beginning},${beginning + length - 1}`;
}

export interface UnifiedDiffOptions {
  fromFile?: string;
  toFile?: string;
  fromFileDate?: string;
  toFileDate?: string;
  context?: number;
  lineTerm?: string;
}

/** unified_diff(a, b, ...): the lines difflib yields (header and hunk lines end with lineTerm, content lines as given). */
export function unifiedDiff(a: readonly string[], b: readonly string[], options: UnifiedDiffOptions = {}): string[] {
  const { fromFile = "", toFile = "", fromFileDate = "", toFileDate = "", context = 3, lineTerm = "\n" } = options;
  const lines: string[] = [];
  for (const group of new SequenceMatcher(a, b).groupedOpcodes(context)) {
    if (lines.length === 0) {
      lines.push(`--- ${fromFile}${fromFileDate ? "\t" + fromFileDate : ""}${lineTerm}`);
      lines.push(`+++ ${toFile}${toFileDate ? "\t" + toFileDate : ""}${lineTerm}`);
    }
    const first = group[0]!;
    const last = group[group.length - 1]!;
    lines.push(`@@ -${formatRangeUnified(first[1], last[2])} +${formatRangeUnified(first[3], last[4])} @@${lineTerm}`);
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === "equal") {
        for (const line of a.slice(i1, i2)) lines.push(" " + line);
        continue;
      }
      if (tag === "replace" || tag === "delete") for (const line of a.slice(i1, i2)) lines.push("-" + line);
      if (tag === "replace" || tag === "insert") for (const line of b.slice(j1, j2)) lines.push("+" + line);
    }
  }
  return lines;
}
