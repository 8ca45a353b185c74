// Run fields as Guild formats them, for values no Guild run holds: timestamps beyond Python's datetime, odd commands.
import { describe, expect, test } from "vitest";
import { formatCommand, formatTimestamp } from "./format.js";

describe("formatTimestamp", () => {
  test.each([
    { micros: undefined, expected: "" },
    { micros: 0, expected: "" },
    { micros: 1e20, expected: "" },
    { micros: -1e20, expected: "" },
    { micros: Infinity, expected: "" },
    { micros: NaN, expected: "" },
    { micros: "1700000000000000", expected: "" },
  ])("$micros", ({ micros, expected }) => {
    expect(formatTimestamp(micros)).toBe(expected);
  });

  test("an ordinary time has the form YYYY-MM-DD HH:MM:SS", () => {
    expect(formatTimestamp(1_700_000_000_000_000)).toMatch(/^2023-11-1[45] \d\d:\d\d:\d\d$/);
  });
});

describe("formatCommand joins what Guild iterates", () => {
  test.each([
    { cmd: ["python", "-c", "print('a b')", ""], expected: `python -c "print('a b')" ""` },
    { cmd: "abc", expected: "a b c" },
    { cmd: { foo: "bar", baz: 1 }, expected: "foo baz" },
    { cmd: 12, expected: "" },
    { cmd: null, expected: "" },
    { cmd: [], expected: "" },
  ])("$cmd", ({ cmd, expected }) => {
    expect(formatCommand(cmd)).toBe(expected);
  });
});
