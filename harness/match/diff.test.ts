// Fixture tests of renderDiff: the exact text a failing example shows.
import { describe, expect, it } from "vitest";
import { checkExample } from "./check.js";
import { renderDiff } from "./diff.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, NORMALIZE_PATHS: true, STRIP_ANSI_FMT: true, STRIP_EXIT_0: true, WINDOWS: true };

const cases: Array<{ name: string; expected: string; actual: string; options?: Record<string, boolean>; diff: string }> = [
  {
    name: "wildcard regions read as the wildcard; only the real change shows",
    expected: "Using run ... for op\nline two\n[1]  a  completed\n...\nlast 3\n",
    actual: "Using run 0123456789abcdef for op\nline 2\n[1]  a   completed\nstuff\nmore stuff\nlast 3\n<exit 0>\n",
    diff: [
      "--- expected",
      "+++ actual",
      "@@ -1,5 +1,5 @@",
      " Using run ... for op",
      "-line two",
      "+line 2",
      " [1]  a  completed",
      " ...",
      " last 3",
      "",
    ].join("\n"),
  },
  {
    name: "an unexpected exit status",
    expected: "hello\n",
    actual: "hello\n<exit 1>\n",
    diff: ["--- expected", "+++ actual", "@@ -1 +1,2 @@", " hello", "+<exit 1>", ""].join("\n"),
  },
  {
    name: "expected <exit 0> stays visible",
    expected: "hello\n<exit 0>\n",
    actual: "bye\n<exit 0>\n",
    diff: ["--- expected", "+++ actual", "@@ -1,2 +1,2 @@", "-hello", "+bye", " <exit 0>", ""].join("\n"),
  },
  {
    name: "blank lines read <BLANKLINE>",
    expected: "a\nb\n",
    actual: "a\n\nb\n",
    options: { ...GUILD, NORMALIZE_WHITESPACE: false },
    diff: ["--- expected", "+++ actual", "@@ -1,2 +1,3 @@", " a", "+<BLANKLINE>", " b", ""].join("\n"),
  },
  {
    name: "leading ??? kept",
    expected: "???\nend\n",
    actual: "x\ny\nfin\n",
    diff: ["--- expected", "+++ actual", "@@ -1,2 +1,2 @@", " ???", "-end", "+fin", ""].join("\n"),
  },
  {
    name: "??? after equal first lines is literal",
    expected: "same\n???x\nend\n",
    actual: "same\n1x\nfin\n",
    diff: ["--- expected", "+++ actual", "@@ -1,3 +1,3 @@", " same", "-???x", "-end", "+1x", "+fin", ""].join("\n"),
  },
  {
    name: "a change far from both ends shows with its context only",
    expected: "a\nb\nc\nd\ne\nf\ng\nh\ni\n",
    actual: "a\nb\nc\nd\nE\nf\ng\nh\ni\n",
    diff: ["--- expected", "+++ actual", "@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h", ""].join("\n"),
  },
  {
    name: "suffix wildcards kept after a mismatch in the middle",
    expected: "id ...\nname a\nsize ...\n",
    actual: "id 42\nname b\nsize 7\n",
    diff: ["--- expected", "+++ actual", "@@ -1,3 +1,3 @@", " id ...", "-name a", "+name b", " size ...", ""].join("\n"),
  },
  {
    name: "ANSI codes do not show",
    expected: "done\n",
    actual: "\u001b[1mfinished\u001b[0m\n",
    diff: ["--- expected", "+++ actual", "@@ -1 +1 @@", "-done", "+finished", ""].join("\n"),
  },
  {
    name: "nothing expected",
    expected: "",
    actual: "surprise\n<exit 0>\n",
    diff: ["--- expected", "+++ actual", "@@ -0,0 +1 @@", "+surprise", ""].join("\n"),
  },
  {
    name: "context diff",
    expected: "a\nb\nc\n",
    actual: "a\nB\nc\nd\n",
    options: { ...GUILD, REPORT_CDIFF: true },
    diff: [
      "*** expected",
      "--- actual",
      "***************",
      "*** 1,3 ****",
      "  a",
      "! b",
      "  c",
      "--- 1,4 ----",
      "  a",
      "! B",
      "  c",
      "+ d",
      "",
    ].join("\n"),
  },
  {
    name: "ndiff",
    expected: "a\nb\n",
    actual: "a\nc\n",
    options: { ...GUILD, REPORT_NDIFF: true },
    diff: ["  a", "- b", "+ c", ""].join("\n"),
  },
  {
    name: "passing output has no diff",
    expected: "x ...\n",
    actual: "x y\n<exit 0>\n",
    diff: "",
  },
];

describe("renderDiff", () => {
  it.each(cases)("$name", ({ expected, actual, options, diff }) => {
    expect(renderDiff(checkExample(expected, actual, options ?? GUILD)), JSON.stringify({ expected, actual })).toBe(diff);
  });

  it("renders outputs too different to align", () => {
    const expected = Array.from({ length: 20000 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const actual = Array.from({ length: 20000 }, (_, i) => `other ${i}`).join("\n") + "\n";
    const diff = renderDiff(checkExample(expected, actual, GUILD));
    expect(diff.startsWith("--- expected\n+++ actual\n@@ -1,20000 +1,20000 @@\n-line 0\n")).toBe(true);
  });

  // A few hundred thousand lines, as a runaway command cut at the output limit prints.
  const many = (prefix: string) => Array.from({ length: 300_000 }, (_, i) => `${prefix} ${i}`).join("\n") + "\n";
  it.each([
    ["every line added", "short\n", many("line"), "@@ -1 +1,300000 @@", 300_005],
    ["one line changed after 300000 equal ones", many("line") + "x\n", many("line") + "y\n", "@@ -299998,4 +299998,4 @@", 9],
    ["every line differs", many("line"), many("other"), "@@ -1,300000 +1,300000 @@", 600_004],
  ])("renders a diff of a few hundred thousand lines: %s", (_title, expected, actual, hunk, lines) => {
    const diff = renderDiff(checkExample(expected, actual, GUILD)).split("\n");
    expect({ hunk: diff[2], lines: diff.length }).toEqual({ hunk, lines });
  });
});
