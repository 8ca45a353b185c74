// A run directory as Guild sees it: id, opref, attributes read lazily, status and timestamp.
import fs from "node:fs";
import path from "node:path";
import { decodeAttr, deleteAttr, guildDir, parseOpref, writeAttr, type Opref } from "../../lib/rundir/index.js";
import { isMapping } from "../python/values.js";
import { pyStr } from "./values.js";

export type RunStatus = "running" | "pending" | "staged" | "completed" | "terminated" | "error";

/** Whether a process id is alive; Linux default looks for /proc/<pid> as Guild does. */
export type PidAliveCheck = (pid: number) => boolean;

export const procPidAlive: PidAliveCheck = (pid) => (fs.existsSync("/proc") ? fs.existsSync(`/proc/${pid}`) : true);

const PLAIN_INT = /^-?\d+\s*$/;

const smallReadBuffer = Buffer.alloc(64);

const UTF8 = { encoding: "utf8" } as const;

/** The integer in a short attr file (open/read/close only: timestamps are read for every listed run). */
function readSmallInt(file: string): number | null | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const length = fs.readSync(fd, smallReadBuffer, 0, smallReadBuffer.length, 0);
    if (length >= smallReadBuffer.length) return null;
    const text = smallReadBuffer.toString("latin1", 0, length);
    return PLAIN_INT.test(text) ? Number.parseInt(text, 10) : null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The file's text, or undefined when it cannot be read. Missing attrs are common (marked, tags...),
 * so the failure is made cheap: the error thrown inside is built without a stack trace.
 */
