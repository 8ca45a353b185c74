// Tests of update mode: new expected outputs, and transcripts rewritten around them.
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../transcript/index.js";
import { checkExample, checkOutput } from "./check.js";
import { replaceWant, replaceWants } from "./rewrite.js";
import { updateExpected } from "./update.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, NORMALIZE_PATHS: true, STRIP_ANSI_FMT: true, STRIP_EXIT_0: true, WINDOWS: true };

const NO_WHITESPACE = { ...GUILD, NORMALIZE_WHITESPACE: false };
const LITERAL = { ...GUILD, ELLIPSIS: false };
const SANDBOX = "/tmp/transcript-4242-Xy9";
const RUN_ID = "3634ab5d42cb11efb7e1a4bb6d9f0c21";
const KNOWN = [SANDBOX, RUN_ID, RUN_ID.slice(0, 8), "/opt/py/bin/python3.12", "/opt/py/bin/python3"];

const cases: Array<{ name: string; expected: string; actual: string; options?: Record<string, boolean>; kind?: "bash"; known?: string[]; updated: string | null }> = [
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
  // Values that differ from run to run are written as `...`.
  { name: "run ids, short and full", expected: "", actual: `[1:${RUN_ID.slice(0, 8)}]  op  completed\nid: ${RUN_ID}\n`, known: KNOWN, updated: "[1:...]  op  completed\nid: ...\n" },
  { name: "start time and duration", expected: "", actual: "started: 2024-01-02 03:04:05\ntime: 0:00:01\n", updated: "started: ...\ntime: ...\n" },
  { name: "sandbox path", expected: "", actual: `wrote ${SANDBOX}/work/out.txt\n`, known: KNOWN, updated: "wrote .../work/out.txt\n" },
  { name: "python executable, longest name first", expected: "", actual: "exe: /opt/py/bin/python3.12\n", known: KNOWN, updated: "exe: ...\n" },
  { name: "process id", expected: "", actual: "stopped (pid 31337)\n", updated: "stopped (pid ...)\n" },
  { name: "a short id inside a longer word stays", expected: "", actual: `x${RUN_ID.slice(0, 8)}y\n`, known: KNOWN, updated: `x${RUN_ID.slice(0, 8)}y\n` },
  { name: "a wildcard over a volatile part on a changed line stays a wildcard", expected: "[1:...]  op  ...  completed  a=1\n", actual: `[1:${RUN_ID.slice(0, 8)}]  op  2024-01-02 03:04:05  completed  a=2\n`, known: KNOWN, updated: "[1:...]  op  ...  completed  a=2\n" },
  { name: "a volatile part next to a kept wildcard merges into it", expected: "", actual: `${SANDBOX}/x\n`, known: KNOWN, updated: "???/x\n" },
  { name: "a line that already matched keeps its text", expected: "built 2020-01-01 00:00:00\nold\n", actual: "built 2020-01-01 00:00:00\nnew\n", updated: "built 2020-01-01 00:00:00\nnew\n" },
  { name: "no redaction without ELLIPSIS", expected: "", actual: "started: 2024-01-02 03:04:05\n", options: LITERAL, updated: "started: 2024-01-02 03:04:05\n" },
  // Output the parser would misread.
  { name: "a >>> line becomes ...>>", expected: "", actual: "a\n>>> b\n  >>> c\n", updated: "a\n...>> b\n  ...>> c\n" },
  { name: "a >>> line cannot be written without ELLIPSIS", expected: "", actual: "a\n>>> b\n", options: LITERAL, updated: null },
  { name: "a tab under -NORMALIZE_WHITESPACE becomes ...", expected: "", actual: "a\tb\n", options: NO_WHITESPACE, updated: "a...b\n" },
  { name: "a tab under +NORMALIZE_WHITESPACE becomes a space", expected: "", actual: "a\tb\n", updated: "a b\n" },
  { name: "a whitespace-only line becomes <BLANKLINE>", expected: "", actual: "a\n \t \nb\n", options: NO_WHITESPACE, updated: "a\n<BLANKLINE>\nb\n" },
  { name: "a carriage return ending a line becomes ...", expected: "", actual: "a\r\nb\n", options: NO_WHITESPACE, updated: "a...\nb\n" },
  { name: "bash: a first line starting with > becomes ???", expected: "", actual: ">x\n", kind: "bash", updated: "???x\n" },
  { name: "an indented leading ... becomes ???", expected: "", actual: "  ...x\n", updated: "???x\n" },
];

describe("updateExpected", () => {
  it.each(cases)("$name", ({ expected, actual, options, kind, known, updated }) => {
    const result = updateExpected(checkExample(expected, actual, options ?? GUILD, kind), known);
    expect(result, JSON.stringify({ expected, actual })).toBe(updated);
    if (result !== null) expect(checkOutput(result, actual, options ?? GUILD, kind)).toBe(true);
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
