// fnmatch against CPython's fnmatch.fnmatch on a fixed table of patterns and names, brackets' edge cases included.
import { describe, expect, test } from "vitest";
import { fnmatch } from "./fnmatch.js";
import { pythonAnswers } from "./oracle.js";

const patterns = [
  "*", "*.py", "a*b", "a**b", "?", "??", "a?c", "[abc]", "[!abc]", "[a-c]", "[!a-c]", "[]a]", "[!]]", "[]]", "[]-a]", "[!]-a]",
  "[", "[a", "a[", "[!", "[!]", "[]", "[!]a]", "[a-]", "[-a]", "[!-a]", "[a-c-e]", "[z-a]", "[b-a-c]", "[!b-a]", "[ab-ax]",
  "[a\\]", "[\\]", "[\\-a]", "[a-\\]", "[^a]", "[!^a]", "[[a]", "[a[]", "[&&]", "[~|]", "[a&&b]", "[--0]", "[!--0]",
  "[.]", "*.[ch]", "\\*", "a\\b", "(x)", "a+b", "{a,b}", "$", "^a", "[😀-😂]", "?x", "é*", "[é]", "*/*", "**/x",
];
const names = [
  "", "a", "b", "c", "d", "e", "z", "]", "!", "-", "^", "[", "\\", "&", "~", "|", ".", "0", "/", "\n", "x", "ab", "abc", "acb",
  "a]", "a[", "[a", "]a", "aXb", "a\nb", "file.py", "file.c", "file.h", "dir/file", "a\\b", "(x)", "a+b", "{a,b}", "$", "^a",
  "😀", "😁", "😃", "😀x", "é", "éa", "x/y", "a/b/x", "*", "?",
];

describe("fnmatch matches CPython", () => {
  const cases = patterns.flatMap((pattern) => names.map((name) => [name, pattern] as const));
  const answers = pythonAnswers<boolean>("import fnmatch\ndef answer(name, pattern):\n    return fnmatch.fnmatch(name, pattern)", cases);
  test.each(patterns.map((pattern) => [pattern] as const))("%j", (pattern) => {
    const expected = names.filter((name) => answers[cases.findIndex(([n, p]) => n === name && p === pattern)] === true);
    expect(names.filter((name) => fnmatch(name, pattern))).toEqual(expected);
  });
});
