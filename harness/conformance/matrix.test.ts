// Matrix cells and the matrix layout: transcripts down, implementations across.
import { describe, expect, it } from "vitest";
import { formatCell, formatMatrix } from "./matrix.js";

describe("formatCell", () => {
  it.each([
    [{ passed: 67, failed: 2 }, "67/69"],
    [{ passed: 5, failed: 0, xfail: 2 }, "5/7 (2 xfail)"],
    [{ passed: 5, failed: 1, xfail: 1, xpass: 1 }, "5/8 (1 xfail, 1 xpass)"],
    [{ passed: 0, failed: 0, error: "x.md:3: bad" }, "ERROR"],
    [{ passed: 3, failed: 0, interruptedAt: 12 }, "3/3 (stopped)"],
    [undefined, "-"],
  ])("%j -> %s", (summary, expected) => {
    expect(formatCell(summary)).toBe(expected);
  });
});

describe("formatMatrix", () => {
  it("lays out names, rows and a total row, columns aligned", () => {
    const summary = (passed: number, failed: number, extra = {}) => ({ displayPath: "", passed, failed, skipped: 1, ...extra });
    const text = formatMatrix(
      ["reference", "other"],
      [
        { displayPath: "a.md", cells: [summary(10, 0), summary(9, 1)] },
        { displayPath: "long/b.md", cells: [summary(4, 0), summary(3, 0, { xfail: 1 })] },
        { displayPath: "c.md", cells: [{ ...summary(0, 0), error: "c.md:1: bad" }, { ...summary(0, 0), error: "c.md:1: bad" }] },
      ],
    );
    expect(text.split("\n")).toEqual([
      "transcript  reference  other",
      "a.md        10/10      9/10",
      "long/b.md   4/4        3/4 (1 xfail)",
      "c.md        ERROR      ERROR",
      "total       14/15      12/15 (1 xfail)",
    ]);
  });
});
