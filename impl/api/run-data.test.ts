// runData: the fields `guild api runs` shows for each API version, files and scalars as Guild's view data has them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { makeFixture, micros, writeRun } from "../runs/run-fixtures.test-support.js";
import { Run } from "../runs/run.js";
import type { ScalarSummary } from "../scalars/scalar-summary.js";
import { runData, type RunDataContext } from "./run-data.js";

const fixture = makeFixture();
afterAll(() => fixture.cleanup());

const started = micros("2024-01-02T03:04:05Z");
const sourceDir = writeRun(fixture, { id: "aaaa0000", op: "prepare", started, stopped: started + 1_000_000, exitStatus: 0, files: { "data.txt": "1\n" } });
const runDir = writeRun(fixture, {
  id: "bbbb1111",
  op: "train",
  started,
  stopped: started + 65_000_000,
  exitStatus: 0,
  label: "first",
  tags: ["a", "b"],
  flags: { lr: 0.1 },
  rawAttrs: { zeta: "1\n", _private: "2\n" },
  files: { "step10.txt": "x", "step9.txt": "y", "out/image.png": "z" },
});
fs.symlinkSync(path.join(sourceDir, "data.txt"), path.join(runDir, "data.txt"));

const loss: ScalarSummary = {
  prefix: ".guild", tag: "loss", firstValue: 0.5, firstStep: 0, lastValue: 0.25, lastStep: 1,
  minValue: 0.25, minStep: 1, maxValue: 0.5, maxStep: 0, avgValue: 0.375, total: 0.75, count: 2,
};

const ctx: RunDataContext = {
  runsDir: path.dirname(runDir),
  cacheDir: path.join(fixture.home, "cache"),
  runForId: (id) => (fs.existsSync(path.join(path.dirname(runDir), id)) ? Run.forDir(path.join(path.dirname(runDir), id)) : null),
  readScalars: () => [loss],
  nowMicros: () => started,
  isPidAlive: () => false,
};

const run = Run.forDir(runDir);
const versions = { 1: runData(run, 1, ctx), 2: runData(run, 2, ctx) };

describe("fields by API version", () => {
  const cases: Array<[1 | 2, string, unknown]> = [
    [2, "started", started],
    [2, "tags", ["a", "b"]],
    [2, "time", undefined],
    [1, "tags", "a, b"],
    [1, "time", "0:01:05"],
    [1, "label", "first"],
    [2, "otherAttrs", { zeta: 1 }],
    [2, "exitStatus", 0],
    [2, "marked", false],
    [2, "deps", []],
  ];
  test.each(cases)("v%s %s", (version, field, expected) => {
    expect(versions[version][field]).toEqual(expected);
  });
});

test("v2 keeps Guild's key order, with time left out", () => {
  expect(Object.keys(versions[2])).toEqual([
    "id", "shortId", "dir", "operation", "started", "stopped", "label", "tags", "comments", "status", "exitStatus", "command",
    "otherAttrs", "flags", "env", "deps", "files", "sourcecode", "projectDir", "opRef", "marked", "scalars",
  ]);
});

test("files are sorted naturally, .guild left out, a link into another run names that run", () => {
  const files = versions[2].files as Array<Record<string, unknown>>;
  expect(files.map((file) => [file.path, file.operation, file.run])).toEqual([
    ["data.txt", "m1:prepare", "aaaa0000"],
    ["out/image.png", null, null],
    ["step9.txt", null, null],
    ["step10.txt", null, null],
  ]);
  expect(Object.keys(files[1]!)).toEqual(["path", "size", "mtime", "operation", "run"]);
});

test("v1 files carry a type, icon and viewer", () => {
  const files = versions[1].files as Array<Record<string, unknown>>;
  expect(files.map((file) => [file.path, file.type, file.icon, file.viewer])).toEqual([
    ["data.txt", "Link to operation output", "file-send", "text"],
    ["out/image.png", "Image", "file-image", "image"],
    ["step9.txt", "Text file", "file-document", "text"],
    ["step10.txt", "Text file", "file-document", "text"],
  ]);
});

test("scalars are index rows, their keys camel-cased in v2", () => {
  expect(Object.keys((versions[1].scalars as object[])[0]!)).toContain("first_val");
  expect(Object.keys((versions[2].scalars as object[])[0]!)).toEqual([
    "run", "prefix", "tag", "firstVal", "firstStep", "lastVal", "lastStep", "minVal", "minStep", "maxVal", "maxStep", "avgVal", "total", "count",
  ]);
});
