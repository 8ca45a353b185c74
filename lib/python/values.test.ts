// Python == on decoded values (1 == 1.0 == True, dicts ignore key order) against CPython on the same literals.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { PyDate, PyFloat, pyEquals } from "./values.js";

const date = (text: string) => [new PyDate(text), `__import__('datetime').date(${text.split("-").map(Number).join(", ")})`] as const;

// Pairs of [value, its Python literal].
const pairs: Array<[readonly [unknown, string], readonly [unknown, string]]> = [
  [[1, "1"], [new PyFloat(1), "1.0"]],
  [[true, "True"], [1, "1"]],
  [[false, "False"], [new PyFloat(0), "0.0"]],
  [[true, "True"], ["True", "'True'"]],
  [[null, "None"], [false, "False"]],
  [[new PyFloat(NaN), "float('nan')"], [new PyFloat(NaN), "float('nan')"]],
  [["1", "'1'"], [1, "1"]],
  [[[1, 2], "[1, 2]"], [[new PyFloat(1), 2], "[1.0, 2]"]],
  [[[1, 2], "[1, 2]"], [[2, 1], "[2, 1]"]],
  [[{ a: 1, b: 2 }, "{'a': 1, 'b': 2}"], [{ b: 2, a: new PyFloat(1) }, "{'b': 2, 'a': 1.0}"]],
  [[{ a: 1 }, "{'a': 1}"], [{ a: 1, b: 2 }, "{'a': 1, 'b': 2}"]],
  [date("2020-01-02"), date("2020-01-02")],
  [date("2020-01-02"), date("2020-01-03")],
  [[[], "[]"], [{}, "{}"]],
];

describe("pyEquals matches CPython ==", () => {
  const answers = pythonAnswers<boolean>("def answer(left, right):\n    return eval(left) == eval(right)", pairs.map(([[, left], [, right]]) => [left, right]));
  test.each(pairs.map(([[left, leftSource], [right, rightSource]], index) => [leftSource, rightSource, left, right, answers[index]] as const))(
    "%s == %s", (_left, _right, left, right, expected) => {
      expect(pyEquals(left, right)).toBe(expected);
    },
  );
});
