// installCodeCache: files of the source dir load from saved bytecode once it exists, never from a stale one; other files as usual.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterEach, beforeEach, expect, test } from "vitest";
import { codeCacheGroup, installCodeCache } from "./code-cache.js";

let root: string;
let sourceDir: string;
let cacheDir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
  sourceDir = path.join(root, "cli");
  cacheDir = path.join(root, "cli-code-cache");
  fs.mkdirSync(sourceDir);
  fs.writeFileSync(path.join(sourceDir, "main.cjs"), "#!/usr/bin/env node\nexports.value = require('./part.cjs').part + 1;\nexports.file = __filename;\n");
  fs.writeFileSync(path.join(sourceDir, "part.cjs"), "exports.part = 41;\n");
  fs.writeFileSync(path.join(root, "outside.cjs"), "exports.outside = true;\n");
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Loads `file` afresh (not from require's module cache) with the code cache installed, then saves it. */
function loadFresh(file: string): { exports: Record<string, unknown>; counts: { fromCache: number; fromSource: number } } {
  const codeCache = installCodeCache({ sourceDir, cacheDir }, "test");
  try {
    const require = createRequire(file);
    for (const name of Object.keys(require.cache)) if (name.startsWith(root)) delete require.cache[name];
    const exports = require(file) as Record<string, unknown>;
    codeCache.save();
    return { exports, counts: codeCache.counts() };
  } finally {
    codeCache.uninstall();
  }
}

test("the first load compiles from source and saves; the next one uses the saved bytecode", () => {
  const main = path.join(sourceDir, "main.cjs");
  const first = loadFresh(main);
  expect(first.exports).toEqual({ value: 42, file: main });
  expect(first.counts).toEqual({ fromCache: 0, fromSource: 2 });
  expect(fs.readdirSync(cacheDir).map((name) => name.split(".cjs.")[0]).sort()).toEqual(["main", "part"]);
  const second = loadFresh(main);
  expect(second.exports).toEqual({ value: 42, file: main });
  expect(second.counts).toEqual({ fromCache: 2, fromSource: 0 });
});

test("a changed file of the same length never runs the bytecode of its earlier version", () => {
  const main = path.join(sourceDir, "main.cjs");
  const part = path.join(sourceDir, "part.cjs");
  loadFresh(main);
  fs.writeFileSync(part, "exports.part = 99;\n");
  fs.utimesSync(part, new Date(), new Date(Date.now() + 5000));
  const changed = loadFresh(main);
  expect(changed.exports.value).toBe(100);
  expect(changed.counts).toEqual({ fromCache: 1, fromSource: 1 });
});

test("files outside the source dir load as usual, with nothing cached", () => {
  const loaded = loadFresh(path.join(root, "outside.cjs"));
  expect(loaded.exports).toEqual({ outside: true });
  expect(loaded.counts).toEqual({ fromCache: 0, fromSource: 0 });
  expect(fs.existsSync(cacheDir)).toBe(false);
});

test("a cache that cannot be written leaves the command running", () => {
  fs.writeFileSync(cacheDir, "not a directory");
  const loaded = loadFresh(path.join(sourceDir, "main.cjs"));
  expect(loaded.exports.value).toBe(42);
  expect(fs.readdirSync(root).sort()).toEqual(["cli", "cli-code-cache", "outside.cjs"]);
});

test.each([
  { argv: ["run", "m:train", "-y"], expected: "run" },
  { argv: ["-H", "/home/guild", "runs", "-a"], expected: "runs" },
  { argv: ["-C", "project", "--debug", "compare", "-t"], expected: "compare" },
  { argv: ["--help"], expected: "none" },
  { argv: ["run", "m:train", "--help"], expected: "run-help" },
  { argv: ["run", "--", "--help"], expected: "run-help" },
  { argv: [], expected: "none" },
  { argv: ["../x"], expected: "other" },
  { argv: ["Run"], expected: "other" },
])("codeCacheGroup($argv) is $expected", ({ argv, expected }) => {
  expect(codeCacheGroup(argv)).toBe(expected);
});
