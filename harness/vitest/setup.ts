// Global setup for vitest: builds the reference CLI and tells test files whether `-u` was given.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { resolvePythonBinDir } from "../sandbox/python-bin.js";
import { colourWanted } from "../report/colour.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** `vitest -u`: rewrite the expected output of failing examples instead of failing. */
    updateTranscripts: boolean;
    /** Directory of the real python3 (resolved once per run, not per worker). */
    pythonBinDir: string | null;
    /** Colour failure reports: vitest's output goes to a terminal (or FORCE_COLOR says so). */
    colour: boolean;
  }
}

export default function setup(project: TestProject): void {
  project.provide("updateTranscripts", project.config.snapshotOptions.updateSnapshot === "all");
  project.provide("pythonBinDir", resolvePythonBinDir(process.env));
  project.provide("colour", colourWanted(process.env, process.stdout.isTTY === true));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  try {
    execFileSync(process.execPath, [path.join(root, "scripts", "build.mjs"), "guild"], { cwd: root, stdio: "inherit" });
  } catch {
    // Unit tests do not need the CLI; transcripts will report that `guild` is missing.
    console.warn("warning: building the reference CLI failed; transcripts cannot run it");
  }
}
