// Test support: one temp folder for a test file of impl/batch, made when the file loads and removed after its tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** A fresh folder; it is removed when the test file's tests are done. */
export function useTempDir(prefix: string): () => string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}
