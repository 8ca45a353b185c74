// int(str) against CPython on a fixed table: signs, underscores, whitespace and Unicode digits.
import { describe, expect, test } from "vitest";
import { parsePythonInt } from "./int.js";
import { pythonAnswers } from "./oracle.js";

const texts = [
  "0", "007", "-12", "+3", " 4 ", "\t5\n", "1_000", "1__0", "_1", "1_", "0_7", "1.0", "1e3", "", " ", "-", "+-1", "0x10",
  "99999999999999999999999", "\u00a06\u3000", "\ufeff7", "\u0661\u0662", "\uff18", "1 2", "٣_٤",
];

describe("int(str) matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(text):\n    return str(int(text))", texts.map((text) => [text]));
  test.each(texts.map((text, index) => [text, answers[index]] as const))("int(%j)", (text, expected) => {
    const value = parsePythonInt(text);
    expect(value === null ? "ValueError" : value.toString()).toBe(typeof expected === "string" ? expected : expected.error.split(":")[0]);
  });
});
