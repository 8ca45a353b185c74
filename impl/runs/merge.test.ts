// Planning and applying merges: each run file copied or skipped for the reason Guild's run_merge gives.
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { applyRunMerge, initRunMerge, MergeError, replacedPaths, skipReasonText, type MergeOptions } from "./merge.js";
import { Run } from "./run.js";
import { makeFixture, writeRun, type Fixture } from "./run-fixtures.test-support.js";

let fixture: Fixture | null = null;
afterEach(() => {
  fixture?.cleanup();
  fixture = null;
});

const MANIFEST = [
  "s guild.yml 0 guild.yml",
  "s src/train.py 0 train.py",
  "d data.txt 0 file:data.txt",
  "d remote.txt 0 https://example.com/remote.txt",
  "d unpacked/a.txt - file:files.zip a.txt",
].join("\n");

const RUN_FILES = {
  "guild.yml": "ops",
  "src/train.py": "run version",
  "data.txt": "data",
  "remote.txt": "remote",
  "unpacked/a.txt": "a",
  "out/model.txt": "model",
  ".guild/manifest": MANIFEST + "\n",
};

/** The project holds guild.yml unchanged, train.py changed, data.txt missing. */
const PROJECT_FILES = { "guild.yml": "ops", "train.py": "project version" };

const defaults: MergeOptions = { copyAll: false, skipSourcecode: false, skipDeps: false, exclude: [] };

const cases: { name: string; options: Partial<MergeOptions>; copied: string[]; skipped: string[] }[] = [
  {
    name: "defaults",
    options: {},
    copied: ["d data.txt -> data.txt", "s src/train.py -> train.py"],
    skipped: ["guild.yml: unchanged", "out/model.txt: non-project file", "remote.txt: non-project dependency", "unpacked/a.txt: non-project dependency"],
  },
  {
    name: "all files",
    options: { copyAll: true },
    copied: ["d data.txt -> data.txt", "o out/model.txt -> out/model.txt", "s src/train.py -> train.py"],
    skipped: ["guild.yml: unchanged", "remote.txt: non-project dependency", "unpacked/a.txt: non-project dependency"],
  },
  {
    name: "skipped source code and deps, excluded output",
    options: { copyAll: true, skipSourcecode: true, skipDeps: true, exclude: ["out/*"] },
    copied: [],
    skipped: ["data.txt: skipped dependency", "guild.yml: skipped source code", "out/model.txt: excluded", "remote.txt: skipped dependency", "train.py: skipped source code", "unpacked/a.txt: skipped dependency"],
  },
];

function setUp(): { run: Run; target: string } {
  fixture = makeFixture();
  const run = Run.forDir(writeRun(fixture, { id: "aaaa", files: RUN_FILES }));
  for (const [name, text] of Object.entries(PROJECT_FILES)) fs.writeFileSync(path.join(fixture.project, name), text);
  return { run, target: fixture.project };
}

test.each(cases)("$name", ({ options, copied, skipped }) => {
  const { run, target } = setUp();
  const merge = initRunMerge(run, target, { ...defaults, ...options }, () => {});
  expect(merge.toCopy.map((file) => `${file.fileType} ${file.runPath} -> ${file.targetPath}`)).toEqual(copied);
  expect(merge.toSkip.map((file) => `${file.targetPath ?? file.runPath}: ${skipReasonText(file)}`).sort()).toEqual(skipped);
});

test("applying copies in target order, replacing files and making directories", () => {
  const { run, target } = setUp();
  const merge = initRunMerge(run, target, { ...defaults, copyAll: true }, () => {});
  expect([...replacedPaths(merge)]).toEqual(["train.py"]);
  const copied: string[] = [];
  applyRunMerge(merge, (file) => copied.push(file.targetPath));
  expect(copied).toEqual(["data.txt", "out/model.txt", "train.py"]);
  expect(fs.readFileSync(path.join(target, "train.py"), "utf8")).toBe("run version");
  expect(fs.readFileSync(path.join(target, "out", "model.txt"), "utf8")).toBe("model");
  expect(initRunMerge(run, target, { ...defaults, copyAll: true }, () => {}).toCopy).toEqual([]);
});

test("a run without a manifest cannot be merged", () => {
  fixture = makeFixture();
  const run = Run.forDir(writeRun(fixture, { id: "bbbb" }));
  expect(() => initRunMerge(run, fixture!.project, defaults, () => {})).toThrow(new MergeError("run manifest does not exist for run bbbb"));
});
