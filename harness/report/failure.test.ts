// Failure text rendered from outcome data: location, prompts, exit status, notes, diff, sandbox.
import { describe, expect, it } from "vitest";
import { checkExample } from "../match/index.js";
import type { Example } from "../transcript/index.js";
import type { FailedOutcome } from "../run/outcome.js";
import { formatFailure, formatXpass } from "./failure.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, STRIP_EXIT_0: true };

function example(kind: Example["kind"], source: string, sourceLine: number, want = ""): Example {
  return { index: 0, kind, source, sourceLine, sourceEndLine: sourceLine, want, wantStartLine: 0, wantEndLine: 0, indent: 4, options: {} };
}

const cases: Array<{ name: string; outcome: FailedOutcome; kept: boolean; replayed?: FailedOutcome[]; notUpdated?: string; text: string[] }> = [
  {
    name: "a syntax error names its own line, not the example's",
    outcome: { kind: "error", example: example("python", "x = 1\ny = (", 7), location: { path: "t.md", line: 8 }, message: "SyntaxError: '(' was never closed" },
    kept: false,
    text: ["t.md:8: SyntaxError: '(' was never closed", "    >>> x = 1", "    ... y = (", "sandbox: /sb (removed; set KEEP_SANDBOX=1 to keep it)"],
  },
  {
    name: "a mismatch shows the exit status, notes and the diff",
    outcome: {
      kind: "mismatch",
      example: example("shell", "guild runs", 3, "one\n"),
      check: checkExample("one\n", "two\n<exit 1>\n", GUILD, "bash"),
      notes: ["command timed out"],
      volatile: [],
    },
    kept: true,
    text: [
      "t.md:3: output does not match the expected output",
      "    $ guild runs",
      "exit status: 1",
      "note: command timed out",
      "--- expected",
      "+++ actual",
      "@@ -1 +1,2 @@",
      "-one",
      "+two",
      "+<exit 1>",
      "sandbox: /sb (kept)",
    ],
  },
  {
    name: "update mode says why it left an example failing",
    outcome: { kind: "mismatch", example: example("python", "run('x')", 5, "a\n"), check: checkExample("a\n", "b\n", GUILD), notes: [], volatile: [] },
    kept: false,
    notUpdated: "not updated: the file changed since it was read (run the update again)",
    text: [
      "t.md:5: output does not match the expected output",
      "    >>> run('x')",
      "--- expected",
      "+++ actual",
      "@@ -1 +1 @@",
      "-a",
      "+b",
      "not updated: the file changed since it was read (run the update again)",
      "sandbox: /sb (removed; set KEEP_SANDBOX=1 to keep it)",
    ],
  },
  {
    name: "control characters in the diff are escaped, with a note",
    outcome: {
      kind: "mismatch",
      example: example("python", "run('x')", 4, "ab\n"),
      check: checkExample("ab\n", "a\x1b[1mb\rc\n", GUILD, "python"),
      notes: [],
      volatile: [],
    },
    kept: false,
    text: [
      "t.md:4: output does not match the expected output",
      "    >>> run('x')",
      "note: control characters in the diff are shown escaped (\\r, \\xNN)",
      "--- expected",
      "+++ actual",
      "@@ -1 +1 @@",
      "-ab",
      "+a\\x1b[1mb\\rc",
      "sandbox: /sb (removed; set KEEP_SANDBOX=1 to keep it)",
    ],
  },
];

cases.push({
  name: "replayed examples that failed follow the failure, before the sandbox",
  outcome: { kind: "mismatch", example: example("python", "run('b')", 9, "b\n"), check: checkExample("b\n", "c\n", GUILD, "python"), notes: [], volatile: [] },
  kept: false,
  replayed: [
    { kind: "mismatch", example: example("python", "run('a')", 4, "a\n"), check: checkExample("a\n", "x\n<exit 2>\n", GUILD, "python"), notes: [], volatile: [] },
    { kind: "error", example: example("python", "y = (", 6), location: { path: "t.md", line: 6 }, message: "SyntaxError: '(' was never closed" },
  ],
  text: [
    "t.md:9: output does not match the expected output",
    "    >>> run('b')",
    "--- expected",
    "+++ actual",
    "@@ -1 +1 @@",
    "-b",
    "+c",
    "replayed example at t.md:4 failed: output does not match the expected output",
    "    >>> run('a')",
    "exit status: 2",
    "--- expected",
    "+++ actual",
    "@@ -1 +1,2 @@",
    "-a",
    "+x",
    "+<exit 2>",
    "replayed example at t.md:6 failed: SyntaxError: '(' was never closed",
    "    >>> y = (",
    "sandbox: /sb (removed; set KEEP_SANDBOX=1 to keep it)",
  ],
});

describe("formatFailure", () => {
  it.each(cases)("$name", ({ outcome, kept, replayed, notUpdated, text }) => {
    const context = { displayPath: "t.md", sandboxRoot: "/sb", sandboxKept: kept, replayed, ...(notUpdated ? { notUpdated } : {}) };
    expect(formatFailure(outcome, context).split("\n")).toEqual(text);
  });
});

describe("formatFailure in colour", () => {
  it("colours the heading and the diff lines, nothing else", () => {
    const text = formatFailure(cases[1].outcome, { displayPath: "t.md", sandboxRoot: "/sb", sandboxKept: true }, true);
    expect(text.split("\n")).toEqual([
      "\x1b[1;31mt.md:3: output does not match the expected output\x1b[0m",
      "    $ guild runs",
      "exit status: 1",
      "\x1b[33mnote: command timed out\x1b[0m",
      "\x1b[1m--- expected\x1b[0m",
      "\x1b[1m+++ actual\x1b[0m",
      "\x1b[36m@@ -1 +1,2 @@\x1b[0m",
      "\x1b[31m-one\x1b[0m",
      "\x1b[32m+two\x1b[0m",
      "\x1b[32m+<exit 1>\x1b[0m",
      "sandbox: /sb (kept)",
    ]);
  });
});

describe("formatXpass", () => {
  it("names the example and says to remove the entry", () => {
    expect(formatXpass(example("python", "run('a')", 12), "t.md").split("\n")).toEqual([
      "t.md:12: XPASS: listed as an expected failure but passed (remove it from the expected failures)",
      "    >>> run('a')",
    ]);
  });

  it("takes another reason, as for a +FIXME example", () => {
    expect(formatXpass(example("python", "run('a')", 12), "t.md", "marked +FIXME but passed (remove +FIXME)").split("\n")[0]).toBe("t.md:12: XPASS: marked +FIXME but passed (remove +FIXME)");
  });
});
