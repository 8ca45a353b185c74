// difflib against CPython: get_close_matches, SequenceMatcher opcodes and ratio, unified_diff, on a fixed table.
import { describe, expect, test } from "vitest";
import { getCloseMatches, SequenceMatcher, unifiedDiff } from "./difflib.js";
import { pythonAnswers } from "./oracle.js";

const closeCases: Array<[string, string[]]> = [
  ["appel", ["ape", "apple", "peach", "puppy"]],
  ["--lable", ["--label", "--tag", "--help", "--yes"]],
  ["--ys", ["--yes", "--y", "--ya", "--ye"]],
  ["ab", ["ba", "ab", "ab", "bb", "aa"]],
  ["", ["", "a"]],
  ["wheel", ["while", "whale", "wheels", "heel", "eel"]],
  ["x", []],
  ["😀a", ["😀b", "a😀", "ab"]],
  ["a".repeat(210) + "b", ["a".repeat(200), "b".repeat(10), "a".repeat(205) + "b"]],
];

describe("get_close_matches matches CPython", () => {
  const answers = pythonAnswers<string[]>("import difflib\ndef answer(word, possibilities):\n    return difflib.get_close_matches(word, possibilities)", closeCases);
  test.each(closeCases.map(([word, candidates], index) => [word, candidates, answers[index]] as const))("%j in %j", (word, candidates, expected) => {
    expect(getCloseMatches(word, candidates)).toEqual(expected);
  });
});

const pairs: Array<[string, string]> = [
  ["abxcd", "abcd"], ["qabxcd", "abycdf"], [" abcd", "abcd abcd"], ["", ""], ["", "abc"], ["abc", ""], ["private", "pirate"],
  ["a".repeat(150) + "b".repeat(60), "b".repeat(60) + "a".repeat(150)], ["ab".repeat(120), "ba".repeat(120)],
];

describe("SequenceMatcher opcodes and ratio match CPython", () => {
  const answers = pythonAnswers<[unknown[], number]>(
    "import difflib\ndef answer(a, b):\n    s = difflib.SequenceMatcher(None, a, b)\n    return [[list(code) for code in s.get_opcodes()], s.ratio()]",
    pairs,
  );
  test.each(pairs.map(([a, b], index) => [a, b, answers[index]] as const))("%j vs %j", (a, b, expected) => {
    const matcher = new SequenceMatcher(Array.from(a), Array.from(b));
    expect([matcher.opcodes(), matcher.ratio()]).toEqual(expected);
  });
});

const numbered = (count: number) => Array.from({ length: count }, (_, index) => String(index + 1));
const edited = numbered(40);
edited.splice(8, 0, "i");
edited[20] += "x";
edited.splice(23, 5);
edited[30] += "y";
const diffCases: Array<[string[], string[], number]> = [
  [["one", "two", "three", "four"], ["zero", "one", "tree", "four"], 3],
  [numbered(39), edited, 3],
  [numbered(39), edited, 0],
  [["x"], ["y", "x"], 3],
  [[], ["y"], 3],
  [["a", "b"], ["a"], 0],
  [["same"], ["same"], 3],
  [[""], ["", "extra"], 3],
  [Array.from({ length: 250 }, (_, index) => (index % 3 === 0 ? "" : `line ${index}`)), Array.from({ length: 250 }, (_, index) => (index % 3 === 0 ? "" : `line ${index % 7 === 0 ? "changed" : index}`)), 3],
];

describe("unified_diff matches CPython", () => {
  const answers = pythonAnswers<string[]>(
    "import difflib\ndef answer(a, b, n):\n    return list(difflib.unified_diff(a, b, 'expected', 'actual', n=n))",
    diffCases,
  );
  test.each(diffCases.map(([a, b, context], index) => [a.length, b.length, context, a, b, answers[index]] as const))(
    "%i lines vs %i lines, %i of context", (_aLength, _bLength, context, a, b, expected) => {
      expect(unifiedDiff(a, b, { fromFile: "expected", toFile: "actual", context })).toEqual(expected);
    },
  );
});