function readTextIfExists(file: string): string | undefined {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fs.readFileSync(file, UTF8);
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Names in a directory, or null when it cannot be read. */
function readNames(dir: string): Set<string> | null {
  try {
    return new Set(fs.readdirSync(dir));
  } catch {
    return null;
  }
}

/** Entries of a directory with their types, or null when it cannot be read. */
export function readDirents(dir: string): fs.Dirent[] | null {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}


export class Run {
  private readonly attrCache = new Map<string, unknown>();
  private oprefCache: Opref | null | undefined;
  private guildEntries: fs.Dirent[] | null | undefined;
  private attrFiles: Set<string> | null | undefined;
  /** `<dir>/.guild`, joined once: paths under it are built by concatenation. */
  private readonly guildDirPath: string;
  /** `<dir>/.guild/attrs/`: attr paths are this plus the attr name. */
  private readonly attrPrefix: string;

  /** guildEntries: the entries of `.guild` when the caller has just read them (see hasGuildEntry). */
  constructor(
    readonly id: string,
    readonly dir: string,
    guildEntries?: fs.Dirent[] | null,
  ) {
    this.guildDirPath = guildDir(dir);
    this.attrPrefix = this.guildDirPath + path.sep + "attrs" + path.sep;
    this.guildEntries = guildEntries;
  }

  static forDir(runDir: string): Run {
    return new Run(path.basename(runDir), runDir);
  }

  get shortId(): string {
    return this.id.slice(0, 8);
  }

  guildPath(...parts: string[]): string {
    return path.join(this.guildDirPath, ...parts);
  }

  /**
   * Whether .guild holds an entry of that name (LOCK, PENDING, STAGED, proto...). One directory
   * read per run, kept like the attrs: a Run is a snapshot taken when it is listed.
   */
  hasGuildEntry(name: string): boolean {
    const entries = this.guildDirEntries();
    if (entries === null) return false;
    for (const entry of entries) if (entry.name === name) return true;
    return false;
  }

  /** The entries of .guild with their types (read once, as for hasGuildEntry); null when unreadable. */
  guildDirEntries(): fs.Dirent[] | null {
    if (this.guildEntries === undefined) this.guildEntries = readDirents(this.guildDirPath);
    return this.guildEntries;
  }

  /** The names in the attrs dir, read once when asked for (hasAttr, attrNames); null without one. */
  private attrFileNames(): Set<string> | null {
    if (this.attrFiles === undefined) {
      this.attrFiles = this.guildEntries === undefined || this.hasGuildEntry("attrs") ? readNames(this.attrPrefix) : null;
    }
    return this.attrFiles;
  }

  private hasAttrFile(name: string): boolean {
    return this.attrFileNames()?.has(name) ?? false;
  }

  /** The parsed .guild/opref, or null when missing or unreadable. */
  get opref(): Opref | null {
    if (this.oprefCache === undefined) {
      let text: string | null = null;
      if (this.guildEntries === undefined || this.hasGuildEntry("opref")) {
        try {
          text = fs.readFileSync(this.guildDirPath + path.sep + "opref", UTF8);
        } catch {
          text = null;
        }
      }
      this.oprefCache = text === null ? null : parseOpref(text);
    }
    return this.oprefCache;
  }

  /** Decoded attribute value; undefined when the attribute file is missing. Cached. */
  attr(name: string): unknown {
    if (this.attrCache.has(name)) return this.attrCache.get(name);
    const text = this.attrText(name);
    let value: unknown;
    if (text === undefined) value = undefined;
    else {
      try {
        value = decodeAttr(text);
      } catch {
        value = undefined;
      }
    }
    this.attrCache.set(name, value);
    return value;
  }

  /** Raw attribute file text, undefined when missing. */
  attrText(name: string): string | undefined {
    if (this.attrFiles !== undefined && !this.hasAttrFile(name)) return undefined;
    if (this.guildEntries && !this.hasGuildEntry("attrs")) return undefined;
    return readTextIfExists(this.attrPrefix + name);
  }

  /** Python's `run.get(name)`: the value, with null and missing both as undefined. */
  get(name: string): unknown {
    const value = this.attr(name);
    return value === null ? undefined : value;
  }

  hasAttr(name: string): boolean {
    return this.hasAttrFile(name);
  }

  attrNames(): string[] {
    const names = this.attrFileNames();
    return names ? [...names].sort() : [];
  }

  writeAttr(name: string, value: unknown): void {
    writeAttr(this.dir, name, value);
    this.attrCache.delete(name);
    this.attrFiles?.add(name);
    if (this.attrFiles === null) this.attrFiles = undefined;
    if (this.guildEntries && !this.hasGuildEntry("attrs")) this.guildEntries = undefined;
  }

  deleteAttr(name: string): void {
    deleteAttr(this.dir, name);
    this.attrCache.delete(name);
    this.attrFiles?.delete(name);
  }

  /**
   * A timestamp attr as readSmallInt gives it. Sorting reads one for every listed run, so unless the
   * attrs dir has been listed already it is read directly: missing ones are rare (pending runs).
   */
  private readTimestampAttr(name: string): number | null | undefined {
    if (this.attrFiles !== undefined && !this.hasAttrFile(name)) return undefined;
    if (this.guildEntries && !this.hasGuildEntry("attrs")) return undefined;
    return readSmallInt(this.attrPrefix + name);
  }

  /** `started`, else `initialized`, else null (microseconds since the epoch). */
  get timestamp(): number | null {
    for (const name of ["started", "initialized"]) {
      let value: unknown = this.attrCache.has(name) ? this.attrCache.get(name) : this.readTimestampAttr(name);
      if (value === null) value = this.attr(name);
      else this.attrCache.set(name, value);
      if (typeof value === "number" && value) return value;
    }
    return null;
  }

  /** Pid written in .guild/LOCK, or null. */
  get pid(): number | null {
    if (!this.hasGuildEntry("LOCK")) return null;
    let raw: string;
    try {
      raw = fs.readFileSync(this.guildPath("LOCK"), "utf8").slice(0, 10);
    } catch {
      return null;
    }
    return /^\s*-?\d+\s*$/.test(raw) ? Number.parseInt(raw, 10) : null;
  }

  /** Contents of .guild/LOCK.remote (stripped), null when not a remote run. */
  get remote(): string | null {
    if (!this.hasGuildEntry("LOCK.remote")) return null;
    try {
      return fs.readFileSync(this.guildPath("LOCK.remote"), "utf8").trim();
    } catch {
      return null;
    }
  }

  status(isPidAlive: PidAliveCheck = procPidAlive): RunStatus {
    if (this.hasGuildEntry("LOCK.remote")) return "running";
    if (this.hasGuildEntry("PENDING")) return "pending";
    if (this.hasGuildEntry("STAGED")) return "staged";
    const exitStatus = this.get("exit_status");
    if (typeof exitStatus === "number") return statusForExitStatus(exitStatus);
    const pid = this.pid;
    if (pid !== null && isPidAlive(pid)) return "running";
    return "error";
  }

  get label(): string {
    const value = this.get("label");
    return value === undefined ? "" : pyStr(value);
  }

  get tags(): unknown[] {
    const value = this.get("tags");
    return Array.isArray(value) ? value : [];
  }

  get marked(): boolean {
    return Boolean(this.get("marked"));
  }

  get flags(): Record<string, unknown> {
    const value = this.get("flags");
    return isMapping(value) ? value : {};
  }
}

export function statusForExitStatus(exitStatus: number): RunStatus {
  if (exitStatus === 0) return "completed";
  return exitStatus < 0 ? "terminated" : "error";
}
