// A run directory as Guild sees it: id, opref, attributes read lazily, status and timestamp.
import fs from "node:fs";
import path from "node:path";
import { GUILD_FILES, RunDirReader, decodeAttr, deleteAttr, protoDir, writeAttr, type GuildDirListing, type Opref } from "../../lib/rundir/index.js";
import { isMapping } from "../../lib/python/values.js";
import { pyStr } from "../../lib/python/repr.js";
import { Lazy } from "./lazy.js";

export type RunStatus = "running" | "pending" | "staged" | "completed" | "terminated" | "error";

/** Whether a process id is alive; Linux default looks for /proc/<pid> as Guild does. */
export type PidAliveCheck = (pid: number) => boolean;

export const procPidAlive: PidAliveCheck = (pid) => (fs.existsSync("/proc") ? fs.existsSync(`/proc/${pid}`) : true);

/** Attrs that listings read for every run but most runs lack: `runs` and `compare` show marks, `compare` its columns. */
const USUALLY_MISSING_ATTRS: ReadonlySet<string> = new Set(["marked", "compare"]);

/**
 * A Run is a snapshot: each thing it reads from disk is read once, when first asked for, and kept.
 * Listing reads thousands of runs for a few fields each, so nothing is read that is not shown.
 */
export class Run {
  private readonly files: RunDirReader;
  /** What `.guild` holds: whether this is a run, its markers, whether it has attrs. */
  private readonly guildListing = new Lazy(() => this.files.listGuildDir());
  private readonly oprefValue = new Lazy(() => {
    const listing = this.guildListing.get();
    return listing.isRun ? this.files.readOpref(listing.isRegularFile(GUILD_FILES.opref)) : null;
  });
  /** The attrs dir's names, read only for hasAttr and attrNames; null without an attrs dir. */
  private readonly attrFileNames = new Lazy(() => {
    const names = this.guildListing.get().hasAttrs ? this.files.readAttrNames() : null;
    return names && new Set(names);
  });
  /** Decoded attrs by name; undefined for a missing or unreadable attr. */
  private readonly attrValues = new Map<string, unknown>();

  constructor(
    readonly id: string,
    readonly dir: string,
  ) {
    this.files = new RunDirReader(dir);
  }

  static forDir(runDir: string): Run {
    return new Run(path.basename(runDir), runDir);
  }

  get shortId(): string {
    return this.id.slice(0, 8);
  }

  /** Whether the directory is a run: its `.guild` holds an opref. */
  get isRun(): boolean {
    return this.guildListing.get().isRun;
  }

  /** The listing of `.guild` this Run reads its markers from (event-file walks reuse it). */
  guildDirListing(): GuildDirListing {
    return this.guildListing.get();
  }

  /** The parsed .guild/opref, or null when missing or unreadable. */
  get opref(): Opref | null {
    return this.oprefValue.get();
  }

  /** Batch runs keep their prototype run in `.guild/proto`. */
  get isBatch(): boolean {
    return this.guildListing.get().hasProto;
  }

  /** The batch prototype's run directory (check isBatch first). */
  get protoDir(): string {
    return protoDir(this.dir);
  }

  /** The manifest's text (not kept: read each time), null without one. */
  readManifest(): string | null {
    return this.files.readManifest();
  }

  /** Decoded attribute value; undefined when the attribute file is missing or not YAML. */
  attr(name: string): unknown {
    if (!this.attrValues.has(name)) {
      const text = this.attrText(name);
      let value: unknown;
      try {
        value = text === undefined ? undefined : decodeAttr(text);
      } catch {
        value = undefined;
      }
      this.attrValues.set(name, value);
    }
    return this.attrValues.get(name);
  }

  /** Raw attribute file text, undefined when missing. */
  attrText(name: string): string | undefined {
    if (!this.guildListing.get().hasAttrs) return undefined;
    return USUALLY_MISSING_ATTRS.has(name) ? this.files.readUsuallyMissingAttrText(name) : this.files.readAttrText(name);
  }

  /** Python's `run.get(name)`: the value, with null and missing both as undefined. */
  get(name: string): unknown {
    const value = this.attr(name);
    return value === null ? undefined : value;
  }

  hasAttr(name: string): boolean {
    return this.attrFileNames.get()?.has(name) ?? false;
  }

  attrNames(): string[] {
    const names = this.attrFileNames.get();
    return names ? [...names].sort() : [];
  }

  writeAttr(name: string, value: unknown): void {
    writeAttr(this.dir, name, value);
    this.forgetAttr(name);
  }

  deleteAttr(name: string): void {
    deleteAttr(this.dir, name);
    this.forgetAttr(name);
  }

  /** After a write: the attr, the attrs dir's names, and a `.guild` listed before the attrs dir existed are read again. */
  private forgetAttr(name: string): void {
    this.attrValues.delete(name);
    this.attrFileNames.reset();
    if (!this.guildListing.get().hasAttrs) this.guildListing.reset();
  }

  /** `started`, else `initialized`, else null (microseconds since the epoch). */
  get timestamp(): number | null {
    for (const name of ["started", "initialized"]) {
      const value = this.timestampAttr(name);
      if (typeof value === "number" && value) return value;
    }
    return null;
  }

  /** A timestamp attr. Sorting reads one for every listed run: a plain integer is read without decoding. */
  private timestampAttr(name: string): unknown {
    if (!this.attrValues.has(name) && this.guildListing.get().hasAttrs) {
      const value = this.files.readIntAttr(name);
      if (value !== null) this.attrValues.set(name, value);
    }
    return this.attr(name);
  }

  /** Pid written in .guild/LOCK, or null. */
  get pid(): number | null {
    return this.guildListing.get().hasMarker("LOCK") ? this.files.readLockPid() : null;
  }

  /** Contents of .guild/LOCK.remote (stripped), null when not a remote run. */
  get remote(): string | null {
    return this.guildListing.get().hasMarker("LOCK.remote") ? this.files.readRemoteLock() : null;
  }

  status(isPidAlive: PidAliveCheck = procPidAlive): RunStatus {
    const guildListing = this.guildListing.get();
    if (guildListing.hasMarker("LOCK.remote")) return "running";
    if (guildListing.hasMarker("PENDING")) return "pending";
    if (guildListing.hasMarker("STAGED")) return "staged";
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

function statusForExitStatus(exitStatus: number): RunStatus {
  if (exitStatus === 0) return "completed";
  return exitStatus < 0 ? "terminated" : "error";
}
