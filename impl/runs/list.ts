// Finding runs on disk: the runs dir (or trash), GUILD_RUNS_PARENT isolation, newest-first order.
import fs from "node:fs";
import path from "node:path";
import { runsDir, trashRunsDir } from "../../lib/rundir/index.js";
import { Run } from "./run.js";

export interface ListRunsOptions {
  /** Environment of the guild process (GUILD_RUNS_PARENT is read from here). */
  env: Readonly<Record<string, string | undefined>>;
  /** List the trash instead of the runs dir. */
  deleted?: boolean;
  /** List this directory instead (e.g. an archive); overrides deleted. */
  root?: string;
  /** Keep only runs for which this returns true (applied before sorting). */
  filter?: (run: Run) => boolean;
}

/** Runs sorted newest first (by `started`, else `initialized`; runs with neither last). */
export function listRuns(guildHome: string, options: ListRunsOptions): Run[] {
  const root = options.root ?? (options.deleted ? trashRunsDir(guildHome) : runsDir(guildHome));
  const parent = options.env.GUILD_RUNS_PARENT;
  const all = parent ? runsUnderParent(root, parent) : runsInDir(root);
  const kept = options.filter ? all.filter(options.filter) : all;
  return sortNewestFirst(kept);
}

/**
 * Every directory of root with a .guild/opref, in name order. Each run's .guild is read here, once:
 * the Run keeps the listing, which gives its status markers too.
 */
export function runsInDir(root: string): Run[] {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  names.sort();
  // path.join(root, name) for every name, with root joined once.
  const prefix = path.join(root, "_").slice(0, -1);
  const runs: Run[] = [];
  for (const name of names) {
    const run = new Run(name, prefix + name);
    if (run.isRun) runs.push(run);
  }
  return runs;
}

/** Runs linked from the parent run's directory whose link targets sit directly in root. */
export function runsUnderParent(root: string, parentId: string): Run[] {
  const parentDir = path.join(root, parentId);
  let names: string[];
  try {
    names = fs.readdirSync(parentDir);
  } catch {
    return [];
  }
  names.sort();
  const realRoot = realPath(root);
  const runs: Run[] = [];
  for (const name of names) {
    const target = linkTarget(path.join(parentDir, name));
    if (realPath(path.dirname(target)) === realRoot) runs.push(Run.forDir(target));
  }
  return runs;
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** One level of symlink resolution (Guild's util.realpath), else the real path. */
function linkTarget(entry: string): string {
  try {
    return path.resolve(path.dirname(entry), fs.readlinkSync(entry));
  } catch {
    return realPath(entry);
  }
}

function sortNewestFirst(runs: Run[]): Run[] {
  const keyed = runs.map((run, index) => ({ run, index, timestamp: run.timestamp }));
  keyed.sort((a, b) => {
    if (a.timestamp === null && b.timestamp === null) return a.index - b.index;
    if (a.timestamp === null) return 1;
    if (b.timestamp === null) return -1;
    return b.timestamp - a.timestamp || a.index - b.index;
  });
  return keyed.map((entry) => entry.run);
}
