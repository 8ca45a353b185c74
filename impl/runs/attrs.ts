// Reading and writing run attributes: one YAML file per attribute under .guild/attrs.
import fs from "node:fs";
import { attrPath, attrsDir } from "./layout.js";
import { dumpYaml, loadYaml } from "../../lib/yaml/yaml.js";
import { removeFileIfExists } from "./remove-file.js";

export function writeAttr(runDir: string, name: string, value: unknown): void {
  const file = attrPath(runDir, name);
  const text = dumpYaml(value);
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    fs.mkdirSync(attrsDir(runDir), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** The decoded attribute, or undefined when the run has no such attribute. */
export function readAttr(runDir: string, name: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(attrPath(runDir, name), "utf8");
  } catch {
    return undefined;
  }
  return loadYaml(text);
}

export function hasAttr(runDir: string, name: string): boolean {
  return fs.existsSync(attrPath(runDir, name));
}

export function deleteAttr(runDir: string, name: string): void {
  removeFileIfExists(attrPath(runDir, name));
}
