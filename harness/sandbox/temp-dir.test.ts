// Temp folders: made empty under the given parent, removed with their contents unless kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTempDir, sandboxTempRoot } from "./temp-dir.js";

describe("createTempDir", () => {
  it.each([
    { keep: false, existsAfterRemove: false },
    { keep: true, existsAfterRemove: true },
  ])("keep: $keep -> still there after remove(): $existsAfterRemove", async ({ keep, existsAfterRemove }) => {
    const parent = fs.realpathSync(os.tmpdir());
    const temp = await createTempDir("temp-dir-test", { parent, keep });
    try {
      expect(path.dirname(temp.path)).toBe(parent);
      expect(path.basename(temp.path)).toMatch(/^temp-dir-test-\d+-/);
      expect(fs.readdirSync(temp.path)).toEqual([]);
      fs.mkdirSync(path.join(temp.path, "a", "b"), { recursive: true });
      fs.writeFileSync(path.join(temp.path, "a", "b", "c.txt"), "x");
      await temp.remove();
      expect(fs.existsSync(temp.path)).toBe(existsAfterRemove);
    } finally {
      fs.rmSync(temp.path, { recursive: true, force: true });
    }
  });
});

describe("sandboxTempRoot", () => {
  const writable = fs.mkdtempSync(path.join(os.tmpdir(), "ram-root-"));
  const file = path.join(writable, "file");
  fs.writeFileSync(file, "");
  it.each([
    { case: "a writable RAM folder", env: {}, ramRoot: writable, expected: writable },
    { case: "TMPDIR set", env: { TMPDIR: "/somewhere" }, ramRoot: writable, expected: undefined },
    { case: "no RAM folder", env: {}, ramRoot: path.join(writable, "missing"), expected: undefined },
    { case: "a file where the RAM folder should be", env: {}, ramRoot: file, expected: undefined },
  ])("$case -> $expected", ({ env, ramRoot, expected }) => {
    expect(sandboxTempRoot(env, ramRoot)).toBe(expected);
  });
});
