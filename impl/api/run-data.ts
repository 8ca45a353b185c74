// The JSON Guild's `api runs` gives for a run (view_impl.run_data, API versions 1 and 2).
import fs from "node:fs";
import path from "node:path";
import { isMapping, PyFloat } from "../../lib/python/values.js";
import { compareNatural } from "../../lib/python/natsort.js";
import { formatCommand, formatRunOperation, formatTimestamp, runOpDir } from "../runs/format.js";
import { Run, procPidAlive, type PidAliveCheck } from "../runs/run.js";
import { isTextFile } from "../ops/sourcecode.js";
import type { ScalarSummary } from "../scalars/scalar-summary.js";

/** runs_impl.CORE_RUN_ATTRS and LEGACY_RUN_ATTRS: attrs `otherAttrs` leaves out. */
const CORE_ATTRS = new Set([
  "cmd", "comments", "compare", "deps", "env", "exit_status", "flags", "host", "id", "initialized", "label", "marked",
  "objective", "op", "pip_freeze", "platform", "plugins", "random_seed", "run_params", "sourcecode_digest", "started",
  "stopped", "tags", "user", "user_flags", "vcs_commit", "r_sys_info", "r_packages_loaded", "resolved_deps", "opdef",
]);

export interface RunDataContext {
  /** `GUILD_HOME/runs`: links into it name the run they come from. */
  runsDir: string;
  /** `GUILD_HOME/cache`: links into it are resources. */
  cacheDir: string;
  /** The run with an id, or null when it is gone. */
  runForId(id: string): Run | null;
  readScalars(run: Run): ScalarSummary[];
  /** Microseconds since the epoch, for a running run's duration (API version 1). */
  nowMicros(): number;
  isPidAlive?: PidAliveCheck;
}

/** view_impl.run_data: the run as `guild api runs` shows it, keys in Guild's order. */
export function runData(run: Run, apiVersion: 1 | 2, ctx: RunDataContext): Record<string, unknown> {
  const status = run.status(ctx.isPidAlive ?? procPidAlive);
  const started = run.get("started");
  const stopped = run.get("stopped");
  const data: Record<string, unknown> = {
    id: run.id,
    shortId: run.shortId,
    dir: run.dir,
    operation: formatRunOperation(run),
    started: apiVersion === 2 ? (started ?? null) : formatTimestamp(started),
    stopped: apiVersion === 2 ? (stopped ?? null) : formatTimestamp(stopped),
    time: runDuration(status, started, stopped, ctx.nowMicros),
    label: run.get("label") || "",
    tags: apiVersion === 2 ? run.get("tags") || [] : (Array.isArray(run.get("tags")) ? (run.get("tags") as unknown[]).join(", ") : ""),
    comments: run.get("comments") || [],
    status,
    exitStatus: run.get("exit_status") ?? "",
    command: formatCommand(run.get("cmd")),
    otherAttrs: Object.fromEntries(otherAttrNames(run).map((name) => [name, run.get(name)])),
    flags: run.get("flags") ?? {},
    env: run.get("env") ?? {},
    deps: formatDeps(run.get("deps") ?? {}, ctx),
    files: runFiles(run, apiVersion, ctx),
    sourcecode: sourcecodeData(run),
    projectDir: runOpDir(run),
    opRef: run.opref ? { pkgType: run.opref.pkgType, pkgName: run.opref.pkgName, pkgVersion: run.opref.pkgVersion, modelName: run.opref.modelName, opName: run.opref.opName } : null,
    marked: run.get("marked") || false,
    scalars: ctx.readScalars(run).map((scalar) => scalarData(run, scalar, apiVersion)),
  };
  if (apiVersion === 2) delete data.time;
  return data;
}

/** util.format_duration: H:MM:SS between two times in microseconds (to now while running); "" when stopped is unknown. */
function runDuration(status: string, started: unknown, stopped: unknown, nowMicros: () => number): string | null {
  const format = (start: unknown, end: number) => {
    if (typeof start !== "number") return null;
    const seconds = Math.floor((end - start) / 1_000_000);
    const [hours, minutes, secs] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
    return `${hours}:${String(minutes).padStart(2, "0")}:${String(secs).padStart(2, "0")}`;
  };
  if (status === "running") return format(started, nowMicros());
  if (typeof stopped === "number" && stopped) return format(started, stopped);
  return "";
}

