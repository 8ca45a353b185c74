// Exporting runs to archive directories and importing them: copies, moves, links, skips and the log lines they print.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { CliError } from "../io.js";
import { exportRunsToDir, importRuns, type TransferOptions } from "./archive.js";
import { Run } from "./run.js";
import { makeFixture, writeRun, type Fixture } from "./run-fixtures.test-support.js";

let fixture: Fixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
});

/** A run `aaaa` with a file and a link to a resource outside it, and a log recording what is printed. */
function setUp() {
  fixture = makeFixture();
  const dir = writeRun(fixture, { id: "aaaa", files: { "model.txt": "model" } });
  fs.writeFileSync(path.join(fixture.root, "data.txt"), "data");
  fs.symlinkSync(path.join(fixture.root, "data.txt"), path.join(dir, "data.txt"));
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARNING: ${m}`), error: (m: string) => lines.push(`ERROR: ${m}`) };
  return { fixture, run: Run.forDir(dir), lines, log };
}

const transfers: { options: TransferOptions; logged: string; sourceKept: boolean; link: boolean }[] = [
  { options: { move: false, copyResources: false }, logged: "Copying aaaa", sourceKept: true, link: true },
  { options: { move: false, copyResources: true }, logged: "Copying aaaa", sourceKept: true, link: false },
  { options: { move: true, copyResources: false }, logged: "Moving aaaa", sourceKept: false, link: true },
  { options: { move: true, copyResources: true }, logged: "Moving aaaa", sourceKept: false, link: false },
];

describe("exportRunsToDir", () => {
  test.each(transfers)("$options", ({ options, logged, sourceKept, link }) => {
    const { fixture, run, lines, log } = setUp();
    const exported = exportRunsToDir([run], "archive", fixture.root, options, log);
    const dest = path.join(fixture.root, "archive", "aaaa");
    expect(exported.map((r) => r.id)).toEqual(["aaaa"]);
    expect(lines).toEqual([logged]);
    expect(fs.existsSync(path.join(fixture.root, "archive", ".guild-nocopy"))).toBe(true);
    expect(fs.readFileSync(path.join(dest, "model.txt"), "utf8")).toBe("model");
    expect(fs.lstatSync(path.join(dest, "data.txt")).isSymbolicLink()).toBe(link);
    expect(fs.readFileSync(path.join(dest, "data.txt"), "utf8")).toBe("data");
    expect(fs.existsSync(run.dir)).toBe(sourceKept);
  });

  test("a run already in the archive is skipped, named by the location as given", () => {
    const { fixture, run, lines, log } = setUp();
    fs.mkdirSync(path.join(fixture.root, "archive", "aaaa"), { recursive: true });
    expect(exportRunsToDir([run], "./archive", fixture.root, { move: true, copyResources: false }, log)).toEqual([]);
    expect(lines).toEqual(["WARNING: ./archive/aaaa exists, skipping"]);
    expect(fs.existsSync(run.dir)).toBe(true);
  });

  test.each(["file", "file/sub"])("a location under a file (%s) is not a directory", (location) => {
    const { fixture, run, log } = setUp();
    fs.writeFileSync(path.join(fixture.root, "file"), "");
    expect(() => exportRunsToDir([run], location, fixture.root, { move: false, copyResources: false }, log)).toThrow(
      new CliError(`'${location}' is not a directory`),
    );
  });
});

describe("importRuns", () => {
  test.each(transfers)("$options", ({ options, logged, sourceKept, link }) => {
    const { fixture, run, lines, log } = setUp();
    const archived = path.join(fixture.root, "archive", "aaaa");
    exportRunsToDir([run], "archive", fixture.root, { move: true, copyResources: false }, { ...log, info: () => {} });
    const home = path.join(fixture.root, "other-home");
    const imported = importRuns([Run.forDir(archived)], home, options, log);
    const dest = path.join(home, "runs", "aaaa");
    expect(imported.map((r) => r.id)).toEqual(["aaaa"]);
    expect(lines).toEqual([logged]);
    expect(fs.lstatSync(path.join(dest, "data.txt")).isSymbolicLink()).toBe(link);
    expect(fs.existsSync(archived)).toBe(sourceKept);
  });

  test("a run already in Guild home is skipped", () => {
    const { fixture, run, lines, log } = setUp();
    expect(importRuns([run], fixture.home, { move: true, copyResources: false }, log)).toEqual([]);
    expect(lines).toEqual(["WARNING: aaaa exists, skipping"]);
    expect(fs.existsSync(run.dir)).toBe(true);
  });
});
