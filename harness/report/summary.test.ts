// The per-transcript lines and the closing `N passed, M failed` line.
import { describe, expect, it } from "vitest";
import { formatSummary, formatTotals, transcriptLine } from "./summary.js";

describe("formatTotals", () => {
  it.each([
    [{ passed: 3, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0 }, "3 passed, 0 failed"],
    [{ passed: 3, failed: 1, skipped: 2, xfail: 4, xpass: 0, errors: 0 }, "3 passed, 1 failed, 2 skipped, 4 xfail"],
    [{ passed: 3, failed: 1, skipped: 0, xfail: 0, xpass: 2, errors: 1 }, "3 passed, 4 failed (2 xpass)"],
    [{ passed: 3, failed: 0, skipped: 1, xfail: 0, xpass: 0, errors: 0, updated: 2 }, "3 passed, 0 failed, 1 skipped, 2 updated"],
  ])("%j -> %s", (totals, expected) => {
    expect(formatTotals(totals)).toBe(expected);
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

  it("counts examples update mode rewrote apart from passed and failed", () => {
    const text = formatSummary([
      { displayPath: "a.md", passed: 2, failed: 0, skipped: 0, updated: 3 },
      { displayPath: "b.md", passed: 1, failed: 1, skipped: 0 },
    ]);
    expect(text.split("\n")).toEqual(["ok    a.md  2 passed, 0 failed, 3 updated", "FAIL  b.md  1 passed, 1 failed", "3 passed, 1 failed, 3 updated"]);
  });
});

describe("transcriptLine", () => {
  const base = { displayPath: "a.md", passed: 2, failed: 0, skipped: 0 };
  it.each([
    [base, { text: "ok    a.md    2 passed, 0 failed", style: "passed", span: 2 }],
    [{ ...base, failed: 1 }, { text: "FAIL  a.md    2 passed, 1 failed", style: "failed", span: 4 }],
    [{ ...base, interruptedAt: 40 }, { text: "STOP  a.md    2 passed, 0 failed (interrupted at line 40)", style: "note", span: 4 }],
    [{ ...base, updated: 3 }, { text: "ok    a.md    2 passed, 0 failed, 3 updated", style: "passed", span: 2 }],
    [{ ...base, passed: 0, error: "a.md:3: bad" }, { text: "ERROR a.md    cannot be run (see above)", style: "failed", span: 5 }],
  ])("%j", (summary, expected) => {
    expect(transcriptLine(summary, 6)).toEqual(expected);
  });
});
