// Table-driven tests of checkOutput: doctest rules plus Guild's transforms, checkExample, and exceptionOnly.
import { describe, expect, it } from "vitest";
import { checkExample, checkOutput } from "./check.js";
import { exceptionOnly, isTraceback } from "./exception.js";
import type { MatchContext } from "./options.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, NORMALIZE_PATHS: true, STRIP_ANSI_FMT: true, STRIP_EXIT_0: true, WINDOWS: true };

type Case = { name: string; expected: string; actual: string; options?: Record<string, boolean>; context?: MatchContext; passes: boolean };

const cases: Case[] = [
  { name: "exact", expected: "a\n", actual: "a\n", passes: true },
  { name: "different", expected: "a\n", actual: "b\n", passes: false },
  { name: "whitespace runs compare equal", expected: "[1]  op  completed\n", actual: "[1]    op completed   \n", passes: true },
  { name: "no whitespace vs whitespace differs", expected: "ab\n", actual: "a b\n", passes: false },
  { name: "whitespace matters without NORMALIZE_WHITESPACE", expected: "a  b\n", actual: "a b\n", options: { ...GUILD, NORMALIZE_WHITESPACE: false }, passes: false },
  { name: "ellipsis in a line", expected: "Using run ... for operation:prepare\n", actual: "Using run 0123abcd for operation:prepare\n", passes: true },
  { name: "ellipsis across lines", expected: "a\n...\nz\n", actual: "a\nb\nc\nz\n", passes: true },
  { name: "ellipsis off", expected: "a...\n", actual: "ab\n", options: { ...GUILD, ELLIPSIS: false }, passes: false },
  { name: "leading ??? is a wildcard", expected: "???\nlast\n", actual: "one\ntwo\nlast\n", passes: true },
  { name: "??? elsewhere is literal", expected: "a\n???\n", actual: "a\nxyz\n", passes: false },
  { name: "<BLANKLINE>", expected: "a\n<BLANKLINE>\nb\n", actual: "a\n\nb\n", options: { ELLIPSIS: true }, passes: true },
  { name: "whitespace-only line is blank", expected: "a\n<BLANKLINE>\nb\n", actual: "a\n   \nb\n", options: {}, passes: true },
  { name: "DONT_ACCEPT_BLANKLINE", expected: "a\n<BLANKLINE>\nb\n", actual: "a\n\nb\n", options: { DONT_ACCEPT_BLANKLINE: true }, passes: false },
  { name: "True for 1", expected: "1\n", actual: "True\n", options: {}, passes: true },
  { name: "DONT_ACCEPT_TRUE_FOR_1", expected: "1\n", actual: "True\n", options: { DONT_ACCEPT_TRUE_FOR_1: true }, passes: false },
  { name: "ANSI codes stripped", expected: "done\n", actual: "\u001b[1mdone\u001b[0m\n", passes: true },
  { name: "ANSI kept without STRIP_ANSI_FMT", expected: "done\n", actual: "\u001b[1mdone\u001b[0m\n", options: { ...GUILD, STRIP_ANSI_FMT: false }, passes: false },
  { name: "<exit 0> after output is optional", expected: "hello\n", actual: "hello\n<exit 0>\n", passes: true },
  { name: "<exit 0> may be written", expected: "hello\n<exit 0>\n", actual: "hello\n<exit 0>\n", passes: true },
  { name: "<exit 0> alone is not optional", expected: "", actual: "<exit 0>\n", passes: false },
  { name: "<exit 0> alone written", expected: "<exit 0>\n", actual: "<exit 0>\n", passes: true },
  { name: "<exit 1> is never optional", expected: "oops\n", actual: "oops\n<exit 1>\n", passes: false },
  { name: "<exit 0> required without STRIP_EXIT_0", expected: "hello\n", actual: "hello\n<exit 0>\n", options: { ...GUILD, STRIP_EXIT_0: false }, passes: false },
  { name: "trailing ... swallows <exit 0>", expected: "hello\n...\n", actual: "hello\nmore\n<exit 0>\n", passes: true },
  { name: "STRICT: no ellipsis", expected: "a...\n", actual: "ab\n", options: { ...GUILD, STRICT: true }, passes: false },
  { name: "STRICT: no exit-0 stripping", expected: "a\n", actual: "a\n<exit 0>\n", options: { ...GUILD, STRICT: true }, passes: false },
  { name: "STRICT keeps NORMALIZE_WHITESPACE", expected: "a  b\n", actual: "a b\n", options: { ...GUILD, STRICT: true }, passes: true },
  { name: "paths not normalised off Windows", expected: "a/b\n", actual: "a\\b\n", passes: false },
  { name: "paths normalised on Windows", expected: "/a/b\n", actual: "C:\\a\\\\b\n", context: { platform: "win32" }, passes: true },
  { name: "NORMALIZE_PATHSEP on posix", expected: "a::b\n", actual: "a:b\n", options: { ...GUILD, NORMALIZE_PATHSEP: true }, passes: true },
  { name: "NORMALIZE_PATHSEP on Windows", expected: "a::b\n", actual: "a;b\n", options: { ...GUILD, NORMALIZE_PATHSEP: true }, context: { platform: "win32" }, passes: true },
  { name: "non-ASCII compared as escapes", expected: "caf\u00e9\n", actual: "caf\u00e9\n", passes: true },
  { name: "bash: <exit 0> dropped when not expected", expected: "hi\n", actual: "hi\n<exit 0>\n", context: { kind: "bash" }, passes: true },
  { name: "bash: <exit 0> alone vs nothing", expected: "", actual: "<exit 0>\n", context: { kind: "bash" }, passes: true },
  { name: "bash: no ANSI stripping", expected: "hi\n", actual: "\u001b[1mhi\u001b[0m\n<exit 0>\n", context: { kind: "bash" }, passes: false },
  { name: "bash: leading ???", expected: "???\nend\n<exit 0>\n", actual: "x\nend\n<exit 0>\n", context: { kind: "bash" }, passes: true },
];

