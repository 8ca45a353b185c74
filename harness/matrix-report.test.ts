// Matrix cells, the matrix layout, verdicts with expected failures, and the closing line.
import { describe, expect, it } from "vitest";
import { formatCell, formatMatrix } from "./matrix-report.js";
import { staleExpectedFailures, verdictOf } from "./matrix.js";
import { formatSummary, formatTotals } from "./report.js";

describe("verdictOf", () => {
  it.each([
    ["passed", false, "passed"],
    ["mismatch", false, "failed"],
    ["error", false, "failed"],
    ["skipped", false, "skipped"],
    ["mismatch", true, "xfail"],
    ["error", true, "xfail"],
    ["passed", true, "xpass"],
    ["skipped", true, "skipped"],
  ] as const)("%s, expected to fail: %s -> %s", (kind, expectedToFail, verdict) => {
    expect(verdictOf(kind, expectedToFail)).toBe(verdict);
  });
});

describe("formatCell", () => {
  it.each([
    [{ passed: 67, failed: 2 }, "67/69"],
    [{ passed: 5, failed: 0, xfail: 2 }, "5/7 (2 xfail)"],
    [{ passed: 5, failed: 1, xfail: 1, xpass: 1 }, "5/8 (1 xfail, 1 xpass)"],
    [{ passed: 0, failed: 0, error: "x.md:3: bad" }, "ERROR"],
  ])("%j -> %s", (summary, expected) => {
    expect(formatCell(summary)).toBe(expected);
  });
});

describe("formatTotals", () => {
  it.each([
    [{ passed: 3, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0 }, "3 passed, 0 failed"],
    [{ passed: 3, failed: 1, skipped: 2, xfail: 4, xpass: 0, errors: 0 }, "3 passed, 1 failed, 2 skipped, 4 xfail"],
    [{ passed: 3, failed: 1, skipped: 0, xfail: 0, xpass: 2, errors: 1 }, "3 passed, 4 failed (2 xpass)"],
  ])("%j -> %s", (totals, expected) => {
    expect(formatTotals(totals)).toBe(expected);
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

describe("formatSummary", () => {
  it("marks a transcript with an XPASS as failing and counts extra errors on the closing line", () => {
    const text = formatSummary(
      [
        { displayPath: "a.md", passed: 2, failed: 0, skipped: 0, xfail: 1 },
        { displayPath: "b.md", passed: 2, failed: 0, skipped: 0, xpass: 1 },
      ],
      1,
    );
    expect(text.split("\n")).toEqual(["ok    a.md  2 passed, 0 failed, 1 xfail", "FAIL  b.md  2 passed, 1 failed (1 xpass)", "4 passed, 2 failed (1 xpass), 1 xfail"]);
  });
});

describe("staleExpectedFailures", () => {
  it("keeps entries whose transcript ran without an example at that line", () => {
    const entries = [
      { file: "/t/a.md", line: 5, label: "a.md:5" },
      { file: "/t/a.md", line: 6, label: "a.md:6" },
      { file: "/t/not-run.md", line: 1, label: "not-run.md:1" },
    ];
    expect(staleExpectedFailures(entries, new Map([["/t/a.md", new Set([5, 9])]])).map((entry) => entry.label)).toEqual(["a.md:6"]);
  });
});
