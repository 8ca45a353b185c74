// Formatted run fields as Guild's run_util.format_run shows them in lists, prompts and info.
import path from "node:path";
import type { Opref } from "../../lib/rundir/index.js";
import { procPidAlive, Run, type PidAliveCheck } from "./run.js";
import { formatUserDir, isSamePath, shortenPath } from "./paths.js";
import { pyStr } from "../../lib/python/repr.js";
import { isMapping } from "../../lib/python/values.js";

/**
 * `YYYY-MM-DD HH:MM:SS` in local time for a microsecond timestamp; "" when missing or 0, and when
 * beyond Python's datetime (years 1 to 9999), where Guild fails with "year ... is out of range".
 */
export function formatTimestamp(micros: unknown): string {
  if (typeof micros !== "number" || !micros) return "";
  const date = new Date(Math.floor(micros / 1000));
  if (!(date.getFullYear() >= 1 && date.getFullYear() <= 9999)) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** Operation name as Guild formats it for the opref's package type. */
export function formatOperation(opref: Opref | null): string {
  if (!opref) return "?";
  const full = opref.modelName ? `${opref.modelName}:${opref.opName}` : opref.opName;
  switch (opref.pkgType) {
    case "guildfile":
    case "script":
    case "builtin":
    case "import":
    case "test":
      return full;
    case "package":
      return opref.modelName ? `${opref.pkgName}/${opref.modelName}:${opref.opName}` : `${opref.pkgName}/${opref.opName}`;
    case "pending":
      return opref.opName;
    case "func":
      return `${opref.opName}()`;
    default:
      return "?";
  }
}

/** Operation of a run including a batch prototype prefix (`proto+batch`). */
export function formatRunOperation(run: Run, seen: Set<string> = new Set()): string {
  const base = formatOperation(run.opref);
  const proto = batchProto(run);
  if (!proto || seen.has(proto.dir)) return base;
  seen.add(proto.dir);
  return formatRunOperation(proto, seen) + (base.startsWith("+") ? "" : "+") + base;
}

function batchProto(run: Run): Run | null {
  if (!run.isBatch) return null;
  const proto = Run.forDir(run.protoDir);
  return proto.opref ? proto : null;
}

/** The `from` field: Guild file path (with `~`), `pkg==version` for packages. */
export function formatPkgName(opref: Opref | null, home: string | undefined): string {
  if (!opref) return "";
  if (opref.pkgType === "guildfile" || opref.pkgType === "script") return formatUserDir(path.resolve(opref.pkgName), home);
  if (opref.pkgType === "package") return `${opref.pkgName}==${opref.pkgVersion}`;
  return opref.pkgName;
}

/** Directory of the Guild file (or script) that defined the run's operation. */
export function runOpDir(run: Run): string | null {
  const opref = (batchProto(run) ?? run).opref;
  if (!opref) return null;
  if (opref.pkgType === "guildfile" || opref.pkgType === "import") return path.dirname(opref.pkgName);
  if (opref.pkgType === "script") return opref.pkgName;
  return null;
}

/** The ` (<dir>)` part of an op description, remembered per (op dir, project dir): listed runs share a few. */
const opDirSuffixes = new Map<string, string>();

/**
 * Forgets the remembered op dir suffixes, which depend on the file system (real paths): a host
 * running several commands in one process calls this before each, as a new process would start.
 */
export function forgetOpDirSuffixes(): void {
  opDirSuffixes.clear();
}

function opDirSuffix(opDir: string, projectDir: string, home: string | undefined): string {
  const key = `${opDir}\0${projectDir}\0${home}`;
  let suffix = opDirSuffixes.get(key);
  if (suffix === undefined) {
    suffix = isSamePath(opDir, projectDir) ? "" : ` (${shortenPath(formatOpDir(opDir, path.resolve(projectDir), home))})`;
    opDirSuffixes.set(key, suffix);
  }
  return suffix;
}

/** Operation column: `op`, ` (<dir>)` when defined outside the project dir, ` [marked]`. */
export function formatOpDesc(run: Run, projectDir: string, home: string | undefined): string {
  const op = formatRunOperation(run);
  const opDir = runOpDir(run);
  const suffix = opDir ? opDirSuffix(opDir, projectDir, home) : "";
  return op + suffix + (run.marked ? " [marked]" : "");
}

function formatOpDir(opDir: string, cwd: string, home: string | undefined): string {
  if (opDir !== cwd && opDir.startsWith(withSep(cwd))) return opDir.slice(withSep(cwd).length);
  const cwdParent = path.dirname(cwd);
  if (cwdParent === opDir) return ".." + path.sep;
  if (opDir !== cwdParent && opDir.startsWith(withSep(cwdParent))) return path.join("..", opDir.slice(withSep(cwdParent).length));
  return formatUserDir(path.resolve(opDir), home);
}

const withSep = (dir: string) => (dir.endsWith(path.sep) ? dir : dir + path.sep);

/** `cmd` attr joined by spaces, args that are empty or contain a space wrapped in double quotes. */
export function formatCommand(cmd: unknown): string {
  // Guild joins whatever it iterates: a list's items, a string's characters, a mapping's keys.
  const args = Array.isArray(cmd) ? cmd : typeof cmd === "string" ? [...cmd] : isMapping(cmd) ? Object.keys(cmd) : [];
  return args.map((arg) => {
    const text = pyStr(arg);
    return text === "" || text.includes(" ") ? `"${text}"` : text;
  }).join(" ");
}


export interface FormattedRun {
  index: string;
  shortIndex: string;
  numIndex: string;
  opDesc: string;
  started: string;
  stopped: string;
  status: string;
  statusWithRemote: string;
  label: string;
}



/**
 * The fields used by run tables; index is the 1-based position in the listing (if any). Each
 * field is read from the run only when a table uses it.
 */
export function formatRunRow(run: Run, index: number | null, projectDir: string, home: string | undefined, isPidAlive: PidAliveCheck = procPidAlive): FormattedRun {
  return new RunRowFields(run, index, projectDir, home, isPidAlive);
}

/**
 * formatRunRow's fields as getters of one class: a listing makes one per run, and an object literal
 * with getters gets a shape of its own each time, which makes reading its fields slow.
 */
class RunRowFields implements FormattedRun {
  private statusText: string | undefined;

  constructor(
    private readonly run: Run,
    private readonly position: number | null,
    private readonly projectDir: string,
    private readonly home: string | undefined,
    private readonly isPidAlive: PidAliveCheck,
  ) {}

  private runStatus(): string {
    return (this.statusText ??= this.run.status(this.isPidAlive));
  }

  get index() {
    return this.position === null ? `[${this.run.shortId}]` : `[${this.position}:${this.run.shortId}]`;
  }

  get shortIndex() {
    return `[${this.run.shortId}]`;
  }

  get numIndex() {
    return this.position === null ? "[?]" : `[${this.position}]`;
  }

  get opDesc() {
    return formatOpDesc(this.run, this.projectDir, this.home);
  }

  get started() {
    return formatTimestamp(this.run.get("started"));
  }

  get stopped() {
    return formatTimestamp(this.run.get("stopped"));
  }

  get status() {
    return this.runStatus();
  }

  get statusWithRemote() {
    const remote = this.run.remote;
    return remote ? `${this.runStatus()} (${remote})` : this.runStatus();
  }

  get label() {
    return this.run.label;
  }
}
