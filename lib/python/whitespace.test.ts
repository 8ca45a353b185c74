// str.isspace, strip, lstrip and rstrip against CPython, over every character it counts as whitespace and a few it does not.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { PYTHON_WHITESPACE, isPythonSpace, pythonLstrip, pythonRstrip, pythonStrip } from "./whitespace.js";

const texts = [
  "", " ", "a", " a b ", "\t\na\x0b\x0c\r", "\x1c\x1d\x1e\x1fa\x85", "\u00a0x\u3000", "\ufeffx\ufeff", "\u200bx\u200b",
  "a\u2028b\u2029c", " \u1680\u2000\u200a\u202f\u205f ", "x\x00y", "  many   words\there  ",
];

describe("whitespace matches CPython", () => {
  const answers = pythonAnswers<[string, string, string]>(
    "def answer(text):\n    return [text.strip(), text.lstrip(), text.rstrip()]",
    texts.map((text) => [text]),
  );
  test.each(texts.map((text, index) => [text, answers[index]] as const))("%j", (text, expected) => {
    expect([pythonStrip(text), pythonLstrip(text), pythonRstrip(text)]).toEqual(expected);
  });

  test("isspace over the Basic Multilingual Plane", () => {
    const [expected] = pythonAnswers<string>("def answer():\n    return ''.join(chr(c) for c in range(0x10000) if chr(c).isspace())", [[]]);
    let actual = "";
    for (let code = 0; code < 0x10000; code++) if (isPythonSpace(String.fromCharCode(code))) actual += String.fromCharCode(code);
    expect(actual).toBe(expected);
    expect([...PYTHON_WHITESPACE].sort().join("")).toBe([...(expected as string)].sort().join(""));
  });
});
