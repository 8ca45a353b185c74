// Run fields as Guild formats them, for values no Guild run holds (timestamps beyond Python's datetime, odd commands), and a run table's row fields.
import fs from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { markerPath } from "../../lib/rundir/paths.js";
import { formatCommand, formatRunRow, formatTimestamp } from "./format.js";
import { Run } from "./run.js";
import { makeFixture, writeRun } from "./run-fixtures.test-support.js";

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

describe("formatRunRow", () => {
  const fixture = makeFixture();
  afterAll(() => fixture.cleanup());

  test("gives each field a run table shows", () => {
    const started = 1_700_000_000_000_000;
    const dir = writeRun(fixture, { id: "aaaabbbbcccc", model: "m", op: "train", started, stopped: started + 2_000_000, exitStatus: 0, label: "lr=0.1", marked: true });
    const row = formatRunRow(Run.forDir(dir), 3, fixture.project, undefined);
    expect(Object.fromEntries(["index", "shortIndex", "numIndex", "opDesc", "status", "statusWithRemote", "label"].map((name) => [name, row[name as keyof typeof row]]))).toEqual({
      index: "[3:aaaabbbb]",
      shortIndex: "[aaaabbbb]",
      numIndex: "[3]",
      opDesc: "m:train [marked]",
      status: "completed",
      statusWithRemote: "completed",
      label: "lr=0.1",
    });
    expect({ started: row.started, stopped: row.stopped }).toEqual({ started: formatTimestamp(started), stopped: formatTimestamp(started + 2_000_000) });
  });

  test("a row without a position, of a remote run", () => {
    const dir = writeRun(fixture, { id: "ddddeeeeffff", markers: ["LOCK.remote"] });
    fs.writeFileSync(markerPath(dir, "LOCK.remote"), "ec2\n");
    const row = formatRunRow(Run.forDir(dir), null, fixture.project, undefined);
    expect([row.index, row.numIndex, row.status, row.statusWithRemote]).toEqual(["[ddddeeee]", "[?]", "running", "running (ec2)"]);
  });
});
