// Global setup for vitest: builds the reference CLI and the runner (unless `npm test` just did), and tells test files whether to update transcripts (`-u` with paths) and colour reports.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { resolvePythonBinDir } from "../sandbox/python-bin.js";
import { colourWanted } from "../report/colour.js";
import { transcriptUpdateMode } from "./update-mode.js";

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
  // The file filters of the command line: an internal field of vitest's, so read with care.
  const filters = "filenamePattern" in project.vitest ? ((project.vitest as { filenamePattern?: string[] }).filenamePattern ?? []) : undefined;
  const update = project.config.update || (project.config.snapshotOptions.updateSnapshot === "all" ? "all" : false);
  project.provide("updateTranscripts", transcriptUpdateMode(update, filters));
  project.provide("pythonBinDir", resolvePythonBinDir(process.env));
  project.provide("colour", colourWanted(process.env, process.stdout.isTTY === true));
  // `npm test` has just built everything (its pretest script): building again costs a second.
  if (process.env.npm_lifecycle_event === "test") return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  try {
    // The module transcripts load to run `guild` in-process, and the conformance runner too:
    // sandboxes offer it as `guild-transcripts` (the author's guide runs it).
    execFileSync(process.execPath, [path.join(root, "scripts", "build.mjs"), "guild", "guild-in-process", "conformance"], { cwd: root, stdio: "inherit" });
  } catch {
    // Unit tests do not need the CLI; transcripts will report that `guild` is missing.
    console.warn("warning: building the reference CLI failed; transcripts cannot run it");
  }
}
