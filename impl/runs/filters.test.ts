import { afterEach, describe, expect, it } from "vitest";
import { fnmatch } from "./fnmatch.js";
import { operationMatches, runFilterForArgs } from "./filters.js";
import { listRuns } from "./list.js";
import { makeFixture, writeRun, type Fixture } from "./run-fixtures.test-support.js";

describe("operationMatches", () => {
  it.each([
    ["hello", "m1:hello", true],
    ["hello", "m2:hello", true],
    ["m1:hello", "m2:hello", false],
    ["m1:", "m2:hello", true],
    ["m1:*", "m1:hello", true],
    ["step*", "m1:step-1", true],
    ["m*:steps-*", "m4:steps-all", true],
    ["^m1", "m1:x", true],
    ["x$", "m1:x", true],
    ["^m2", "m1:x", false],
    ["train", "m4:train", true],
    ["pkg/m:op", "pkg/m:op", true],
    ["m:op", "pkg/m:op", true],
  ] as const)("%s vs %s -> %s", (ref, operation, expected) => {
    expect(operationMatches(ref, operation)).toBe(expected);
  });
});

describe("fnmatch", () => {
  it.each([
    ["a*", "abc", true],
    ["a?c", "abc", true],
    ["a[bc]c", "acc", true],
    ["a[!b]c", "abc", false],
    ["*.py", "x.pyc", false],
    ["a.c", "abc", false],
  ] as const)("%s matches %s -> %s", (pattern, name, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });
});

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

describe("runFilterForArgs", () => {
  const ids = (args: Record<string, unknown>) => {
    const filter = runFilterForArgs(args, "guild runs list", () => false);
    return listRuns(fixture.home, { env: {}, filter }).map((run) => run.id[0]);
  };

  it.each([
    { args: { filter_ops: ["hello"] }, expected: ["a", "b"] },
    { args: { filter_ops: ["m1:hello", "train"] }, expected: ["a", "c"] },
    { args: { filter_labels: ["blue"] }, expected: ["a"] },
    { args: { filter_labels: ["-"] }, expected: ["c", "d"] },
    { args: { filter_unlabeled: true }, expected: ["c", "d"] },
    { args: { filter_tags: ["t1"] }, expected: ["b"] },
    { args: { filter_marked: true }, expected: ["d"] },
    { args: { filter_unmarked: true }, expected: ["a", "b", "c"] },
    { args: { status_completed: true }, expected: ["a"] },
    { args: { status_error: true }, expected: ["b", "d"] },
    { args: { status_chars: "tp" }, expected: ["c"] },
    { args: { status_chars: "ce" }, expected: ["a", "b", "d"] },
  ])("$args", ({ args, expected }) => {
    fixture = makeFixture();
    writeRun(fixture, { id: "a".repeat(32), started: 4, model: "m1", op: "hello", exitStatus: 0, label: "blue x" });
    writeRun(fixture, { id: "b".repeat(32), started: 3, model: "m2", op: "hello", exitStatus: 1, label: "red", tags: ["t1"] });
    writeRun(fixture, { id: "c".repeat(32), started: 2, model: "m4", op: "train", markers: ["PENDING"] });
    writeRun(fixture, { id: "d".repeat(32), started: 1, model: "m4", op: "eval", marked: true, lockPid: 12345 });
    expect(ids(args)).toEqual(expected);
  });

  it.each([
    [{ filter_labels: ["x"], filter_unlabeled: true }, "--label and --unlabeled cannot both be used"],
    [{ filter_marked: true, filter_unmarked: true }, "--marked and --unmarked cannot both be used"],
    [{ status_chars: "cx" }, "unrecognized status char 'x' in option '-S'\nTry 'guild runs list --help' for more information."],
  ])("%j is an error", (args, message) => {
    expect(() => runFilterForArgs(args, "guild runs list")).toThrow(message);
  });
});
