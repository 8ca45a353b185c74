// Temp folders: made empty under the given parent, removed with their contents unless kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTempDir } from "./temp-dir.js";

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
