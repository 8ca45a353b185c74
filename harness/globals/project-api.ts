// Project(dir): Guild's older test facility, its methods driving the CLI under test and its runs read from run directories.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { shellQuote } from "../../lib/python/shlex.js";
import { compareCodePoints } from "../../lib/python/str-order.js";
import { RunDirReader, decodeAttr } from "../../lib/rundir/index.js";
import { emitYaml } from "../../lib/yaml/emit.js";
import {
  PyError, pyBool, pyFunction, pyList, pyNone, pyObject, pyStr, pyStrOf, pyTuple, typeNameOf, type PyObject, type PyValue,
} from "../py/index.js";
import { expectStr } from "./convert.js";
import { guardOs, joinPath, walk } from "./files.js";
import { parseJson } from "./modules/json-parse.js";
import { fromData, toData } from "./modules/values.js";
import { runHelperCommand } from "./shell.js";
import { resolvePath, type HelperState } from "./state.js";

interface ProjectContext {
  state: HelperState;
  cwd: string;
  guildHome: string;
  env: Map<string, string>;
}

export function projectApiGlobals(state: HelperState): Record<string, PyValue> {
  return {
    Project: pyFunction("Project", (args, kwargs) => {
      const dirArg = args[0] ?? kwargs.get("cwd");
      if (dirArg === undefined) throw new PyError("TypeError", "Project() missing 1 required positional argument: 'cwd'");
      const guildHomeArg = args[1] ?? kwargs.get("guild_home");
      const envArg = args[2] ?? kwargs.get("env");
      const cwd = projectDir(state, resolvePath(state, expectStr(dirArg, "cwd")));
      const guildHome = guildHomeArg === undefined || guildHomeArg.kind === "none" ? state.sandbox.makeTempDir() : resolvePath(state, expectStr(guildHomeArg, "guild_home"));
      const env = new Map<string, string>([["NO_WARN_RUNDIR", "1"]]);
      if (envArg?.kind === "dict") for (const { key, value } of envArg.entries.values()) env.set(expectStr(key, "env key"), pyStrOf(value));
      return projectObject({ state, cwd, guildHome, env });
    }),
  };
}

/** A project under the samples folder is copied into the sandbox first, as use_project does, so runs never change it. */
function projectDir(state: HelperState, dir: string): string {
  const samples = state.sandbox.samplesDir() + path.sep;
  const projects = path.join(samples, "projects") + path.sep;
  if (!dir.startsWith(projects)) return dir;
  const name = dir.slice(projects.length).split(path.sep)[0]!;
  const copy = state.sandbox.copyProject(name);
  return path.join(copy, dir.slice(projects.length + name.length));
}