function otherAttrNames(run: Run): string[] {
  return [...run.attrNames()].sort().filter((name) => !name.startsWith("_") && !CORE_ATTRS.has(name));
}

/** view_impl._format_deps: the runs whose files a run's deps name, with those files' paths. */
function formatDeps(deps: unknown, ctx: RunDataContext): unknown[] {
  const found = new Map<string, { run: Run; paths: string[] }>();
  const pathsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : isMapping(value) ? Object.keys(value) : typeof value === "string" ? [...value] : []);
  for (const paths of isMapping(deps) ? Object.values(deps) : []) {
    for (const depPath of pathsOf(paths)) {
      if (typeof depPath !== "string" || !depPath.startsWith(ctx.runsDir)) continue;
      const parts = depPath.slice(ctx.runsDir.length + 1).split(path.sep);
      let entry = found.get(parts[0]!);
      if (!entry) {
        const run = ctx.runForId(parts[0]!);
        if (!run) continue;
        entry = { run, paths: [] };
        found.set(parts[0]!, entry);
      }
      entry.paths.push(path.join(...parts.slice(1)));
    }
  }
  const formatted = [...found.values()].map(({ run, paths }) => ({ run: run.shortId, operation: formatRunOperation(run), paths }));
  return formatted.sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
}

/** The files and links under the run directory (its `.guild` left out), naturally sorted by path. */
function runFiles(run: Run, apiVersion: 1 | 2, ctx: RunDataContext): Record<string, unknown>[] {
  const files: Record<string, unknown>[] = [];
  const walk = (dir: string, top: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(top && entry.name === ".guild")) walk(full, false);
      } else if (entry.isSymbolicLink() || entry.isFile()) files.push(fileData(full, run.dir, apiVersion, ctx));
    }
  };
  walk(run.dir, true);
  return files.sort((a, b) => compareNatural(a.path as string, b.path as string));
}

function fileData(file: string, root: string, apiVersion: 1 | 2, ctx: RunDataContext): Record<string, unknown> {
  const [operation, sourceRun] = opSourceInfo(file, ctx);
  let size: number | null = null;
  let mtime: number | null = null;
  try {
    const stat = fs.statSync(file, { bigint: true });
    size = Number(stat.size);
    // os.path.getmtime as CPython computes it (seconds + nanoseconds * 1e-9), then int(mtime * 1000).
    const seconds = Number(stat.mtimeNs / 1_000_000_000n) + Number(stat.mtimeNs % 1_000_000_000n) * 1e-9;
    mtime = Math.trunc(seconds * 1000);
  } catch {
    // a broken link: no size and no time, as Guild's safe_filesize and safe_mtime give
  }
  const data: Record<string, unknown> = { path: file.slice(root.length + 1), size, mtime };
  if (apiVersion === 1) Object.assign(data, fileTypeInfo(file, ctx));
  return { ...data, operation, run: sourceRun };
}

/** view_impl._op_source_info: for a link into another run, that run's operation and short id. */
function opSourceInfo(file: string, ctx: RunDataContext): [string | null, string | null] {
  let target: string;
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return [null, null];
    target = fs.realpathSync(file);
  } catch {
    return [null, null];
  }
  if (!target.startsWith(ctx.runsDir)) return [null, null];
  const id = target.slice(ctx.runsDir.length + 1).split(path.sep)[0]!;
  const run = ctx.runForId(id);
  return run ? [formatRunOperation(run), run.shortId] : [`${id} (deleted)`, null];
}

