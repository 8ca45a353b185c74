import { afterEach, describe, expect, it } from "vitest";
import { fnmatch } from "../../lib/python/fnmatch.js";
import { NO_RUN_FILTER, operationMatches, runFilterPredicate, type RunFilter } from "./filters.js";
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

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const noFilter = NO_RUN_FILTER;

describe("runFilterPredicate", () => {
  const ids = (asked: Partial<RunFilter>) => {
    const filter = runFilterPredicate({ ...noFilter, ...asked }, "guild runs list", () => false);
    return listRuns(fixture.home, { env: {}, filter }).map((run) => run.id[0]);
  };

  it.each<{ args: Partial<RunFilter>; expected: string[] }>([
    { args: { operations: ["hello"] }, expected: ["a", "b"] },
    { args: { operations: ["m1:hello", "train"] }, expected: ["a", "c"] },
    { args: { labels: ["blue"] }, expected: ["a"] },
    { args: { labels: ["-"] }, expected: ["c", "d"] },
    { args: { unlabeled: true }, expected: ["c", "d"] },
    { args: { tags: ["t1"] }, expected: ["b"] },
    { args: { marked: true }, expected: ["d"] },
    { args: { unmarked: true }, expected: ["a", "b", "c"] },
    { args: { statuses: ["completed"] }, expected: ["a"] },
    { args: { statuses: ["error"] }, expected: ["b", "d"] },
    { args: { statusChars: "tp" }, expected: ["c"] },
    { args: { statusChars: "ce" }, expected: ["a", "b", "d"] },
  ])("$args", ({ args, expected }) => {
    fixture = makeFixture();
    writeRun(fixture, { id: "a".repeat(32), started: 4, model: "m1", op: "hello", exitStatus: 0, label: "blue x" });
    writeRun(fixture, { id: "b".repeat(32), started: 3, model: "m2", op: "hello", exitStatus: 1, label: "red", tags: ["t1"] });
    writeRun(fixture, { id: "c".repeat(32), started: 2, model: "m4", op: "train", markers: ["PENDING"] });
    writeRun(fixture, { id: "d".repeat(32), started: 1, model: "m4", op: "eval", marked: true, lockPid: 12345 });
    expect(ids(args)).toEqual(expected);
  });

  it.each([
    [{ labels: ["x"], unlabeled: true }, "--label and --unlabeled cannot both be used"],
    [{ marked: true, unmarked: true }, "--marked and --unmarked cannot both be used"],
    [{ statusChars: "cx" }, "unrecognized status char 'x' in option '-S'\nTry 'guild runs list --help' for more information."],
  ] as [Partial<RunFilter>, string][])("%j is an error", (asked, message) => {
    expect(() => runFilterPredicate({ ...noFilter, ...asked }, "guild runs list")).toThrow(message);
  });
});
