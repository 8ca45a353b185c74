// `guild run --restart/--start RUN` and `--proto RUN`: the run's stored op config, flags and source code reused (run_impl restart/proto paths).
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import type { CommandContext } from "../context.js";
import { loadGuildfileIfExists, scriptOp, type LoadedGuildfile, type OpDef } from "../../lib/guildfile/index.js";
import { appendManifest, createAttrsDir, removeMarker, writeAttr, writeMarker, writeOpref, type Opref } from "../../lib/rundir/index.js";
import { listRuns } from "../runs/list.js";
import { Run } from "../runs/run.js";
import { MultipleRunsError, oneRun } from "../runs/select.js";
import type { CmdFlag } from "../flags/cmd-encode.js";
import { flagValuesForOpdef, parseFlagAssigns, type FlagValues } from "./flag-values.js";
import { opCmdForOpdef, opPythonPath, pythonExe, type OpCmd } from "./op-cmd.js";
import { resolveRunOp, type ResolvedOp } from "./resolve-op.js";
import { manifestSourceFiles } from "./deps-hook.js";
import type { RunHooks, RunPlan } from "./hooks.js";
import type { RunParams } from "./run-params.js";
import { runRandomSeed } from "./run-init.js";

/** Run params a restart may change once they were set (run_impl.RESPECIFIABLE_RUN_PARAMS). */
const RESPECIFIABLE_RUN_PARAMS = new Set(["gpus", "label", "tags"]);

/** Attrs a run with a proto takes from it (op_util.RUN_PROTO_ATTRS). */
const RUN_PROTO_ATTRS = ["sourcecode_digest", "vcs_commit", "host", "user", "platform", "plugins", "pip_freeze"];

/** Options that cannot go with `--restart`/`--start`, with the name Guild shows. */
const INCOMPATIBLE_WITH_RESTART: ReadonlyArray<readonly [keyof RunParams, string]> = [
  ["help_model", "--help-model"],
  ["help_op", "--help-op"],
  ["opspec", "OPERATION"],
  ["optimize", "--optimize"],
  ["optimizer", "--optimizer"],
  ["proto", "--proto"],
  ["run_dir", "--run-dir"],
  ["test_output_scalars", "--test-output-scalars"],
  ["test_sourcecode", "--test-sourcecode"],
  ["test_flags", "--test-flags"],
];

/** The run a restart or proto starts from, and which of the two it is. */
export interface BaseRun {
  run: Run;
  isProto: boolean;
}

/** run_impl._check_incompatible_with_restart (`--start` is `--restart` by another name, so the message says restart). */
export function checkRestartParams(params: RunParams): void {
  if (!params.restart) return;
  for (const [name, desc] of INCOMPATIBLE_WITH_RESTART) {
    const value = params[name];
    if (Array.isArray(value) ? value.length > 0 : Boolean(value)) {
      throw new CliError(`${desc} cannot be used with --restart\nTry 'guild run --help' for more information.`);
    }
  }
}

/** run_impl._local_run_for_spec: a path (absolute or starting with `.`) names a run dir, else a run id prefix. */
export function runForSpec(spec: string, ctx: CommandContext): Run {
  if (spec.startsWith(".")) return Run.forDir(path.resolve(ctx.io.cwd, spec));
  if (path.isAbsolute(spec)) return Run.forDir(spec);
  const matches = listRuns(ctx.guildHome, { env: ctx.io.env }).filter((run) => run.id.startsWith(spec));
  try {
    return oneRun(matches, spec, null);
  } catch (error) {
    if (!(error instanceof MultipleRunsError)) throw error;
    for (const line of error.lines) ctx.io.stderr(line + "\n");
    throw new CliError(null, 1);
  }
}

/** The operation definition of a run from its Guild file, or null when the file or operation is gone. */
function opdefForRun(run: Run, ctx: CommandContext): { guildfile: LoadedGuildfile; opdef: OpDef } | null {
  const opref = run.opref;
  if (opref?.pkgType === "script") return scriptOpdefForRun(opref, ctx);
  if (!opref || opref.pkgType !== "guildfile") return null;
  let guildfile: LoadedGuildfile | null;
  try {
    guildfile = loadGuildfileIfExists(path.dirname(opref.pkgName), { guildHome: ctx.guildHome, env: ctx.io.env });
  } catch {
    return null;
  }
  const model = guildfile?.models.find((candidate) => candidate.name === opref.modelName);
  const opdef = model?.operations.find((candidate) => candidate.name === opref.opName);
  return guildfile && opdef ? { guildfile, opdef } : null;
}

/** A script run's operation, found again from the script's path (OpRef.to_opspec), or null when it is gone. */
function scriptOpdefForRun(opref: Opref, ctx: CommandContext): ResolvedOp | null {
  try {
    return resolveRunOp(path.relative(ctx.projectDir, path.join(opref.pkgName, opref.opName)), ctx);
  } catch (error) {
    if (error instanceof CliError) return null;
    throw error;
  }
}

