// When reports are coloured, and how a diff's lines are styled.
import { describe, expect, it } from "vitest";
import { colourWanted, diffLines, paint } from "./colour.js";

describe("colourWanted", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, false],
    [{ TERM: "dumb" }, true, false],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "" }, false, true],
    [{ FORCE_COLOR: "3", NO_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "false" }, true, false],
  ])("%j, terminal: %s -> %s", (env, isTerminal, expected) => {
    expect(colourWanted(env, isTerminal)).toBe(expected);
  });
});

describe("diffLines", () => {
  it.each([
    ["unified", "--- expected\n+++ actual\n@@ -1 +1 @@\n a\n-b\n+c\n", ["diff-header", "diff-header", "hunk", "plain", "removed", "added"]],
    ["context", "*** expected\n--- actual\n***************\n*** 1,2 ****\n  a\n! b\n--- 1,2 ----\n  a\n! c\n", ["diff-header", "diff-header", "hunk", "hunk", "plain", "changed", "hunk", "plain", "changed"]],
    ["ndiff", "  a\n- b\n+ c\n", ["plain", "removed", "added"]],
    ["a removed line that looks like a header", "--- expected\n+++ actual\n@@ -1 +1 @@\n--- x\n+++ y\n", ["diff-header", "diff-header", "hunk", "removed", "added"]],
  ])("%s", (_title, diff, styles) => {
    expect(diffLines(diff).map((line) => line.style)).toEqual(styles);
  });
});

describe("paint", () => {
  it.each([
    [{ text: "-b", style: "removed" as const }, true, "\x1b[31m-b\x1b[0m"],
    [{ text: "-b", style: "removed" as const }, false, "-b"],
    [{ text: "FAIL  a.md", style: "failed" as const, span: 4 }, true, "\x1b[1;31mFAIL\x1b[0m  a.md"],
    [{ text: "plain", style: "plain" as const }, true, "plain"],
  ])("%j, colour %s", (line, colour, expected) => {
    expect(paint(line, colour)).toBe(expected);
  });
});
