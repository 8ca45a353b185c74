// Test support: one temp folder for a test file, made before its tests and removed after them.
import { afterAll, beforeAll } from "vitest";
import { createTempDir } from "./temp-dir.js";

/** Registers the folder's making and removal; the returned function gives its path once tests run. */
export function useTempDir(prefix: string): () => string {
  let folder: string | null = null;
  let remove = async () => {};
  beforeAll(async () => {
    ({ path: folder, remove } = await createTempDir(prefix));
  });
  afterAll(() => remove());
  return () => {
    if (folder === null) throw new Error(`the ${prefix} temp folder is made before the tests run`);
    return folder;
  };
}
