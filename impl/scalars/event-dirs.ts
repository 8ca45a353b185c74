// Finds a run's event-file directories the way Guild walks a run: into symlinked dirs only when they are runs.
import { readdirSync, statSync, realpathSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { GUILD_DIR, GUILD_FILES, isRunDir, type GuildDirListing } from "../../lib/rundir/index.js";

export interface EventDir {
  /** Absolute path of the directory (through any symlinks followed). */
  path: string;
  /** Path relative to the run dir with `/` separators; "" for the run dir itself. */
  prefix: string;
  /** Names of the event files in it, sorted. */
  eventFiles: string[];
}

/** Guild counts a file as an event file when `.tfevents.` is in its name. */
export function isEventFileName(name: string): boolean {
  return name.includes(".tfevents.");
}

function isDirectory(path: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Directories under runDir holding event files, top-down with names sorted. Symlinked directories
 * are entered only when they are runs (this is how a stepped run sees its steps' scalars).
 * guildDir: the run's `.guild` as listed already (a listed run's), saving a directory read per run.
 */
export function findEventDirs(runDir: string, guildDir?: GuildDirListing): EventDir[] {
  const found: EventDir[] = [];
  const linkedRuns = new Set<string>();
  const walk = (dir: string, prefix: string, name: string, parentName: string): void => {
    // A run's attrs dir holds only Guild's attr files; skipping it saves a directory read per run.
    if (name === GUILD_FILES.attrs && parentName === GUILD_DIR) return;
    let entries: Dirent[];
    if (guildDir && prefix === GUILD_DIR) {
      if (guildDir.entries === null) return;
      entries = [...guildDir.entries];
    } else {
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    const eventFiles: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        subdirs.push(entry.name);
      } else if (entry.isSymbolicLink() && isDirectory(join(dir, entry.name), entry)) {
        const path = join(dir, entry.name);
        if (!isRunDir(path)) continue;
        // Guard against link cycles (Python would recurse until it fails).
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          continue;
        }
        if (linkedRuns.has(real)) continue;
        linkedRuns.add(real);
        subdirs.push(entry.name);
      } else if (isEventFileName(entry.name)) {
        eventFiles.push(entry.name);
      }
    }
    if (eventFiles.length > 0) found.push({ path: dir, prefix, eventFiles });
    for (const subdir of subdirs) walk(join(dir, subdir), prefix ? `${prefix}/${subdir}` : subdir, subdir, name);
  };
  walk(runDir, "", "", "");
  return found;
}
