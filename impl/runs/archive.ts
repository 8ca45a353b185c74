// Exporting runs to an archive directory and importing them into the runs dir, as Guild's run_util does.
import fs from "node:fs";
import path from "node:path";
import { NOCOPY_MARKER, runDirPath } from "../../lib/rundir/index.js";
import { CliError } from "../io.js";
import type { Run } from "./run.js";

/** How runs travel: moved or copied, and whether symlinked resources are copied as files. */
export interface TransferOptions {
  move: boolean;
  /** Copy what symlinks point to instead of the links (`--copy-resources`). */
  copyResources: boolean;
}

/** Where Guild's run_util logs: `info` lines (`Copying ID`), warnings and errors (printed as `WARNING: ...`, `ERROR: ...`). */
export interface TransferLog {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

/** shutil.copytree: symlinks kept as links (their text unchanged) or followed, file modes and times kept. */
export function copyTree(source: string, dest: string, followLinks: boolean): void {
  fs.cpSync(source, dest, { recursive: true, dereference: followLinks, verbatimSymlinks: !followLinks, preserveTimestamps: true });
}

/** shutil.move: a rename, or a copy (links kept) and delete across file systems. */
export function moveTree(source: string, dest: string): void {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  try {
    fs.renameSync(source, dest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyTree(source, dest, false);
    fs.rmSync(source, { recursive: true, force: true });
  }
}

/** Moves or copies one run directory as export and import do. */
function transferRun(source: string, dest: string, options: TransferOptions): void {
  if (options.move && !options.copyResources) moveTree(source, dest);
  else {
    copyTree(source, dest, options.copyResources);
    if (options.move) fs.rmSync(source, { recursive: true, force: true });
  }
}

/** util.ensure_dir plus the `.guild-nocopy` marker; a path that is not a directory is the user's error (named as given). */
function initExportDir(absDir: string, dir: string): void {
  try {
    fs.mkdirSync(absDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOTDIR") throw error;
  }
  const marker = path.join(absDir, NOCOPY_MARKER);
  try {
    fs.closeSync(fs.openSync(marker, "a"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" || code === "EEXIST" || code === "ENOENT") throw new CliError(`'${dir}' is not a directory`);
    throw new CliError(`error initializing export directory '${dir}': ${(error as Error).message}`);
  }
}

/** os.path.join of two parts: no normalising (`./exp` stays `./exp/ID`). */
const pythonJoin = (dir: string, name: string) => (dir === "" || dir.endsWith("/") ? dir + name : `${dir}/${name}`);

/** Copies (or moves) runs into `dir` (as given, relative to `cwd`); runs already there are skipped. Returns the runs exported. */
export function exportRunsToDir(runs: Run[], dir: string, cwd: string, options: TransferOptions, log: TransferLog): Run[] {
  const absDir = path.resolve(cwd, dir);
  initExportDir(absDir, dir);
  const exported: Run[] = [];
  for (const run of runs) {
    if (fs.existsSync(path.join(absDir, run.id))) {
      log.warn(`${pythonJoin(dir, run.id)} exists, skipping`);
      continue;
    }
    log.info(`${options.move ? "Moving" : "Copying"} ${run.id}`);
    transferRun(run.dir, path.join(absDir, run.id), options);
    exported.push(run);
  }
  return exported;
}

/** Copies (or moves) runs into the runs dir of guildHome; runs already there are skipped. Returns the runs imported. */
export function importRuns(runs: Run[], guildHome: string, options: TransferOptions, log: TransferLog): Run[] {
  const imported: Run[] = [];
  for (const run of runs) {
    const dest = runDirPath(guildHome, run.id);
    if (fs.existsSync(dest)) {
      log.warn(`${run.id} exists, skipping`);
      continue;
    }
    log.info(`${options.move ? "Moving" : "Copying"} ${run.id}`);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    transferRun(run.dir, dest, options);
    imported.push(run);
  }
  return imported;
}
