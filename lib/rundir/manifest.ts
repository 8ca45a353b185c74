// A run's .guild/manifest: one line per file copied into the run (`s` source code, `d` dependency), written as they are copied.
import fs from "node:fs";
import { manifestPath } from "./paths.js";

/** Starts an empty manifest (run initialization). */
export function createManifest(runDir: string): void {
  fs.writeFileSync(manifestPath(runDir), "");
}

/** Adds lines (without their newlines) to the manifest. */
export function appendManifest(runDir: string, lines: readonly string[]): void {
  if (lines.length) fs.appendFileSync(manifestPath(runDir), lines.map((line) => line + "\n").join(""));
}
