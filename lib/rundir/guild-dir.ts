// What one read of a run's .guild directory found: which of Guild's files it holds, and its entries for walks over the run.
import fs from "node:fs";
import { GUILD_FILES, oprefPath, type RunMarker } from "./paths.js";

/**
 * What `.guild` held when it was read (RunDirReader.listGuildDir). Listing reads it once per run: it
 * tells whether the directory is a run, the status markers, whether attrs exist, and event-file walks
 * reuse the entries.
 */
export class GuildDirListing {
  /** entries: null when `.guild` could not be read (then it holds nothing). */
  constructor(readonly entries: readonly fs.Dirent[] | null) {}

  private has(name: string): boolean {
    if (this.entries === null) return false;
    for (const entry of this.entries) if (entry.name === name) return true;
    return false;
  }

  /** Whether `.guild` holds name as a regular file (not a link, which may lead anywhere). */
  isRegularFile(name: string): boolean {
    if (this.entries === null) return false;
    for (const entry of this.entries) if (entry.name === name) return entry.isFile();
    return false;
  }

  /** A directory is a run when its `.guild` holds an opref. */
  get isRun(): boolean {
    return this.has(GUILD_FILES.opref);
  }

  get hasAttrs(): boolean {
    return this.has(GUILD_FILES.attrs);
  }

  /** Batch runs keep their prototype run in `.guild/proto`. */
  get hasProto(): boolean {
    return this.has(GUILD_FILES.proto);
  }

  hasMarker(marker: RunMarker): boolean {
    return this.has(marker);
  }
}

/** Whether dir is a run directory, checked with one stat (walks meet few candidates). */
export function isRunDir(dir: string): boolean {
  return fs.existsSync(oprefPath(dir));
}
