// repr() of strings and decoded values against CPython's repr of the same values written as Python literals.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { pyRepr, pyStr, strRepr } from "./repr.js";
import { PyDate, PyFloat } from "./values.js";

const strings = [
  "", "abc", "it's", 'say "hi"', `both ' and "`, "tab\there", "new\nline", "cr\r", "back\\slash", "\x00\x1f\x7f", "\x85\xa0\xad",
  "café", "\u2028", "\u200b", "\ufeff", "\ue000", "\ud800", "😀", "\u{1d7ce}", "\u3000", " ", "\u0378",
];

describe("repr(str) matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(text):\n    return repr(text)", strings.map((text) => [text]));
  test.each(strings.map((text, index) => [text, answers[index]] as const))("repr(%j)", (text, expected) => {
    expect(strRepr(text)).toBe(expected);
  });
});

// Each decoded value beside the Python literal for the value PyYAML would give.
const values: Array<[unknown, string]> = [
  [null, "None"], [true, "True"], [false, "False"], [0, "0"], [-7, "-7"], [1e21, "10**21"], [2 ** 70, "2**70"],
  [1.5, "1.5"], [new PyFloat(1), "1.0"], [new PyFloat(1e16), "1e16"], [new PyFloat(NaN), "float('nan')"], [Infinity, "float('inf')"],
  ["x", "'x'"], [new PyDate("2020-01-02"), "__import__('datetime').date(2020, 1, 2)"],
  [[], "[]"], [[1, "a", [new PyFloat(2)]], "[1, 'a', [2.0]]"], [{}, "{}"], [{ b: 1, a: [null] }, "{'b': 1, 'a': [None]}"],
];

describe("repr of decoded values matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(source):\n    return repr(eval(source))", values.map(([, source]) => [source]));
  test.each(values.map(([value, source], index) => [source, value, answers[index]] as const))("repr(%s)", (_source, value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });
});

describe("str of decoded values matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(source):\n    return str(eval(source))", values.map(([, source]) => [source]));
  test.each(values.map(([value, source], index) => [source, value, answers[index]] as const))("str(%s)", (_source, value, expected) => {
    expect(pyStr(value)).toBe(expected);
  });
});
