// str.splitlines and inspect.cleandoc against CPython on a fixed table of line endings and indentations.
import { describe, expect, test } from "vitest";
import { cleandoc, splitLines } from "./docstrings.js";
import { pythonAnswers } from "./oracle.js";

const texts = [
  "",
  "\n",
  "one",
  "one\n",
  "one\n\ntwo\n\n",
  "a\r\nb\rc\x0bd\x0ce\x1cf\x85g\u2028h\u2029i",
  "Summary.\n\n    Body line.\n      Indented more.\n\n    ",
  "  Summary with leading spaces.\n    body\n  less\n",
  "\n\n    Starts on the second line.\n\n        kept 4 deeper\n    ",
  "Tabs.\n\tone tab\n\t  tab and spaces",
  "    \n  \n    text\n      \n",
  "\b\n  \b\n    x",
];

describe("str.splitlines matches CPython", () => {
  const answers = pythonAnswers<string[]>("def answer(text):\n    return text.splitlines()", texts.map((text) => [text]));
  test.each(texts.map((text, index) => [text, answers[index]] as const))("%j", (text, expected) => {
    expect(splitLines(text)).toEqual(expected);
  });
});

describe("inspect.cleandoc matches CPython", () => {
  const answers = pythonAnswers<string>("import inspect\ndef answer(text):\n    return inspect.cleandoc(text)", texts.map((text) => [text]));
  test.each(texts.map((text, index) => [text, answers[index]] as const))("%j", (text, expected) => {
    expect(cleandoc(text)).toBe(expected);
  });
});
