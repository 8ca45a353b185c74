// Verdicts with expected failures applied, and expected failures that name no example.
import { describe, expect, it } from "vitest";
import { staleExpectedFailures, verdictOf } from "./verdicts.js";

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
