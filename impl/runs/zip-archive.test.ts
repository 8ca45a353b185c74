// Zip archives of runs written and read back through python3's zipfile: members, skips, moves and a bad archive.
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { CliError } from "../io.js";
import { Run } from "./run.js";
import { makeFixture, writeRun, type Fixture } from "./run-fixtures.test-support.js";
import { exportRunsToZip, withExtractedZip } from "./zip-archive.js";

let fixture: Fixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
});

const host = { python: "python3", env: { PATH: "/usr/local/bin:/usr/bin:/bin" } };

function setUp() {
  fixture = makeFixture();
  const runs = ["aaaa", "bbbb"].map((id) => Run.forDir(writeRun(fixture!, { id, files: { "out/model.txt": `model ${id}` } })));
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`WARNING: ${m}`), error: (m: string) => lines.push(`ERROR: ${m}`) };
  return { fixture, runs, lines, log };
}

const extracted = (root: string, zip: string) => withExtractedZip(path.join(root, zip), root, host, async (dir) => fs.readdirSync(dir).sort());

test.each([
  { move: false, logged: ["Copying aaaa", "WARNING: aaaa exists, skipping", "Copying bbbb"] },
  { move: true, logged: ["Moving aaaa", "WARNING: aaaa exists, skipping", "Moving bbbb"] },
])("export to a zip adds the runs it lacks (move: $move)", async ({ move, logged }) => {
  const { fixture, runs, lines, log } = setUp();
  expect(exportRunsToZip([runs[0]], "runs.zip", fixture.root, move, false, host, log).map((run) => run.id)).toEqual(["aaaa"]);
  expect(exportRunsToZip(runs, "runs.zip", fixture.root, move, false, host, log).map((run) => run.id)).toEqual(["bbbb"]);
  expect(lines).toEqual(logged);
  expect(fs.existsSync(runs[1].dir)).toBe(!move);
  expect(await extracted(fixture.root, "runs.zip")).toEqual(["aaaa", "bbbb"]);
  await withExtractedZip(path.join(fixture.root, "runs.zip"), fixture.root, host, async (dir) => {
    expect(fs.readFileSync(path.join(dir, "bbbb", "out", "model.txt"), "utf8")).toBe("model bbbb");
    expect(new Run("bbbb", path.join(dir, "bbbb")).isRun).toBe(true);
  });
});

test("a file that is not a zip archive is left alone", () => {
  const { fixture, runs, log } = setUp();
  fs.writeFileSync(path.join(fixture.root, "bad.zip"), "text");
  expect(() => exportRunsToZip(runs, "bad.zip", fixture.root, false, false, host, log)).toThrow(new CliError("cannot write to bad.zip: File is not a zip file"));
  expect(fs.readFileSync(path.join(fixture.root, "bad.zip"), "utf8")).toBe("text");
});