function projectObject(context: ProjectContext): PyObject {
  const { state } = context;
  const guild = (args: string[], cwd = context.cwd) =>
    runHelperCommand(state, ["guild", "-H", context.guildHome, ...args].map(shellQuote).join(" "), cwd, context.env);
  /** Runs `guild run` for gapi.run's arguments; the run's directory is chosen first so its run can be returned. */
  const runOperation = async (args: PyValue[], kwargs: Map<string, PyValue>) => {
    const options = new Map(kwargs);
    const ignore = options.get("ignore_output");
    options.delete("ignore_output");
    const cwdArg = options.get("cwd");
    options.delete("cwd");
    const cwd = cwdArg === undefined || cwdArg.kind === "none" ? context.cwd : path.resolve(context.cwd, expectStr(cwdArg, "cwd"));
    const { runDir, fresh } = await runDirFor(context, options);
    // As Guild's Project: a new run gets its directory up front, so its run can be returned.
    if (fresh) options.set("run_dir", pyStr(runDir!));
    const { output, exitCode } = await guild(runArgs(args, options), cwd);
    const filtered = ignore === undefined || ignore.kind === "none" ? output : filterOutput(output, ignore);
    return { runDir, output: filtered.trim(), exitCode };
  };
  const project = pyObject("Project", {
    cwd: pyStr(context.cwd),
    dir: pyStr(context.cwd),
    guild_home: pyStr(context.guildHome),
  });
  const method = (name: string, impl: (args: PyValue[], kwargs: Map<string, PyValue>) => PyValue | void | Promise<PyValue | void>) =>
    project.attrs.set(name, pyFunction(name, impl));
  method("run_capture", async (args, kwargs) => {
    const { runDir, output, exitCode } = await runOperation(args, kwargs);
    if (exitCode !== 0) throw runError(output, exitCode);
    return pyTuple([runDir === null ? pyNone : runObject(runDir), pyStr(output)]);
  });
  method("run", async (args, kwargs) => {
    const { output, exitCode } = await runOperation(args, kwargs);
    state.print(exitCode === 0 ? `${output}\n` : `${output}\n<exit ${exitCode}>\n`);
  });
  method("run_quiet", async (args, kwargs) => {
    const { output, exitCode } = await runOperation(args, kwargs);
    if (exitCode !== 0) throw runError(output, exitCode);
  });
  method("print_trials", async (args, kwargs) => {
    const options = new Map(kwargs);
    options.set("print_trials", pyBool(true));
    const { output, exitCode } = await runOperation(args, options);
    if (exitCode !== 0) throw runError(output, exitCode);
    state.print(`${output}\n`);
  });
  method("list_runs", async (_args, kwargs) => pyList(await listRuns(context, kwargs)));
  method("print_runs", async (args, kwargs) => {
    const runsArg = args[0] ?? kwargs.get("runs");
    const limit = kwargs.get("limit");
    const runs = runsArg === undefined || runsArg.kind === "none"
      ? await listRuns(context, limit === undefined ? new Map() : new Map([["limit", limit]]))
      : runsArg.kind === "list" || runsArg.kind === "tuple" ? [...runsArg.items] : [];
    const cwdArg = kwargs.get("cwd");
    const cwd = cwdArg === undefined || cwdArg.kind === "none" ? context.cwd : path.join(context.cwd, expectStr(cwdArg, "cwd"));
    printRuns(state, runs, kwargs, cwd);
  });
  method("delete_runs", (args, kwargs) => runsCommand(context, ["runs", "delete", "-y"], args[0] ?? kwargs.get("runs"), kwargs, { permanent: "--permanent" }));
  method("label", (args, kwargs) => runsCommand(context, ["runs", "label", "-y"], args[0] ?? kwargs.get("runs"), kwargs, { set: "--set", append: "--append", prepend: "--prepend", remove: "--remove", clear: "--clear" }));
  method("tag", (args, kwargs) => runsCommand(context, ["runs", "tag", "-y"], args[0] ?? kwargs.get("runs"), kwargs, { add: "--add", remove: "--delete", clear: "--clear", sync_labels: "--sync-labels", list_all: "--list-all" }));
  method("mark", (args, kwargs) => runsCommand(context, ["runs", "mark", "-y"], args[0] ?? kwargs.get("runs"), kwargs, { clear: "--clear" }));
  method("select", async (args, kwargs) => {
    const spec = args[0] ?? kwargs.get("run");
    const command = ["select", ...filterArgs(kwargs, { min: "--min", max: "--max" })];
    if (spec !== undefined && spec.kind !== "none") command.push(expectStr(spec, "run"));
    const { output, exitCode } = await guild(command);
    if (exitCode !== 0) throw new PyError("ValueError", output);
    return runObject(path.join(context.guildHome, "runs", output.trim()));
  });
  method("ls", async (args, kwargs) => {
    const runArg = args[0] ?? kwargs.get("run");
    const run = runArg === undefined || runArg.kind === "none" ? (await listRuns(context, new Map()))[0] : runArg;
    if (run === undefined) throw new PyError("RuntimeError", "no runs");
    const dir = expectStr(attributeOf(run, "dir"), "run.dir");
    const all = kwargs.get("all")?.kind === "bool" && (kwargs.get("all") as { value: boolean }).value;
    const sourcecode = kwargs.get("sourcecode")?.kind === "bool" && (kwargs.get("sourcecode") as { value: boolean }).value;
    const sourcecodeFiles = sourcecode ? manifestSourcecode(dir) : new Set<string>();
    const found = walk(dir, false, false).sort(compareCodePoints);
    return pyList(found.filter((file) => (all ? true : sourcecode ? sourcecodeFiles.has(file) : !file.startsWith(".guild"))).map(pyStr));
  });
  method("cat", (args) => {
    const run = args[0] ?? pyNone;
    const target = joinPath([expectStr(attributeOf(run, "path"), "run.path"), expectStr(args[1] ?? pyNone, "path")]);
    const text = guardOs(target, () => fs.readFileSync(target, "utf8"));
    state.print(text === "" ? "<empty>\n" : text + "\n");
  });
  method("compare", async (args, kwargs) => {
    const command = ["compare", "--table", ...filterArgs(kwargs, { cols: "--cols", extra_cols: "--extra-cols", strict_cols: "--strict-cols", all_scalars: "--all-scalars", skip_op_cols: "--skip-op-cols", skip_core: "--skip-core", skip_unchanged: "--skip-unchanged", include_batch: "--include-batch" }), ...runIds(args[0] ?? kwargs.get("runs"))];
    const { output } = await guild(command);
    return pyList(output.split("\n").filter((line) => line.trim() !== "").map((line) => pyList(line.trim().split(/\s{2,}/).map(pyStr))));
  });
  method("guild_cmd", async (args) => {
    const { output, exitCode } = await runHelperCommand(state, `guild -H ${shellQuote(context.guildHome)} ${expectStr(args[0] ?? pyNone, "cmd")}`, context.cwd, new Map());
    state.print((output ? output + "\n" : "") + `<exit ${exitCode}>\n`);
  });
  return project;
}

