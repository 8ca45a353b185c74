// Python patterns compiled to RegExps against CPython's re.search on a fixed table: where they match, their groups, their errors.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { compilePythonRegex, PythonRegexError } from "./regex.js";

const searches: Array<[string, string[]]> = [
  ["abc$", ["abc", "abc\n", "abc\n\n", "abcd"]],
  ["^b", ["b", "ab", "a\nb"]],
  ["(?m)^b$", ["a\nb\nc", "a\rb\rc", "b"]],
  ["a.c", ["abc", "a\nc", "a\rc", "a\u2028c", "a😀c"]],
  ["(?s)a.c", ["a\nc"]],
  ["(?s:a.)c|x", ["a\nc"]],
  ["(?m:^b)", ["a\nb"]],
  ["(?i)LOSS=(\\S+)", ["loss=4"]],
  ["\\d+", ["a12b", "x\u0661\u0662y", "\uff11"]],
  ["(?a)\\d+", ["x\u0661\u0662y3"]],
  ["\\w+", ["héllo wörld", "a_1", "e\u0301", "日本語"]],
  ["\\W", ["ab-c", "é!"]],
  ["\\s+", ["a \t b", "a\x1cb", "a\x85b", "a\ufeffb", "a\u00a0b"]],
  ["\\S+", ["\x1c\x1dab"]],
  ["\\bcat\\b", ["cat", "concat", "a cat.", "écat", "caté"]],
  ["\\Bat", ["cat", "at"]],
  ["a\\Z", ["a", "a\n"]],
  ["\\Aa", ["a", "ba"]],
  ["(?P<x>a)(?P=x)", ["aa", "ab"]],
  ["a(?#comment)b", ["ab"]],
  ["(?x) a b  # spaced\n c", ["abc", "a b c"]],
  ["(?x)a\\ b[ ]c", ["a b c"]],
  ["a{,2}b", ["aaab", "b"]],
  ["a{}", ["a{}"]],
  ["a{,}b", ["aaab"]],
  ["a{2", ["a{2"]],
  ["a}b]", ["a}b]"]],
  ["[]a]+", ["]a]"]],
  ["[^]]+", ["ab]"]],
  ["[a-]+", ["a-a"]],
  ["[\\w-]+", ["ab-cd e"]],
  ["[\\d.]+", ["v1.2.3"]],
  ["[\\W]+", ["ab!?cd"]],
  ["[^\\W\\d]+", ["12ab!"]],
  ["[\\S]+", ["  x\x1cy"]],
  ["[\\s]+", ["x\x1c\x85y"]],
  ["[\\b]", ["a\bb"]],
  ["\\x41\\u00e9\\U0001F600\\101\\0", ["Aé😀A\0"]],
  ["[\\x41-\\x43]+", ["ABCD"]],
  ["\\:\\-\\#\\ \\'", [":-# '"]],
  ["\\a", ["\x07"]],
  ["(a)(b)?\\1", ["aa", "aba"]],
  ["(?:a|b)+", ["abba"]],
  ["(?=a)a", ["a"]],
  ["(?<=a)b", ["ab"]],
  ["😀+", ["😀😀"]],
  ["[😀-😂]", ["😁"]],
  ["(?i)é", ["É"]],
  ["^(\\S+):\\s+([0-9\\.e\\-]+)$", ["loss: 0.5"]],
];

const cases = searches.flatMap(([pattern, texts]) => texts.map((text) => [pattern, text] as const));

/** [start, end, groups] in code points, as Python reports them, or null for no match. */
function search(pattern: string, text: string): [number, number, Array<string | null>] | null {
  const match = compilePythonRegex(pattern).exec(text);
  if (!match) return null;
  const start = Array.from(text.slice(0, match.index)).length;
  return [start, start + Array.from(match[0]).length, match.slice(1).map((group) => group ?? null)];
}

describe("re.search matches CPython", () => {
  const answers = pythonAnswers<unknown>(
    "import re\ndef answer(pattern, text):\n    m = re.search(pattern, text)\n    return None if m is None else [m.start(), m.end(), list(m.groups())]",
    cases,
  );
  test.each(cases.map(([pattern, text], index) => [pattern, text, answers[index]] as const))("%j on %j", (pattern, text, expected) => {
    expect(search(pattern, text)).toEqual(expected);
  });
});

const badPatterns = [
  "a**", "*a", "a(", "a)", "[a", "\\", "a{2}{3}", "\\q", "[\\A]", "\\x4", "[\\8]", "[z-a]", "[a-\\d]", "\\U00110000", "[\\777]",
];

describe("re.error messages match CPython", () => {
  const answers = pythonAnswers<unknown>("import re\ndef answer(pattern):\n    re.compile(pattern)", badPatterns.map((pattern) => [pattern]));
  test.each(badPatterns.map((pattern, index) => [pattern, answers[index]] as const))("%j", (pattern, expected) => {
    let actual = "compiled";
    try {
      compilePythonRegex(pattern);
    } catch (error) {
      if (!(error instanceof PythonRegexError)) throw error;
      actual = `error: ${error.message}`;
    }
    expect({ error: actual }).toEqual(expected);
  });
});

test("a pattern either side cannot express fails as a PythonRegexError", () => {
  expect(() => compilePythonRegex("(?i:a)b")).toThrow(PythonRegexError);
  expect(() => compilePythonRegex("\\N{DIGIT ONE}")).toThrow(PythonRegexError);
});
