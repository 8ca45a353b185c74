// Writing a run's attributes: one file per attribute under .guild/attrs, its value YAML-encoded as Guild writes it.
import fs from "node:fs";
import { attrPath, attrsDir } from "./paths.js";
import { encodeAttr } from "./attr-codec.js";
import { removeFileIfExists } from "./remove-file.js";

/** Creates the run directory down to .guild/attrs (the start of run initialization). */
export function createAttrsDir(runDir: string): void {
  fs.mkdirSync(attrsDir(runDir), { recursive: true });
}

/** Writes the attr file, creating the attrs dir only when the first write finds it missing. */
export function writeAttr(runDir: string, name: string, value: unknown): void {
  const file = attrPath(runDir, name);
  const text = encodeAttr(value);
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    fs.mkdirSync(attrsDir(runDir), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function deleteAttr(runDir: string, name: string): void {
  removeFileIfExists(attrPath(runDir, name));
}