/** gapi.run's keyword arguments as `guild run` options, in the order gapi writes them. */
function runArgs(args: PyValue[], options: Map<string, PyValue>): string[] {
  const opspec = args[0] ?? options.get("opspec");
  const flags = args[1] ?? options.get("flags");
  const out = ["run", "-y"];
  const text = (name: string) => {
    const value = options.get(name);
    return value === undefined || value.kind === "none" || (value.kind === "str" && value.value === "") ? null : pyStrOf(value);
  };
  const truthy = (name: string) => {
    const value = options.get(name);
    return value !== undefined && value.kind !== "none" && !(value.kind === "bool" && !value.value);
  };
  if (opspec !== undefined && opspec.kind !== "none") out.push(expectStr(opspec, "opspec"));
  for (const [name, option] of [["restart", "--restart"], ["start", "--start"]] as const) if (text(name) !== null) out.push(option, text(name)!);
  if (truthy("stage")) out.push("--stage");
  if (text("proto") !== null) out.push("--proto", text("proto")!);
  if (truthy("force_sourcecode")) out.push("--force-sourcecode");
  if (text("label") !== null) out.push("--label", text("label")!);
  for (const tag of listOf(options.get("tags"))) out.push("--tag", pyStrOf(tag));
  if (text("comment") !== null) out.push("--comment", text("comment")!);
  if (text("batch_label") !== null) out.push("--batch-label", text("batch_label")!);
  for (const tag of listOf(options.get("batch_tags"))) out.push("--batch-tag", pyStrOf(tag));
  if (text("batch_comment") !== null) out.push("--batch-comment", text("batch_comment")!);
  if (text("run_dir") !== null) out.push("--run-dir", text("run_dir")!);
  if (truthy("optimize")) out.push("--optimize");
  for (const [name, option] of [["optimizer", "--optimizer"], ["minimize", "--minimize"], ["maximize", "--maximize"]] as const) if (text(name) !== null) out.push(option, text(name)!);
  const optFlags = options.get("opt_flags");
  if (optFlags?.kind === "dict") {
    const entries = [...optFlags.entries.values()].sort((a, b) => compareCodePoints(pyStrOf(a.key), pyStrOf(b.key)));
    for (const { key, value } of entries) out.push("--opt-flag", `${pyStrOf(key)}=${encodeFlagValue(value)}`);
  }
  for (const [name, option] of [["max_trials", "--max-trials"], ["random_seed", "--random-seed"], ["debug_sourcecode", "--debug-sourcecode"]] as const) if (text(name) !== null) out.push(option, text(name)!);
  if (truthy("needed")) out.push("--needed");
  if (truthy("print_cmd")) out.push("--print-cmd");
  if (truthy("print_trials")) out.push("--print-trials");
  if (text("save_trials") !== null) out.push("--save-trials", text("save_trials")!);
  for (const [name, option] of [["stage_trials", "--stage-trials"], ["force_flags", "--force-flags"], ["force_deps", "--force-deps"]] as const) if (truthy(name)) out.push(option);
  if (text("stop_after") !== null) out.push("--stop-after", text("stop_after")!);
  for (const [name, option] of [["fail_on_trial_error", "--fail-on-trial-error"], ["quiet", "--quiet"], ["test_sourcecode", "--test-sourcecode"]] as const) if (truthy(name)) out.push(option);
  if (text("gpus") !== null) out.push("--gpus", text("gpus")!);
  if (truthy("help_op")) out.push("--help-op");
  if (text("run_id") !== null) out.push("--run-id", text("run_id")!);
  for (const [name, option] of [["background", "--background"], ["keep_run", "--keep-run"], ["keep_batch", "--keep-batch"]] as const) if (truthy(name)) out.push(option);
  for (const dep of listOf(options.get("deps"))) out.push("--dep", pyStrOf(dep));
  if (flags?.kind === "dict") for (const { key, value } of flags.entries.values()) out.push(`${pyStrOf(key)}=${encodeFlagValue(value)}`);
  for (const file of listOf(options.get("batch_files"))) out.push(`@${pyStrOf(file)}`);
  return out;
}

