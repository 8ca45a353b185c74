// Reading one run directory's metadata: the .guild listing, opref, attrs, LOCK files and manifest.
import fs from "node:fs";
import path from "node:path";
import { PLAIN_INT } from "./attr-codec.js";
import { GuildDirListing } from "./guild-dir.js";
import { parseOpref, type Opref } from "./opref.js";
import { GUILD_DIR, GUILD_FILES, type RunMarker } from "./paths.js";
import { isRegularFileWithin, readListedRegularText, readRegularText } from "./read-file.js";

/** Opens without waiting: a FIFO planted in a run must not stall a listing. */
const OPEN_NONBLOCKING = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/**
 * A run directory's files, for reading. A listing reads a few files of each of thousands of runs,
 * so `.guild` is joined to the run dir once and every path under it is a concatenation.
 */
export class RunDirReader {
  /** `<runDir>/.guild/` */
  private readonly guildPrefix: string;
  /** `<runDir>/.guild/attrs/` */
  private readonly attrsPrefix: string;

  constructor(readonly runDir: string) {
    this.guildPrefix = path.join(runDir, GUILD_DIR) + path.sep;
    this.attrsPrefix = this.guildPrefix + GUILD_FILES.attrs + path.sep;
  }

  /** What `.guild` holds, with one directory read. */
  listGuildDir(): GuildDirListing {
    try {
      return new GuildDirListing(fs.readdirSync(this.guildPrefix, { withFileTypes: true }));
    } catch {
      return new GuildDirListing(null);
    }
  }

  /**
   * The parsed opref, or null when missing, unreadable or not in Guild's format. listedAsRegular:
   * the `.guild` listing showed it as a regular file (GuildDirListing.isRegularFile), so it is read
   * without a check of what it is.
   */
  readOpref(listedAsRegular = false): Opref | null {
    const file = this.guildPrefix + GUILD_FILES.opref;
    const text = listedAsRegular ? readListedRegularText(file) : this.readText(file);
    return text === undefined ? null : parseOpref(text);
  }

  /**
   * The attr file's text, or undefined when it cannot be read. Listing reads attrs that are often
   * missing (marked, compare...), so the error thrown inside is built without a stack trace: a failed
   * read costs half as much, and `guild runs` / `compare` over 10,000 runs take ~10% less time.
   */
  readAttrText(name: string): string | undefined {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return this.readText(this.attrsPrefix + name);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  /**
   * readAttrText for an attr most runs lack (`marked`, `compare`): a stat first, which answers a
   * missing file without the exception a failed open builds; a present one is then read without
   * checking again what it is. Listing reads one or two such attrs for each of thousands of runs.
   */
  readUsuallyMissingAttrText(name: string): string | undefined {
    const file = this.attrsPrefix + name;
    return isRegularFileWithin(file) ? readListedRegularText(file) : undefined;
  }

  /**
   * The integer in a short attr file such as `started`: undefined when the file is missing, null
   * when it holds anything but a plain integer (then decode its text). Listing reads one for every
   * run, so this is one open, one read into a small buffer and one close. Anything but a regular
   * file (a FIFO, a device) reads as null here, and readAttrText then refuses it.
   */
  readIntAttr(name: string): number | null | undefined {
    let fd: number;
    try {
      fd = fs.openSync(this.attrsPrefix + name, OPEN_NONBLOCKING);
    } catch {
      return undefined;
    }
    try {
      const buffer = Buffer.allocUnsafe(64);
      let length: number;
      try {
        length = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        return null;
      }
      if (length >= buffer.length) return null;
      const text = buffer.toString("latin1", 0, length);
      return PLAIN_INT.test(text) ? Number.parseInt(text, 10) : null;
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The names in the attrs dir, or null when the run has none. */
  readAttrNames(): string[] | null {
    try {
      return fs.readdirSync(this.attrsPrefix);
    } catch {
      return null;
    }
  }

  /** The pid in LOCK (Guild reads its first 10 characters), or null when missing or not a number. */
  readLockPid(): number | null {
    const text = this.readMarker("LOCK")?.slice(0, 10);
    return text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : null;
  }

  /** Where a remote run runs: LOCK.remote's text, stripped; null when missing. */
  readRemoteLock(): string | null {
    return this.readMarker("LOCK.remote")?.trim() ?? null;
  }

  /** The manifest's text, or null when the run has none. */
  readManifest(): string | null {
    return this.readText(this.guildPrefix + GUILD_FILES.manifest) ?? null;
  }

  private readMarker(marker: RunMarker): string | undefined {
    return this.readText(this.guildPrefix + marker);
  }

  /** A regular file's text (see readRegularText); undefined for anything else. */
  private readText(file: string): string | undefined {
    return readRegularText(file);
  }
}
