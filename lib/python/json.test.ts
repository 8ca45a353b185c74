// pyJsonDumps against python3's json.dumps for the values run attrs hold.
import { expect, test } from "vitest";
import { pyJsonDumps } from "./json.js";
import { PyFloat } from "./values.js";
import { pythonAnswers } from "./oracle.js";

const cases: [unknown, string][] = [
  [{ a: 1, b: [true, false, null], c: "x" }, '{"a": 1, "b": [true, false, null], "c": "x"}'],
  [new PyFloat(1), "1.0"],
  [0.1, "0.1"],
  [new PyFloat(1e22), "1e+22"],
  [new PyFloat(NaN), "NaN"],
  ["caf\u00e9 \"q\" \\ \n\t", '"caf\\u00e9 \\"q\\" \\\\ \\n\\t"'],
  ["\u{1F600}", '"\\ud83d\\ude00"'],
  [[], "[]"],
  [{}, "{}"],
];

test.each(cases)("%j", (value, expected) => {
  expect(pyJsonDumps(value)).toBe(expected);
});

test("strings agree with python3's json.dumps", () => {
  const texts = ["plain", "caf\u00e9", "tab\there", "\u0001", "\u{1F600}", 'quote"back\\slash', "\u2028", "\u007f"];
  const answers = pythonAnswers<string>("def answer(text):\n    return json.dumps(text)", texts.map((text) => [text]));
  expect(texts.map((text) => pyJsonDumps(text))).toEqual(answers);
});

test("sort_keys orders keys by code point at every level, as python3 does", () => {
  const value = { b: 1, a: { z: [{ y: 2, x: 1 }], "\u00e9": 0, B: 3 } };
  const [answer] = pythonAnswers<string>("def answer(value):\n    return json.dumps(value, sort_keys=True)", [[value]]);
  expect(pyJsonDumps(value, { sortKeys: true })).toBe(answer);
});

test("indent puts items one a line at every level, as python3's indent=2 does", () => {
  const values = [{ b: [1, { x: [] }], a: {} }, [], {}, [[1, 2], { k: "v" }]];
  const answers = pythonAnswers<string>("def answer(value):\n    return json.dumps(value, indent=2, sort_keys=True)", values.map((value) => [value]));
  expect(values.map((value) => pyJsonDumps(value, { indent: 2, sortKeys: true }))).toEqual(answers);
});
