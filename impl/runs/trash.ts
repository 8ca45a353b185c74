// Moving runs to and from $GUILD_HOME/trash/runs, and deleting them for good.
import fs from "node:fs";
import path from "node:path";
import { runDirPath, trashRunDirPath } from "../../lib/rundir/index.js";
import { nodeCrypto } from "../../lib/builtins.js";
import { lexists } from "../lexists.js";
import type { Run } from "./run.js";

/** Log line writer for warnings (`WARNING: ...`). */
export type WarningWriter = (message: string) => void;

export function deleteRuns(guildHome: string, runs: Run[], permanent: boolean, warn: WarningWriter): void {
  for (const run of runs) {
    const source = runDirPath(guildHome, run.id);
    if (permanent) removeTree(source);
    else moveReplacing(source, trashRunDirPath(guildHome, run.id), warn);
  }
}

export function restoreRuns(guildHome: string, runs: Run[], warn: WarningWriter): void {
  for (const run of runs) moveReplacing(trashRunDirPath(guildHome, run.id), runDirPath(guildHome, run.id), warn);
}

export function purgeRuns(guildHome: string, runs: Run[]): void {
  for (const run of runs) removeTree(trashRunDirPath(guildHome, run.id));
}

function removeTree(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Moves source to dest; an existing dest is first moved aside to `<dest>_<random>` with a warning.
 * Another `guild` moving or deleting the same run at the same time wins quietly: a source already
 * gone is left alone, and a dest moved aside for it is put back (it was that command's move).
 */
function moveReplacing(source: string, dest: string, warn: WarningWriter): void {
  if (!lexists(source)) return;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  let backup: string | null = null;
  if (fs.existsSync(dest)) {
    backup = `${dest}_${nodeCrypto().randomBytes(4).toString("hex")}`;
    try {
      fs.renameSync(dest, backup);
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
      backup = null;
    }
  }
  try {
    fs.renameSync(source, dest);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" && !lexists(source)) {
      if (backup !== null && !lexists(dest)) fs.renameSync(backup, dest);
      return;
    }
    if (code !== "EXDEV") throw error;
    fs.cpSync(source, dest, { recursive: true, verbatimSymlinks: true });
    removeTree(source);
  }
  if (backup !== null) warn(`${dest} exists, moving to ${backup}`);
}