/** The run directory of a new run (a fresh id) or of the run a restart or proto names; null when it cannot be told. */
async function runDirFor(context: ProjectContext, options: Map<string, PyValue>): Promise<{ runDir: string | null; fresh: boolean }> {
  const given = options.get("run_dir");
  if (given !== undefined && given.kind !== "none") return { runDir: resolvePath(context.state, expectStr(given, "run_dir")), fresh: false };
  for (const name of ["restart", "start", "proto"]) {
    const spec = options.get(name);
    if (spec === undefined || spec.kind === "none" || (spec.kind === "str" && spec.value === "")) continue;
    const { output, exitCode } = await runHelperCommand(context.state, ["guild", "-H", context.guildHome, "select", pyStrOf(spec)].map(shellQuote).join(" "), context.cwd, context.env);
    return { runDir: exitCode === 0 ? path.join(context.guildHome, "runs", output.trim()) : null, fresh: false };
  }
  return { runDir: path.join(context.guildHome, "runs", crypto.randomUUID().replace(/-/g, "")), fresh: true };
}

/** Guild's flag_util.encode_flag_val: yes/no/null, lists in brackets, scalars as YAML writes them. */
function encodeFlagValue(value: PyValue): string {
  if (value.kind === "bool") return value.value ? "yes" : "no";
  if (value.kind === "none") return "null";
  if (value.kind === "list" || value.kind === "tuple") return `[${value.items.map(encodeFlagValue).join(", ")}]`;
  const text = emitYaml(toData(value, "yaml")).trim();
  return text.endsWith("\n...") ? text.slice(0, -4) : text.replace(/\n\.\.\.$/, "");
}

function filterOutput(output: string, ignore: PyValue): string {
  const patterns = ignore.kind === "str" ? [ignore.value] : listOf(ignore).map((item) => expectStr(item, "ignore_output"));
  return output.split("\n").filter((line) => patterns.every((pattern) => pattern !== "" && !line.includes(pattern))).join("\n");
}

function runError(output: string, exitCode: number): PyError {
  const error = new PyError("RunError", `(${JSON.stringify("guild run")}, ${exitCode}, ${pyStrOf(pyStr(output))})`);
  error.attrs.set("returncode", { kind: "int", value: BigInt(exitCode) });
  error.attrs.set("output", pyStr(output));
  return error;
}

function listOf(value: PyValue | undefined): PyValue[] {
  if (value === undefined || value.kind === "none") return [];
  if (value.kind === "list" || value.kind === "tuple") return [...value.items];
  return [value];
}

/** Run ids from run objects or strings. */
function runIds(value: PyValue | undefined): string[] {
  return listOf(value).map((run) => (run.kind === "object" ? expectStr(attributeOf(run, "id"), "run.id") : pyStrOf(run)));
}

const FILTERS: Record<string, string> = {
  expr: "--filter", ops: "--operation", labels: "--label", tags: "--tag", comments: "--comment", unlabeled: "--unlabeled",
  marked: "--marked", unmarked: "--unmarked", started: "--started", digest: "--digest", running: "--running",
  completed: "--completed", error: "--error", terminated: "--terminated", pending: "--pending", staged: "--staged",
};

/** Keyword arguments as options: `True` as the bare option, lists repeated, other values after the option. */
function filterArgs(kwargs: Map<string, PyValue>, extra: Record<string, string>): string[] {
  const options = { ...FILTERS, ...extra };
  const out: string[] = [];
  for (const [name, value] of kwargs) {
    const option = options[name];
    if (option === undefined || value.kind === "none") continue;
    if (value.kind === "bool") {
      if (value.value) out.push(option);
    } else {
      for (const item of listOf(value)) out.push(option, pyStrOf(item));
    }
  }
  return out;
}

