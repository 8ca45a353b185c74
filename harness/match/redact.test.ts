// Table-driven tests of wildcard redaction: matched regions read as the wildcard.
import { describe, expect, it } from "vitest";
import { redactWildcards } from "./redact.js";

describe("redactWildcards", () => {
  it.each([
    { expected: "run ... done\n", actual: "run abc done\n", normalize: false, text: "run ... done\n", complete: true },
    { expected: "a...b...c\n", actual: "a1b2c\n", normalize: false, text: "a...b...c\n", complete: true },
    // X is never found, so neither wildcard next to it can be placed.
    { expected: "a...X...c\n", actual: "a1b2c\n", normalize: false, text: "a1b2c\n", complete: false },
    { expected: "P...b...c\n", actual: "a1b2c\n", normalize: false, text: "a1b...c\n", complete: false },
    { expected: "a...b...Z\n", actual: "a1b2c\n", normalize: false, text: "a...b2c\n", complete: false },
    // One piece spans both lines; line alignment (display.ts) recovers these wildcards.
    { expected: "id ...\nname a\nsize ...\n", actual: "id 42\nname b\nsize 7\n", normalize: true, text: "id 42\nname b\nsize 7\n", complete: false },
    { expected: "id ...\nname a\nsize ...\nend\n", actual: "id 42\nname b\nsize 7\nend\n", normalize: false, text: "id 42\nname b\nsize 7\nend\n", complete: false },
    { expected: "head ...\n...tail\n", actual: "head 1\nx tail\n", normalize: false, text: "head ...\n...tail\n", complete: true },
    { expected: "x  ...  y\n", actual: "x\t1 2\ty\n", normalize: true, text: "x\t...\ty\n", complete: true },
    { expected: "no wildcard\n", actual: "other\n", normalize: false, text: "other\n", complete: false },
    { expected: "no  wildcard\n", actual: "\tno wildcard", normalize: true, text: "\tno wildcard", complete: true },
    { expected: "no  wildcard\n", actual: "no wildcard\n", normalize: false, text: "no wildcard\n", complete: false },
  ])("$expected ~ $actual", ({ expected, actual, normalize, text, complete }) => {
    const result = redactWildcards(expected, actual, normalize);
    expect(result.text).toBe(text);
    expect(result.complete).toBe(complete);
  });

  it("uses the given markers", () => {
    expect(redactWildcards("...end\n", "the end\n", false, ["???"]).text).toBe("???end\n");
  });
});
