// Property tests: update mode always yields an expectation the actual output satisfies.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExample, checkOutput } from "./check.js";
import { renderDiff } from "./diff.js";
import { updateExpected } from "./update.js";

const GUILD = { ELLIPSIS: true, NORMALIZE_WHITESPACE: true, NORMALIZE_PATHS: true, STRIP_ANSI_FMT: true, STRIP_EXIT_0: true, WINDOWS: true };

const token = fc.constantFrom("a", "b", "x y", ".", "...", " ", "\n", "\n\n", "<exit 0>", "<exit 1>", "???", "\u001b[1m");
const text = fc.array(token, { maxLength: 10 }).map((tokens) => tokens.join(""));
// Output as run() prints it: empty, or ending with a newline.
const output = text.map((t) => (t === "" || t.endsWith("\n") ? t : t + "\n"));
const lines = fc.array(fc.constantFrom("run 1", "run 2", "...", "id ...", "", "  x  ", "<exit 0>"), { maxLength: 6 }).map((l) => (l.length ? l.join("\n") + "\n" : ""));

describe("updateExpected", () => {
  it.each([
    { name: "random texts", arbitrary: fc.tuple(text, output) },
    { name: "random line lists", arbitrary: fc.tuple(lines, lines) },
  ])("passes afterwards, and leaves passing output alone ($name)", ({ arbitrary }) => {
    fc.assert(
      fc.property(arbitrary, fc.boolean(), ([expected, actual], normalize) => {
        const options = { ...GUILD, NORMALIZE_WHITESPACE: normalize };
        const check = checkExample(expected, actual, options);
        const updated = updateExpected(check);
        if (check.passed) return updated === expected && renderDiff(check) === "";
        return updated !== null && checkOutput(updated, actual, options) && !updated.split("\n").slice(0, -1).some((line) => line === "");
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it("keeps a wildcard whose region still matches", () => {
    expect(updateExpected(checkExample("Run ... started\nstatus: ok\n", "Run 0f3a started\nstatus: error\n<exit 1>\n", GUILD))).toBe(
      "Run ... started\nstatus: error\n<exit 1>\n",
    );
  });
});