/** view_impl's extension table: the v1 type, icon, icon tooltip and viewer of a file by its name. */
const FILE_TYPES: Array<[RegExp, [string, string, string, string | null]]> = [
  [/\.tfevents\./, ["Event log", "file-chart", "File", null]],
  [/saved_model\.pb$/, ["SavedModel protocol buffer", "file", "File", null]],
  [/graph\.pb$/, ["GraphDef protocol buffer", "file", "File", null]],
  [/saved_model\.pbtxt$/, ["SavedModel protocol buffer", "file-document", "Text file", "text"]],
  [/graph\.pbtxt$/, ["GraphDef protocol buffer", "file-document", "Text file", "text"]],
  [/\.index$/, ["Checkpoint index", "file", "File", null]],
  [/\.meta$/, ["Checkpoint meta graph", "file", "File", null]],
  [/[/\\]checkpoint$/, ["Latest checkpoint marker", "file", "File", null]],
  [/data-\d+-of-\d+$/, ["Checkpoint values", "file", "File", null]],
  [/\.tfrecord$/, ["Dataset file", "file", "File", null]],
  [/\.(jpg|jpeg|gif|png|tiff)$/, ["Image", "file-image", "Image", "image"]],
  [/\.mid/, ["Audio", "file-music", "Audio", "midi"]],
  [/\.(wav|mp3)/, ["Audio", "file-music", "Audio", null]],
  [/\.(csv|tsv)/, ["Table", "file-delimited", "Delimited", "table"]],
];

/** view_impl._file_type_info: the table, else text or binary by content; a link says where it points. */
function fileTypeInfo(file: string, ctx: RunDataContext): Record<string, unknown> {
  const lower = file.toLowerCase();
  let [type, icon, iconTooltip, viewer] = FILE_TYPES.find(([pattern]) => pattern.test(lower))?.[1] ?? defaultFileType(file);
  if (fs.lstatSync(file).isSymbolicLink()) {
    let target = file;
    try {
      target = fs.realpathSync(file);
    } catch {
      // a broken link stays a link to a file
    }
    const linkType = isDirectory(target) ? "directory" : "file";
    type = target.startsWith(ctx.runsDir) ? "Link to operation output" : target.startsWith(ctx.cacheDir) ? `Link to resource ${linkType}` : "Link";
    icon = linkType === "directory" ? "folder-move" : "file-send";
    iconTooltip = "Link";
  }
  return { type, icon, iconTooltip, viewer };
}

function defaultFileType(file: string): [string, string, string, string | null] {
  if (!fs.existsSync(file)) return ["File", "file", "File", null];
  return isTextFile(file) ? ["Text file", "file-document", "Text file", "text"] : ["File", "file", "File", null];
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** view_impl._sourcecode_data: where source code went, relative to the run, and its files from the manifest. */
function sourcecodeData(run: Run): Record<string, unknown> {
  const op = run.get("op");
  const sourcecode = isMapping(op) && isMapping(op.sourcecode) ? op.sourcecode : {};
  const dest = typeof sourcecode.dest === "string" && sourcecode.dest ? path.normalize(path.join(run.dir, sourcecode.dest)) : run.dir;
  const files = (run.readManifest() ?? "").split("\n").filter((line) => line.startsWith("s ")).map((line) => line.split(" ")[1]!);
  return { root: path.relative(run.dir, dest) || ".", files: files.sort() };
}

/** A scalar row of Guild's run index, its keys camel-cased for version 2. */
function scalarData(run: Run, scalar: ScalarSummary, apiVersion: 1 | 2): Record<string, unknown> {
  const float = (value: number | null | undefined) => (value === null || value === undefined ? null : new PyFloat(value));
  const row: Array<[string, unknown]> = [
    ["run", run.id], ["prefix", scalar.prefix], ["tag", scalar.tag],
    ["first_val", float(scalar.firstValue)], ["first_step", scalar.firstStep],
    ["last_val", float(scalar.lastValue)], ["last_step", scalar.lastStep],
    ["min_val", float(scalar.minValue)], ["min_step", scalar.minStep],
    ["max_val", float(scalar.maxValue)], ["max_step", scalar.maxStep],
    ["avg_val", float(scalar.avgValue)], ["total", float(scalar.total)], ["count", scalar.count],
  ];
  const camel = (name: string) => (apiVersion === 2 ? name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase()) : name);
  return Object.fromEntries(row.map(([name, value]) => [camel(name), value]));
}
