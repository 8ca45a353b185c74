// str ordering against CPython: code points outside the BMP sort after U+E000-U+FFFF, unlike JavaScript's <.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { compareCodePoints } from "./str-order.js";

const pairs: Array<[string, string]> = [
  ["", ""], ["a", ""], ["a", "b"], ["ab", "a"], ["B", "a"],
  ["\uffff", "\u{10000}"], ["\u{1f600}", "\ue000"], ["a\u{1f600}", "a\uffff"], ["é", "e\u0301"], ["z", "\u00e9"],
];

describe("compareCodePoints orders as CPython's str <", () => {
  const answers = pythonAnswers<number>("def answer(a, b):\n    return (a > b) - (a < b)", pairs);
  test.each(pairs.map((pair, index) => [...pair, answers[index]] as const))("%j vs %j", (left, right, expected) => {
    expect(Math.sign(compareCodePoints(left, right))).toBe(expected);
  });
});