async function runsCommand(context: ProjectContext, command: string[], runs: PyValue | undefined, kwargs: Map<string, PyValue>, extra: Record<string, string>): Promise<void> {
  const args = [...command, ...filterArgs(kwargs, extra), ...runIds(runs)];
  const { output } = await runHelperCommand(context.state, ["guild", "-H", context.guildHome, ...args].map(shellQuote).join(" "), context.cwd, context.env);
  if (output !== "") context.state.print(output + "\n");
}

/** gapi.runs_list: the runs `guild runs list` selects, as run objects, newest first. */
async function listRuns(context: ProjectContext, kwargs: Map<string, PyValue>): Promise<PyValue[]> {
  const args = ["runs", "list", "--json", ...filterArgs(kwargs, { deleted: "--deleted" })];
  const { output, exitCode } = await runHelperCommand(context.state, ["guild", "-H", context.guildHome, ...args].map(shellQuote).join(" "), context.cwd, context.env);
  if (exitCode !== 0) throw new PyError("SystemExit", output);
  const jsonStart = output.indexOf("[");
  const data = parseJson(jsonStart < 0 ? "[]" : output.slice(jsonStart));
  const items = data.kind === "list" ? data.items : [];
  const runs = items.flatMap((item) => {
    if (item.kind !== "dict") return [];
    const dir = [...item.entries.values()].find((entry) => entry.key.kind === "str" && entry.key.value === "run_dir")?.value;
    return dir?.kind === "str" ? [runObject(dir.value)] : [];
  });
  const limit = kwargs.get("limit");
  return limit?.kind === "int" ? runs.slice(0, Number(limit.value)) : runs;
}

/** A run as guild.run.Run shows it: id, short_id, dir, path, status, opref, get(attr). */
export function runObject(dir: string): PyObject {
  const id = path.basename(dir);
  const reader = new RunDirReader(dir);
  const attr = (name: string): PyValue => {
    const text = reader.readAttrText(name);
    return text === undefined ? pyNone : fromData(decodeAttr(text));
  };
  const opref = reader.readOpref();
  const run = pyObject("Run", {
    id: pyStr(id),
    short_id: pyStr(id.slice(0, 8)),
    dir: pyStr(dir),
    path: pyStr(dir),
    __repr__: pyStr(`<guild.run.Run '${id}'>`),
    get: pyFunction("get", (args) => {
      const value = attr(expectStr(args[0] ?? pyNone, "name"));
      return value.kind === "none" ? args[1] ?? pyNone : value;
    }),
    guild_path: pyFunction("guild_path", (args) => pyStr(joinPath([dir, ".guild", ...args.map((part) => expectStr(part, "path part"))]))),
  });
  if (opref !== null) {
    run.attrs.set("opref", pyObject("OpRef", {
      pkg_type: pyStr(opref.pkgType), pkg_name: pyStr(opref.pkgName), pkg_version: pyStr(opref.pkgVersion),
      model_name: pyStr(opref.modelName), op_name: pyStr(opref.opName),
    }));
  }
  run.attrs.set("status", pyStr(runStatus(dir, attr)));
  return run;
}

