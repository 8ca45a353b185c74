// textwrap.TextWrapper.wrap against CPython on a fixed table: hyphens, em-dashes, long words, whitespace, tabs, max_lines.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { expandTabs, TextWrapper, type TextWrapperOptions } from "./textwrap.js";

const PYTHON_NAMES: Record<keyof TextWrapperOptions, string> = {
  width: "width",
  initialIndent: "initial_indent",
  subsequentIndent: "subsequent_indent",
  expandTabs: "expand_tabs",
  replaceWhitespace: "replace_whitespace",
  fixSentenceEndings: "fix_sentence_endings",
  breakLongWords: "break_long_words",
  dropWhitespace: "drop_whitespace",
  breakOnHyphens: "break_on_hyphens",
  tabsize: "tabsize",
  maxLines: "max_lines",
  placeholder: "placeholder",
};

const texts = [
  "",
  "   ",
  "Hello there -- you goof-ball, use the -b option!",
  "For example to only include runs that were either terminated or exited with an error, use '--terminated --error', or the short form '-Set'.",
  "Limit availabe GPUs to DEVICES, a comma separated list of device IDs. Cannot be used with --no-gpus.",
  "Flag for OPTIMIZER. May be used multiple times. Use '--opt-flag NAME=VAL' or '--\nNAME=VAL' here.",
  "Label to use for batch runs. Ignored for non-batch runs.",
  "a-very-long-hyphenated-compound-word-that-cannot-fit-on-any-line-at-all",
  "---------------------------------------- dashes",
  "x--y a--b-c 1-2-3 ab-cd abc-d a-b-c-d e-mail well--known",
  "supercalifragilisticexpialidocious supercalifragilisticexpialidocious",
  "tabs\there\tand\tthere\nnew line\r\nand\x0bvertical\x0cfeed",
  "  leading and trailing spaces  ",
  "Sentence one. Sentence two! Question? \"Quoted.\" End.",
  "non\u00a0breaking\u00a0spaces\u00a0stay\u00a0inside\u00a0one\u00a0word here",
  "héllo wörld-wide ünïcode-wörds ok_under_scores-too 2-3-4",
  "emoji 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 wide-😀-chars",
];

const optionSets: TextWrapperOptions[] = [
  { width: 20 },
  { width: 11 },
  { width: 40, initialIndent: "  ", subsequentIndent: "    " },
  { width: 20, breakOnHyphens: false },
  { width: 15, breakLongWords: false },
  { width: 20, replaceWhitespace: false },
  { width: 20, dropWhitespace: false },
  { width: 25, expandTabs: false },
  { width: 30, tabsize: 4 },
  { width: 30, fixSentenceEndings: true },
  { width: 20, maxLines: 2 },
  { width: 16, maxLines: 1, placeholder: " ..." },
  { width: 3 },
  { width: 1 },
];

const pythonOptions = (options: TextWrapperOptions) =>
  Object.fromEntries(Object.entries(options).map(([name, value]) => [PYTHON_NAMES[name as keyof TextWrapperOptions], value]));

const cases = optionSets.flatMap((options) => texts.map((text) => [text, options] as const));

describe("TextWrapper.wrap matches CPython", () => {
  const answers = pythonAnswers<string[]>(
    "import textwrap\ndef answer(text, options):\n    return textwrap.TextWrapper(**options).wrap(text)",
    cases.map(([text, options]) => [text, pythonOptions(options)]),
  );
  test.each(cases.map(([text, options], index) => [JSON.stringify(options), text, options, answers[index]] as const))(
    "%s %j",
    (_name, text, options, expected) => {
      let actual: string[] | { error: string };
      try {
        actual = new TextWrapper(options).wrap(text);
      } catch (error) {
        actual = { error: `ValueError: ${(error as Error).message}` };
      }
      expect(actual).toEqual(expected);
    },
  );
});

const tabTexts = ["a\tb", "\t", "abcdefgh\ti", "ab\ncd\tef", "x\r\ty", "😀\tz"];

describe("str.expandtabs matches CPython", () => {
  const sizes = [8, 4, 1, 0];
  const tabCases = sizes.flatMap((size) => tabTexts.map((text) => [text, size] as const));
  const answers = pythonAnswers<string>("def answer(text, size):\n    return text.expandtabs(size)", tabCases);
  test.each(tabCases.map(([text, size], index) => [text, size, answers[index]] as const))("%j.expandtabs(%d)", (text, size, expected) => {
    expect(expandTabs(text, size)).toBe(expected);
  });
});
