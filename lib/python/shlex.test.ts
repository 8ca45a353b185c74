// shlex.split and shlex.quote against CPython on a fixed table, quoting and escaping edge cases included.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { shellQuote, shellSplit } from "./shlex.js";

const splitTexts = [
  "hello msg='${msg} (again)'", 'a "b c" d\\ e', "  ", "", "x=''", "''", '""', "a '' b", 'say "a\\"b"', '"a\\$b"', '"a\\`b"',
  '"a\\\\b"', '"a\\\nb"', "'a\\b'", "a\\\nb", "a\\b", "\\'", "a'b'c\"d\"e", "tab\tsep\rcr\nlf", "nbsp\u00a0word", "v\x0bf\x0c",
  "a 'b", 'a "b', "a\\", '"a\\', "#not a comment", "é ü", "a;b|c&d", "--flag=1 -x",
];

describe("shlex.split matches CPython", () => {
  const answers = pythonAnswers<string[]>("import shlex\ndef answer(text):\n    return shlex.split(text)", splitTexts.map((text) => [text]));
  test.each(splitTexts.map((text, index) => [text, answers[index]] as const))("split(%j)", (text, expected) => {
    let actual: string[] | { error: string };
    try {
      actual = shellSplit(text);
    } catch (error) {
      actual = { error: `ValueError: ${(error as Error).message}` };
    }
    expect(actual).toEqual(expected);
  });
});

const words = ["", "m4", "/abs/path/guild.yml", "hello world", "it's", "a@b%c+d=e:f,g.h/i-j_k", "$x", "a*", "é", "tab\t", "!", "~", "a\nb"];

describe("shlex.quote matches CPython", () => {
  const answers = pythonAnswers<string>("import shlex\ndef answer(word):\n    return shlex.quote(word)", words.map((word) => [word]));
  test.each(words.map((word, index) => [word, answers[index]] as const))("quote(%j)", (word, expected) => {
    expect(shellQuote(word)).toBe(expected);
  });
});