/** The definition of an operation named on the command line: the project's, or a script's. */
function opdefForOpspec(opspec: string, ctx: CommandContext): ResolvedOp {
  return resolveRunOp(opspec, ctx);
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** op_cmd.for_data: the command stored in a run's `op` attr. */
export function opCmdFromData(data: unknown): OpCmd {
  const cmd = record(data);
  const cmdArgs = Array.isArray(cmd["cmd-args"]) ? cmd["cmd-args"].map(String) : [];
  const cmdEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(record(cmd["cmd-env"]))) cmdEnv[name] = String(value);
  const cmdFlags: Record<string, CmdFlag> = {};
  for (const [name, value] of Object.entries(record(cmd["cmd-flags"]))) {
    const item = record(value);
    cmdFlags[name] = {
      argName: (item["arg-name"] as string | undefined) ?? null,
      argSkip: Boolean(item["arg-skip"]),
      argSwitch: item["arg-switch"] ?? null,
      argSplit: item["arg-split"] ?? null,
      envName: (item["env-name"] as string | undefined) ?? null,
      argEncoding: (item["arg-encoding"] as Record<string, unknown> | undefined) ?? null,
      envEncoding: (item["env-encoding"] as Record<string, unknown> | undefined) ?? null,
    };
  }
  const kind: OpCmd["kind"] = cmdArgs.includes("guild.steps_main") ? "steps" : cmdArgs.includes("guild.op_main") ? "main" : "exec";
  return { cmdArgs, cmdEnv, cmdFlags, flagsDest: typeof cmd["flags-dest"] === "string" ? cmd["flags-dest"] : "args", kind };
}

/** An operation definition standing in for one whose Guild file is gone, from what the run stored. */
function storedOpdef(run: Run, opref: Opref): { guildfile: LoadedGuildfile; opdef: OpDef } {
  const config = record(run.get("op"));
  const sourcecode = record(config.sourcecode);
  const spec = { disabled: true, root: null, dest: typeof sourcecode.dest === "string" ? sourcecode.dest : null, digest: true, rules: [] };
  const guildfile: LoadedGuildfile = { path: opref.pkgName, dir: path.dirname(opref.pkgName), md5: opref.pkgVersion, models: [], messages: [] };
  const model = { name: opref.modelName, description: "", default: false, operations: [], sourcecode: spec, guildfile, raw: {} };
  const steps = run.get("steps");
  const opdef: OpDef = {
    name: opref.opName,
    fullname: opref.modelName ? `${opref.modelName}:${opref.opName}` : opref.opName,
    model,
    description: "",
    default: false,
    main: null,
    exec: null,
    steps: Array.isArray(steps) ? (steps as OpDef["steps"]) : null,
    flags: [],
    flagsDest: null,
    flagsImport: null,
    flagsImportSkip: null,
    requires: [],
    outputScalars: Array.isArray(config["output-scalars"]) ? (config["output-scalars"] as OpDef["outputScalars"]) : null,
    compare: null,
    sourcecode: spec,
    label: null,
    tags: [],
    env: {},
    defaultFlagArgSkip: false,
    deleteOnSuccess: Boolean(config["delete-on-success"]),
    pythonRequires: (config["python-requires"] as OpDef["pythonRequires"]) ?? null,
    raw: {},
  };
  return { guildfile, opdef };
}

/** Plans a restart or a run with a proto: op config from the run, flags from the run with the user's on top. */
export async function planFromRun(params: RunParams, ctx: CommandContext & { hooks: RunHooks }): Promise<RunPlan> {
  const spec = (params.restart ?? params.proto)!;
  const base: BaseRun = { run: runForSpec(spec, ctx), isProto: !params.restart };
  const { run } = base;
  const opref = run.opref;
  const config = record(run.get("op"));
  if (!opref || !run.hasAttr("op")) {
    throw new CliError(`cannot restart run in ${run.dir}: missing op configuration\nThe run may not have been initialized correctly. Try starting the operation without the --start/--restart flag.`);
  }
  if (!config["op-cmd"]) {
    throw new CliError(`cannot restart run in ${run.dir}: invalid op configuration\nThis may be an internal error. Please open an issue https://github.com/guildai/guildai/issues.`);
  }
  // An operation given with --proto replaces the proto's (only a restart refuses one).
  const found: { guildfile: LoadedGuildfile; opdef: OpDef; opref?: Opref } | null = params.opspec ? opdefForOpspec(params.opspec, ctx) : opdefForRun(run, ctx);
  const needsOpdef = params.flags.length > 0 || params.force_sourcecode || Boolean(params.opspec);
  if (needsOpdef && !found) {
    const opspec = opref.modelName ? `${opref.modelName}:${opref.opName}` : opref.opName;
    throw new CliError(`cannot find definition for operation '${opspec}' in run ${run.id}\nThe definition is required when setting flags for restart or a new run.`);
  }
  const { guildfile, opdef } = found ?? storedOpdef(run, opref);
  // The run records the operation of the definition used, else the one it had (run_impl._op_init_opref).
  const named = params.opspec ? found : null;
  const planOpref = named?.opref ?? (needsOpdef && opref.pkgType === "guildfile" ? { ...opref, pkgName: guildfile.path, pkgVersion: guildfile.md5 } : opref);
  const flagValues: FlagValues = { ...(record(run.get("flags")) as FlagValues) };
  const plan: RunPlan = {
    ctx,
    params,
    guildfile,
    opdef,
    // With a definition in hand (new flags, an operation), Guild generates the command from it.
    opCmd: needsOpdef ? opCmdForOpdef(opdef, opPythonPath(opdef, ctx.io.env.PYTHONPATH)) : opCmdFromData(config["op-cmd"]),
    flagValues,
    userFlagValues: {},
    pythonExe: pythonExe(ctx.io.env),
    opDepsData: Array.isArray(config.deps) ? config.deps : [],
    opref: planOpref,
    baseRun: base,
  };
  if (!needsOpdef) return plan;
  const userFlagValues = parseFlagAssigns(params.flags, opdef, ctx.io.env.HOME);
  if (!base.isProto) {
    const resolved = record(run.get("deps"));
    for (const name of Object.keys(userFlagValues)) {
      if (name in resolved) throw new CliError(`cannot specify a value for '${name}' when restarting ${run.shortId} - resource has already been resolved`);
    }
  }
  const dependencyNames = ctx.hooks.dependencyFlagNames?.(opdef, { flagValues: userFlagValues }) ?? [];
  const opdefValues = flagValuesForOpdef(opdef, userFlagValues, params.force_flags, dependencyNames);
  for (const [name, value] of Object.entries(opdefValues)) {
    if (name in userFlagValues || !(name in flagValues)) flagValues[name] = value;
  }
  plan.userFlagValues = userFlagValues;
  return plan;
}

