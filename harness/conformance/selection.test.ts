// `PATH:LINE` arguments and the examples they select.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir } from "../sandbox/temp-dir.js";
import { parseTranscript } from "../transcript/index.js";
import { examplesAtLines, splitLineSelections } from "./selection.js";

let dir = "";
let removeDir = async () => {};

beforeAll(async () => {
  ({ path: dir, remove: removeDir } = await createTempDir("selection-test"));
  fs.writeFileSync(path.join(dir, "a.md"), "");
  fs.writeFileSync(path.join(dir, "odd:7"), "");
  fs.mkdirSync(path.join(dir, "sub"));
});

afterAll(() => removeDir());

describe("splitLineSelections", () => {
  it.each([
    { args: ["a.md"], paths: ["a.md"], lines: {} },
    { args: ["a.md:12"], paths: ["a.md"], lines: { "a.md": [12] } },
    { args: ["a.md:12", "a.md:30"], paths: ["a.md"], lines: { "a.md": [12, 30] } },
    { args: ["a.md:12", "a.md"], paths: ["a.md"], lines: {} },
    { args: ["odd:7"], paths: ["odd:7"], lines: {} },
    { args: ["sub:3"], paths: ["sub:3"], lines: {} },
    { args: ["missing.md:3"], paths: ["missing.md:3"], lines: {} },
  ])("$args", ({ args, paths, lines }) => {
    const selection = splitLineSelections(args, dir);
    expect({ paths: selection.paths, lines: Object.fromEntries([...selection.lines].map(([file, at]) => [path.relative(dir, file), at])) }).toEqual({ paths, lines });
  });
});

describe("examplesAtLines", () => {
  const examples = parseTranscript("Intro\n\n>>> a\nout\nmore\n\n>>> b\n... c\n\n>>> d\n", "t.md").examples;
  it.each([
    { lines: [3], indexes: [0], missing: [] },
    { lines: [5], indexes: [0], missing: [] },
    { lines: [8, 7], indexes: [1], missing: [] },
    { lines: [10, 3], indexes: [0, 2], missing: [] },
    { lines: [1, 6], indexes: [], missing: [1, 6] },
  ])("$lines", ({ lines, indexes, missing }) => {
    expect(examplesAtLines(examples, lines)).toEqual({ indexes, missing });
  });
});
