// The values of one transcript run that another run will not repeat: its paths and its run ids.
import fs from "node:fs";
import path from "node:path";

const RUN_ID = /^[0-9a-f]{32}$/;
/** Bounds on the walk for run directories, so a huge sandbox costs a bounded time. */
const MAX_DEPTH = 6;
const MAX_ENTRIES = 20_000;

/**
 * What update mode writes as `...` wherever it appears, besides the shapes of VOLATILE_SHAPES:
 * the sandbox's folder (as given and as a real path), the python executables in the python
 * folder the sandbox puts on PATH, and the id of every run in the sandbox (Guild homes and their
 * trash) with its 8-character short form.
 */
export function volatileValues(sandboxRoot: string, pythonBinDir: string | null | undefined): string[] {
  const values = new Set<string>([sandboxRoot, realPath(sandboxRoot)]);
  if (pythonBinDir) {
    for (const name of readNames(pythonBinDir)) if (/^python[\d.]*$/.test(name)) values.add(path.join(pythonBinDir, name));
  }
  for (const id of runIds(sandboxRoot)) {
    values.add(id);
    values.add(id.slice(0, 8));
  }
  // Longest first, so a path is replaced before a shorter value inside it.
  return [...values].sort((a, b) => b.length - a.length);
}

/** Names of the folders under `root` that are run ids; run folders are not entered. */
function runIds(root: string): string[] {
  const ids: string[] = [];
  let budget = MAX_ENTRIES;
  const visit = (dir: string, depth: number) => {
    for (const entry of readEntries(dir)) {
      if (--budget < 0) return;
      if (!entry.isDirectory()) continue;
      if (RUN_ID.test(entry.name)) ids.push(entry.name);
      else if (depth < MAX_DEPTH) visit(path.join(dir, entry.name), depth + 1);
    }
  };
  visit(root, 1);
  return ids;
}

function readEntries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readNames(dir: string): string[] {
  return readEntries(dir).map((entry) => entry.name);
}

function realPath(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}
