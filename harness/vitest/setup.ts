// Global setup for vitest: builds the reference CLI and the runner (unless `npm test` just did), gives test files a temp folder of the run, and tells them whether to update transcripts (`-u` with paths) and colour reports.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { resolvePythonBinDir } from "../sandbox/python-bin.js";
import { colourWanted } from "../report/colour.js";
import { sandboxTempRoot } from "../sandbox/temp-dir.js";
import { transcriptUpdateMode } from "./update-mode.js";
import { DIST_IS_BUILT } from "./dist-built.js";

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

/**
 * Test files make their temp folders (os.tmpdir()) in one folder of this run, in RAM where the
 * host has it as sandboxes are: on a busy disk, creating the thousands of small files of the fault,
 * run-listing and step tests took half their time. The folder goes when the run ends, with
 * whatever a test left in it; with KEEP_SANDBOX=1, whose sandboxes are meant to stay, there is
 * no such folder. Returns its removal.
 */
function useRunTempDir(project: TestProject): () => void {
  if (process.env.KEEP_SANDBOX === "1") return () => {};
  const folder = fs.mkdtempSync(path.join(sandboxTempRoot(process.env) ?? os.tmpdir(), "guild-tests-"));
  project.config.env = { ...project.config.env, TMPDIR: folder };
  return () => fs.rmSync(folder, { recursive: true, force: true });
}

/**
 * Test files see the real python3's directory first on PATH, as sandboxes do: a version manager's
 * shim (pyenv's runs a dozen bash processes) costs each Python start of the fault tests and the
 * Guild-source comparisons about 80 ms more than the interpreter itself.
 */
function usePythonFirst(project: TestProject, pythonBinDir: string | null): void {
  if (pythonBinDir === null) return;
  const current = project.config.env?.PATH ?? process.env.PATH ?? "";
  project.config.env = { ...project.config.env, PATH: current ? `${pythonBinDir}${path.delimiter}${current}` : pythonBinDir };
}

export default function setup(project: TestProject): () => void {
  // The file filters of the command line: an internal field of vitest's, so read with care.
  const filters = "filenamePattern" in project.vitest ? ((project.vitest as { filenamePattern?: string[] }).filenamePattern ?? []) : undefined;
  const update = project.config.update || (project.config.snapshotOptions.updateSnapshot === "all" ? "all" : false);
  project.provide("updateTranscripts", transcriptUpdateMode(update, filters));
  const pythonBinDir = resolvePythonBinDir(process.env);
  project.provide("pythonBinDir", pythonBinDir);
  usePythonFirst(project, pythonBinDir);
  project.provide("colour", colourWanted(process.env, process.stdout.isTTY === true));
  const removeRunTempDir = useRunTempDir(project);
  // `npm test` has just built everything (its pretest script), and a vitest started by a test
  // says the build is current (DIST_IS_BUILT=1): building again costs a second, and would replace
  // the CLI under the tests still running.
  if (process.env.npm_lifecycle_event !== "test" && process.env[DIST_IS_BUILT] !== "1") build();
  return removeRunTempDir;
}

function build(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  try {
    // The module transcripts load to run `guild` in-process, the prebuilt suite that runs their
    // examples, and the conformance runner too: sandboxes offer it as `guild-transcripts` (the
    // author's guide runs it).
    execFileSync(process.execPath, [path.join(root, "scripts", "build.mjs"), "guild", "guild-in-process", "conformance", "transcript-suite"], { cwd: root, stdio: "inherit" });
  } catch {
    // Unit tests do not need the CLI; transcripts will report that `guild` is missing.
    console.warn("warning: building the reference CLI failed; transcripts cannot run it");
  }
}
