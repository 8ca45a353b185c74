// The file listing behind `guild ls`: an os.walk of the run dir with Guild's hidden/path/manifest filters.
import fs from "node:fs";
import path from "node:path";
import { GUILD_DIR, RunDirReader } from "../../lib/rundir/index.js";
import { shellSplit } from "../../lib/python/shlex.js";
import { fnmatch } from "../../lib/python/fnmatch.js";
import { naturalSorted } from "../../lib/python/natsort.js";

export interface ListFilesOptions {
  /** Relative path or glob pattern limiting the listing. */
  path?: string | null;
  all?: boolean;
  sourcecode?: boolean;
  dependencies?: boolean;
  generated?: boolean;
  fullPath?: boolean;
  followLinks?: boolean;
}

interface PathFilter {
  match(relPath: string): boolean;
  /** Whether to skip walking into a directory that did not match. */
  prune(name: string, relPath: string): boolean;
}

const isHidden = (name: string) => name.startsWith(".");
const splitParts = (relPath: string) => relPath.split(path.sep).filter((part) => part !== "");

function defaultFilter(all: boolean): PathFilter {
  return {
    match: (relPath) => all || !isHidden(splitParts(relPath).at(-1) ?? ""),
    prune: (name) => !all && isHidden(name),
  };
}

function patternFilter(pattern: string, all: boolean): PathFilter {
  const patternParts = splitParts(pattern);
  return {
    match(relPath) {
      const parts = splitParts(relPath);
      if (parts.length < patternParts.length) return false;
      if (!patternParts.every((part, index) => fnmatch(parts[index], part))) return false;
      if (all) return true;
      return parts.every((part, index) => !isHidden(part) || (index < patternParts.length && isHidden(patternParts[index])));
    },
    prune(name, relPath) {
      const parts = splitParts(relPath);
      if (all || !isHidden(name)) return false;
      return patternParts.length >= parts.length && !isHidden(patternParts[parts.length - 1]);
    },
  };
}

const isPrefix = (prefix: string[], parts: string[]) => parts.length >= prefix.length && prefix.every((part, index) => parts[index] === part);

function subpathFilter(subpath: string, all: boolean): PathFilter {
  const matchParts = splitParts(subpath);
  return {
    match(relPath) {
      const parts = splitParts(relPath);
      if (!all && isHidden(parts.at(-1) ?? "")) return parts.length === matchParts.length && isPrefix(matchParts, parts);
      return isPrefix(matchParts, parts);
    },
    prune: (_name, relPath) => !isPrefix(splitParts(relPath), matchParts),
  };
}

/** Manifest entry types by run-relative path (`s` source code, `d` dependency). */
function manifestIndex(runDir: string): Map<string, string> {
  const index = new Map<string, string>();
  const text = new RunDirReader(runDir).readManifest();
  if (text === null) return index;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const [type, relPath] = shellSplit(line);
      if (relPath !== undefined) index.set(relPath, type);
    } catch {
      // Unreadable entry: skipped.
    }
  }
  return index;
}

function manifestFilter(runDir: string, types: string[], base: PathFilter): PathFilter {
  const index = manifestIndex(runDir);
  return {
    match(relPath) {
      const full = path.join(runDir, relPath);
      if (!isFile(full)) return false;
      let type = index.get(relPath);
      if (!type) {
        if (splitParts(relPath)[0] === GUILD_DIR) return false;
        type = "g";
      }
      return types.includes(type) && base.match(relPath);
    },
    prune: (name, relPath) => base.prune(name, relPath),
  };
}

function isFile(full: string): boolean {
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}

function isDirectory(full: string): boolean {
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function filterFor(runDir: string, options: ListFilesOptions): PathFilter {
  const all = Boolean(options.all || options.sourcecode || options.dependencies || options.generated);
  const base = options.path ? (/[*?]/.test(options.path) ? patternFilter(options.path, all) : subpathFilter(options.path, all)) : defaultFilter(all);
  const types = [options.sourcecode && "s", options.dependencies && "d", options.generated && "g"].filter((type): type is string => Boolean(type));
  return types.length > 0 ? manifestFilter(runDir, types, base) : base;
}

/** Listed paths, natural-sorted: run-relative with `/` after directories, or absolute with fullPath. */
export function listRunFiles(runDir: string, options: ListFilesOptions): string[] {
  const filter = filterFor(runDir, options);
  const listed: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real = dir;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const dirs: fs.Dirent[] = [];
    const files: fs.Dirent[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const entryIsDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
      (entryIsDir ? dirs : files).push(entry);
    }
    const walkInto: fs.Dirent[] = [];
    for (const entry of [...dirs, ...files]) {
      const full = path.join(dir, entry.name);
      const relPath = path.relative(runDir, full);
      const entryIsDir = dirs.includes(entry);
      if (filter.match(relPath)) {
        const shown = options.fullPath ? full : relPath;
        listed.push(entryIsDir ? shown + path.sep : shown);
        if (entryIsDir) walkInto.push(entry);
      } else if (entryIsDir && !filter.prune(entry.name, relPath)) {
        walkInto.push(entry);
      }
    }
    for (const entry of walkInto) {
      if (options.followLinks || !entry.isSymbolicLink()) walk(path.join(dir, entry.name));
    }
  };
  walk(runDir);
  const sorted = naturalSorted(listed);
  return options.fullPath ? sorted.map((full) => path.resolve(full)) : sorted;
}
