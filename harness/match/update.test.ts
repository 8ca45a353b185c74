// Tests of update mode: new expected outputs, and transcripts rewritten around them.
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../transcript/index.js";
import { checkExample, checkOutput } from "./check.js";
import { replaceWant, replaceWants } from "./rewrite.js";
import { updateExpected } from "./update.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, NORMALIZE_PATHS: true, STRIP_ANSI_FMT: true, STRIP_EXIT_0: true, WINDOWS: true };

const cases: Array<{ name: string; expected: string; actual: string; options?: Record<string, boolean>; kind?: "bash"; updated: string }> = [
  { name: "passing output is kept byte for byte", expected: "a  b   \n...\n", actual: "a b\nc\n<exit 0>\n", updated: "a  b   \n...\n" },
  { name: "wildcards that still match are kept", expected: "Using run ... for op\nold line\n", actual: "Using run 1234 for op\nnew line\n<exit 0>\n", updated: "Using run ... for op\nnew line\n" },
  { name: "wildcard after the change is kept", expected: "id ...\nname a\nsize ...\n", actual: "id 42\nname b\nsize 7\n", updated: "id ...\nname b\nsize ...\n" },
  { name: "multi-line wildcard keeps absorbing lines", expected: "start\n...\nend\n", actual: "begin\nx\ny\nend\n<exit 0>\n", updated: "begin\n...\nend\n" },
  { name: "exit status comes from the actual output", expected: "done\n", actual: "failed\n<exit 1>\n", updated: "failed\n<exit 1>\n" },
  { name: "<exit 0> kept when it was expected", expected: "x\n<exit 0>\n", actual: "y\n<exit 0>\n", updated: "y\n<exit 0>\n" },
  { name: "<exit 0> alone must be written", expected: "", actual: "<exit 0>\n", updated: "<exit 0>\n" },
  { name: "blank lines become <BLANKLINE>", expected: "", actual: "a\n\nb\n<exit 0>\n", updated: "a\n<BLANKLINE>\nb\n" },
  { name: "trailing spaces dropped", expected: "", actual: "a   \nb\t\n<exit 0>\n", updated: "a\nb\n" },
  { name: "ANSI codes dropped", expected: "", actual: "\u001b[31mred\u001b[0m\n<exit 0>\n", updated: "red\n" },
  { name: "leading ... written as ???", expected: "", actual: "...loading\ndone\n<exit 0>\n", updated: "???loading\ndone\n" },
  { name: "leading ??? kept", expected: "???\nend\n", actual: "x\ny\nfin\n", updated: "???\nfin\n" },
  { name: "nothing printed", expected: "x\n", actual: "", updated: "" },
  { name: "bash: <exit 0> left out", expected: "old\n", actual: "new\n<exit 0>\n", kind: "bash", updated: "new\n" },
];

describe("updateExpected", () => {
  it.each(cases)("$name", ({ expected, actual, options, kind, updated }) => {
    const result = updateExpected(checkExample(expected, actual, options ?? GUILD, kind));
    expect(result, JSON.stringify({ expected, actual })).toBe(updated);
    expect(checkOutput(result, actual, options ?? GUILD, kind)).toBe(true);
  });
});

describe("replaceWant", () => {
  const text = ["# T", "", "    >>> run('a')", "    old 1", "    old 2", "", "Prose  ", "", "    >>> run('b')", "", "\t>>> x", "\tout", ""].join("\n");
  const transcript = parseTranscript(text, "t.md");
  const [first, second, third] = transcript.examples;

  const cases = [
    {
      name: "replaces existing lines",
      example: first!,
      want: "new\n<BLANKLINE>\nlines\n",
      result: ["# T", "", "    >>> run('a')", "    new", "    <BLANKLINE>", "    lines", "", "Prose  ", "", "    >>> run('b')", "", "\t>>> x", "\tout", ""].join("\n"),
    },
    {
      name: "inserts after a source without output",
      example: second!,
      want: "made\n",
      result: ["# T", "", "    >>> run('a')", "    old 1", "    old 2", "", "Prose  ", "", "    >>> run('b')", "    made", "", "\t>>> x", "\tout", ""].join("\n"),
    },
    {
      name: "removes output",
      example: first!,
      want: "",
      result: ["# T", "", "    >>> run('a')", "", "Prose  ", "", "    >>> run('b')", "", "\t>>> x", "\tout", ""].join("\n"),
    },
    {
      name: "keeps tab indentation",
      example: third!,
      want: "a\nb\n",
      result: ["# T", "", "    >>> run('a')", "    old 1", "    old 2", "", "Prose  ", "", "    >>> run('b')", "", "\t>>> x", "\ta", "\tb", ""].join("\n"),
    },
  ];
  it.each(cases)("$name", ({ example, want, result }) => {
    expect(replaceWant(text, example, want)).toBe(result);
    expect(parseTranscript(result, "t.md").examples[example.index]!.want).toBe(want);
  });

  it("applies several updates against the original line numbers", () => {
    const result = replaceWants(text, [
      { example: first!, want: "one\n" },
      { example: second!, want: "two\nthree\n" },
    ]);
    const examples = parseTranscript(result, "t.md").examples;
    expect(examples.map((e) => e.want)).toEqual(["one\n", "two\nthree\n", "out\n"]);
  });

  it("keeps CRLF line endings", () => {
    const crlf = ">>> x\r\nold\r\n\r\nend\r\n";
    const example = parseTranscript(crlf, "t.md").examples[0]!;
    expect(replaceWant(crlf, example, "new\nlines\n")).toBe(">>> x\r\nnew\r\nlines\r\n\r\nend\r\n");
  });
});