/** Guild's run status from the run directory: markers first, then the exit status. */
function runStatus(dir: string, attr: (name: string) => PyValue): string {
  const marker = (name: string) => fs.existsSync(path.join(dir, ".guild", name));
  if (marker("STAGED")) return "staged";
  if (marker("PENDING")) return "pending";
  if (marker("LOCK")) {
    const pid = Number(fs.readFileSync(path.join(dir, ".guild", "LOCK"), "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && fs.existsSync(`/proc/${pid}`)) return "running";
  }
  const exit = attr("exit_status");
  if (exit.kind === "none") return "error";
  if (exit.kind === "int" && exit.value === 0n) return "completed";
  if (exit.kind === "int" && (exit.value === -15n || exit.value === -2n || exit.value === 2n)) return "terminated";
  return "error";
}

function attributeOf(value: PyValue, name: string): PyValue {
  if (value.kind === "object") {
    const found = value.attrs.get(name);
    if (found !== undefined) return found;
  }
  throw new PyError("AttributeError", `'${typeNameOf(value)}' object has no attribute '${name}'`);
}

function manifestSourcecode(dir: string): Set<string> {
  try {
    const lines = fs.readFileSync(path.join(dir, ".guild", "manifest"), "utf8").split("\n");
    return new Set(lines.map((line) => line.split(" ")).filter((parts) => parts[0] === "s").map((parts) => parts[1]!));
  } catch {
    return new Set();
  }
}

/** _print_runs: one row per run (opspec, then the asked-for columns), columns two spaces apart. */
function printRuns(state: HelperState, runs: PyValue[], kwargs: Map<string, PyValue>, cwd: string): void {
  const asked = (name: string) => kwargs.get(name)?.kind === "bool" && (kwargs.get(name) as { value: boolean }).value;
  const rows = runs.map((run) => {
    const get = (name: string): PyValue => {
      const getter = run.kind === "object" ? run.attrs.get("get") : undefined;
      return getter?.kind === "function" ? (getter.impl([pyStr(name)], new Map()) as PyValue) : pyNone;
    };
    const row = [opDesc(run, get, cwd)];
    if (asked("ids")) row.push(pyStrOf(attributeOf(run, "id")));
    if (asked("short_ids")) row.push(pyStrOf(attributeOf(run, "short_id")));
    if (asked("flags")) row.push(flagsDesc(get("flags")));
    if (asked("labels")) row.push(displayValue(get("label")));
    if (asked("tags")) {
      const tags = get("tags");
      row.push(tags.kind === "list" ? tags.items.map((tag) => pyStrOf(tag)).sort(compareCodePoints).join(" ") : "");
    }
    if (asked("status")) row.push(pyStrOf(attributeOf(run, "status")));
    return row;
  });
  const widths = rows.reduce<number[]>((acc, row) => row.map((cell, index) => Math.max(acc[index] ?? 0, [...cell].length)), []);
  for (const row of rows) {
    state.print(row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]! + 2))).join("") + "\n");
  }
}

function displayValue(value: PyValue): string {
  return value.kind === "none" ? "" : pyStrOf(value);
}

/** runs_impl's op_desc: the operation (after its batch proto's, joined by +), the op dir when not cwd, and [marked]. */
function opDesc(run: PyValue, get: (name: string) => PyValue, cwd: string): string {
  if (run.kind !== "object") return "?";
  const dir = pyStrOf(run.attrs.get("dir") ?? pyStr(""));
  const protoDir = path.join(dir, ".guild", "proto");
  const proto = fs.existsSync(protoDir) ? runObject(protoDir) : null;
  let desc = operationDesc(run);
  if (proto !== null) {
    const protoDesc = operationDesc(proto);
    desc = protoDesc + (desc.startsWith("+") ? "" : "+") + desc;
  }
  const marked = get("marked");
  const suffix = marked.kind === "bool" && marked.value ? " [marked]" : "";
  const opDir = operationDir(proto ?? run);
  if (opDir === null || path.resolve(opDir) === path.resolve(cwd)) return desc + suffix;
  const relative = path.relative(cwd, opDir);
  return `${desc} (${relative.startsWith("..") ? opDir : relative})${suffix}`;
}

function oprefField(run: PyObject, name: string): string {
  const opref = run.attrs.get("opref");
  return opref?.kind === "object" ? pyStrOf(opref.attrs.get(name) ?? pyStr("")) : "";
}

/** run_util.format_operation's base: package/model:op for packages, model:op otherwise. */
function operationDesc(run: PyObject): string {
  if (run.attrs.get("opref")?.kind !== "object") return "?";
  const model = oprefField(run, "model_name");
  const op = oprefField(run, "op_name");
  const full = model ? `${model}:${op}` : op;
  return oprefField(run, "pkg_type") === "package" ? `${oprefField(run, "pkg_name")}/${full}` : full;
}

/** run_util.run_op_dir: the Guild file's folder, a script's folder, or none. */
function operationDir(run: PyObject): string | null {
  const pkgName = oprefField(run, "pkg_name");
  switch (oprefField(run, "pkg_type")) {
    case "guildfile": case "import": return path.dirname(pkgName);
    case "script": return pkgName;
    default: return null;
  }
}

/** op_util.flags_desc with a space: name=value pairs sorted by name. */
function flagsDesc(flags: PyValue): string {
  if (flags.kind !== "dict") return "";
  return [...flags.entries.values()]
    .map(({ key, value }) => [pyStrOf(key), value] as const)
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([name, value]) => `${name}=${encodeFlagValue(value)}`)
    .join(" ");
}