describe("checkOutput", () => {
  it.each(cases)("$name: $expected ~ $actual", ({ expected, actual, options, context, passes }) => {
    expect(checkOutput(expected, actual, options ?? GUILD, context)).toBe(passes);
  });

  it("accepts the transcript kind as a string", () => {
    expect(checkOutput("", "<exit 0>\n", GUILD, "bash")).toBe(true);
    expect(checkOutput("", "<exit 0>\n", GUILD, "python")).toBe(false);
  });
});

describe("checkExample", () => {
  const traceback = "Traceback (most recent call last):\n  File \"<stdin>\", line 1\nValueError: boom\n";
  it.each([
    { name: "plain output is compared whole", expected: "a\n", actual: "a\n", passes: true },
    { name: "a traceback expectation compares only the exception lines", expected: "Traceback (most recent call last):\n  elsewhere\nValueError: boom\n", actual: "printed first\n" + traceback, traceback, passes: true },
    { name: "a different exception fails", expected: "Traceback (most recent call last):\nValueError: bang\n", actual: traceback, traceback, passes: false },
    { name: "without a traceback expectation the output is compared whole", expected: "ValueError: boom\n", actual: traceback, traceback, passes: false },
    { name: "a traceback expectation with no exception raised is compared whole", expected: "Traceback (most recent call last):\nValueError: boom\n", actual: "ValueError: boom\n", passes: false },
    { name: "doctest's older header counts as a traceback too", expected: "Traceback (innermost last):\nValueError: boom\n", actual: traceback, traceback, passes: true },
    { name: "so does a header with trailing whitespace", expected: "Traceback (most recent call last):\u00a0\nValueError: boom\n", actual: traceback, traceback, passes: true },
  ])("$name", ({ expected, actual, traceback, passes }) => {
    const check = checkExample(expected, actual, GUILD, "python", traceback);
    expect(check, JSON.stringify({ expected, actual, traceback })).toEqual({ passed: passes, expected, actual, options: GUILD, context: { kind: "python", platform: "linux" } });
  });
});

describe("exceptionOnly", () => {
  const cases = [
    { text: "Traceback (most recent call last):\n  File \"x\", line 1\nValueError: boom\n", expected: "ValueError: boom\n" },
    { text: "Traceback (most recent call last):\n...\nKeyError: 'a'\nmore detail\n", expected: "KeyError: 'a'\nmore detail\n" },
    { text: "Traceback (innermost last):\nguild.RunError: x\n", expected: "guild.RunError: x\n" },
    { text: "not a traceback\n", expected: "not a traceback\n" },
    { text: "Traceback (most recent call last):\x0b\nValueError: boom\n", expected: "ValueError: boom\n" },
    { text: "Traceback (most recent call last): and more\nValueError: boom\n", expected: "Traceback (most recent call last): and more\nValueError: boom\n" },
  ];
  it.each(cases)("$text", ({ text, expected }) => {
    expect(exceptionOnly(text)).toBe(expected);
  });
  it("recognises a traceback header", () => {
    expect(isTraceback("Traceback (most recent call last):\nX: y\n")).toBe(true);
    expect(isTraceback("Error\n")).toBe(false);
  });
});