/** run_impl._apply_run_params_for_args: stored params kept unless new, or re-given and re-specifiable. */
function restartRunParams(stored: Record<string, unknown>, params: RunParams): Record<string, unknown> {
  const merged = { ...stored };
  for (const [name, value] of Object.entries(params)) {
    if (!(name in merged)) merged[name] = value;
    else if (RESPECIFIABLE_RUN_PARAMS.has(name) && (Array.isArray(value) ? value.length > 0 : Boolean(value))) merged[name] = value;
  }
  return merged;
}

/** Re-initializes a restarted run's attrs as op.init_run does for an existing run: no system attrs, no source code copy. */
export function reinitRun(plan: RunPlan, run: Run, cmd: string[], label: string, labelTemplate: string | null): void {
  const { io } = plan.ctx;
  const runDir = run.dir;
  createAttrsDir(runDir);
  if (!run.hasAttr("initialized")) {
    writeAttr(runDir, "id", run.id);
    writeAttr(runDir, "initialized", io.nowMicros());
  }
  writeMarker(runDir, "PENDING");
  removeMarker(runDir, "STAGED");
  writeOpref(runDir, plan.opref);
  writeAttr(runDir, "cmd", cmd);
  if (label) writeAttr(runDir, "label", label);
  if (plan.params.tags.length) writeAttr(runDir, "tags", plan.params.tags);
  writeAttr(runDir, "flags", plan.flagValues);
  writeAttr(runDir, "user_flags", plan.userFlagValues);
  writeAttr(runDir, "run_params", restartRunParams(record(run.get("run_params")), plan.params));
  writeAttr(runDir, "random_seed", runRandomSeed(plan.params.random_seed, run, io.randomSeed));
  writeAttr(runDir, "op", { ...record(run.get("op")), "label-template": labelTemplate });
}

/** The label template of a restart: the user's label or tags, else the one the run stored. */
export function restartLabelTemplate(plan: RunPlan, userTemplate: string | null): string | null {
  if (userTemplate !== null) return userTemplate;
  const stored = record(plan.baseRun?.run.get("op"))["label-template"];
  return typeof stored === "string" ? stored : null;
}

/** op_util.init_run_from_proto: the proto's op config, source code files and system attrs copied into the new run. */
export function copyFromProto(proto: Run, runDir: string, env: Readonly<Record<string, string | undefined>>, labelTemplate: string | null): void {
  writeAttr(runDir, "op", { ...record(proto.get("op")), "label-template": labelTemplate });
  if (env.NO_SOURCECODE !== "1") {
    const manifest = proto.readManifest();
    const files = manifest === null ? [] : manifestSourceFiles(manifest);
    const lines: string[] = [];
    for (const file of files) {
      const source = path.join(proto.dir, file);
      const target = path.join(runDir, file);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(source);
      } catch {
        continue;
      }
      if (!stat.isFile()) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
      lines.push(manifestLineFor(manifest!, file));
    }
    appendManifest(runDir, lines);
  }
  for (const name of RUN_PROTO_ATTRS) {
    if (proto.hasAttr(name)) writeAttr(runDir, name, proto.get(name));
  }
}

function manifestLineFor(manifest: string, file: string): string {
  return manifest.split("\n").find((line) => line.startsWith("s ") && manifestSourceFiles(line)[0] === file) ?? "";
}
