// Line alignment and patch hunks: the shortcuts around the diff package give what it gives.
import { diffArrays, structuredPatch } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignLineArrays, patchHunks } from "./line-diff.js";

const text = (lines: string[]) => lines.map((line) => line + "\n").join("");

/** The diff package's own hunks, or one hunk of everything when it gives up (its budget: 1500 edits). */
function libraryHunks(expected: string[], actual: string[]) {
  const patch = structuredPatch("expected", "actual", text(expected), text(actual), undefined, undefined, { context: 3, maxEditLength: 1500 });
  return patch ? patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({ oldStart, oldLines, newStart, newLines, lines })) : "too different";
}

function ourHunks(expected: string[], actual: string[]) {
  const hunks = patchHunks(text(expected), text(actual), 3);
  const whole = hunks.length === 1 && hunks[0]!.lines.length === expected.length + actual.length && hunks[0]!.lines.every((line) => !line.startsWith(" "));
  return whole && expected.length + actual.length > 1500 ? "too different" : hunks;
}

describe("patchHunks", () => {
  const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i}`);

  it.each([
    ["750 lines replaced: 1500 edits, within the budget", 750, "aligned"],
    ["751 lines replaced: 1502 edits, past it", 751, "too different"],
  ])("%s", (_title, replaced, outcome) => {
    const expected = [...lines("same", 10), ...lines("old", replaced), ...lines("same", 10).reverse()];
    const actual = [...lines("same", 10), ...lines("new", replaced), ...lines("same", 10).reverse()];
    const ours = ourHunks(expected, actual);
    expect(ours === "too different" ? ours : "aligned").toBe(outcome);
    expect(libraryHunks(expected, actual) === "too different" ? "too different" : "aligned").toBe(outcome);
  });

  it("gives the diff package's hunks for any two texts of a few repeated lines", () => {
    const side = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 40 });
    fc.assert(
      fc.property(side, side, (expected, actual) => {
        expect(ourHunks(expected, actual)).toEqual(libraryHunks(expected, actual));
      }),
      // Equal last lines: the diff aligns the change into them, so they cannot be set aside.
      { examples: [[["a", "", "a", "c", "d"], ["", "", "a", "c", "d"]]] },
    );
  });
});

describe("alignLineArrays", () => {
  /** The diff package's own alignment of the whole arrays, as runs of equal, removed and added lines. */
  function libraryChanges(expected: string[], actual: string[], equal: (a: string, b: string) => boolean) {
    const changes = diffArrays(expected, actual, { comparator: equal, maxEditLength: 1500 });
    return changes?.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "equal", count: change.count ?? change.value.length }));
  }

  it("counts equal, removed and added lines, the equal first lines set aside first", () => {
    expect(alignLineArrays(["a", "b", "c", "d"], ["a", "x", "c", "d"])).toEqual([
      { kind: "equal", count: 1 },
      { kind: "removed", count: 1 },
      { kind: "added", count: 1 },
      { kind: "equal", count: 2 },
    ]);
  });

  it("gives the diff package's alignment for any two arrays, by text or by a looser comparison", () => {
    const side = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 40 });
    // "a" and "b" compare equal: lines of different text that a key (a wildcard) makes equal.
    const loose = (a: string, b: string) => a === b || (a + b).split("").sort().join("") === "ab";
    const comparison = { keys: (lines: string[]) => lines, equal: loose };
    fc.assert(
      fc.property(side, side, (expected, actual) => {
        expect(alignLineArrays(expected, actual)).toEqual(libraryChanges(expected, actual, (a, b) => a === b));
        expect(alignLineArrays(expected, actual, comparison)).toEqual(libraryChanges(expected, actual, loose));
      }),
    );
  });

  it("gives up past the budget, and keys only the lines after the equal first ones", () => {
    const keyed: string[] = [];
    const comparison = { keys: (lines: string[], side: string, first: number) => (keyed.push(`${side}@${first}:${lines.join("")}`), lines), equal: (a: string, b: string) => a === b };
    expect(alignLineArrays(["x", ...Array.from({ length: 1501 }, () => "y")], ["x"], comparison)).toBeUndefined();
    expect(alignLineArrays(["h", "a", "t"], ["h", "b", "t"], comparison)).toBeDefined();
    expect(keyed).toEqual(["expected@1:at", "actual@1:bt"]);
  });
});
