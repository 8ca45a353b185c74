// `guild run` for one operation: resolve, check flags, confirm, then stage or run it (run_impl._run_local).
import path from "node:path";
import { CliError } from "../io.js";
import type { CommandContext } from "../context.js";
import { appendManifest, deleteAttr, removeMarker, runDirPath, runsDir, writeAttr, writeEnvScript, writeLock, writeMarker } from "../../lib/rundir/index.js";
import { shellQuote } from "../../lib/python/shlex.js";
import { encodeFlagValue } from "../flags/encode.js";
import { guildOpEnv, resolveRunOp } from "./resolve-op.js";
import { flagValuesForOpdef, parseFlagAssigns, FlagCheckError, type FlagValues } from "./flag-values.js";
import { generateArgs, generateEnv, opCmdForOpdef, opPythonPath, pythonExe } from "./op-cmd.js";
import { labelTemplate, runLabel } from "./label.js";
import { formatOpHelp } from "./help-op.js";
import { skipBecauseNeeded } from "./needed.js";
import { initRun, runRandomSeed } from "./run-init.js";
import { runProcess } from "./process.js";
import { PYTHON_BOOTSTRAP } from "./python-bootstrap.js";
import type { RunHooks, RunPlan } from "./hooks.js";
import type { RunParams } from "./run-params.js";
import { checkRestartParams, copyFromProto, planFromRun, reinitRun, restartLabelTemplate } from "./restart.js";
import { opspecForMessage, runsInBackground, startInBackground } from "./background.js";
import { deleteRuns } from "../runs/trash.js";
import { Run } from "../runs/run.js";
import { formatRunOperation } from "../runs/format.js";

export interface RunOperationContext extends CommandContext {
  /** Dependencies, output scalars and steps (see guild-hooks.ts). */
  hooks: RunHooks;
}

/** Guild's secret-looking env names are not stored in the `env` attr. */
const isSecretName = (name: string) => /password|token|secret/i.test(name);

async function confirm(ctx: CommandContext, plan: RunPlan): Promise<boolean | null> {
  const action = plan.params.stage ? "stage" : plan.params.restart ? "start" : "run";
  const restarted = plan.params.restart ? plan.baseRun?.run : undefined;
  const subject = restarted ? `${restarted.id} (${plan.opdef.fullname})` : plan.opdef.fullname;
  const lines = [`You are about to ${action} ${subject}`];
  for (const name of Object.keys(plan.flagValues).sort()) {
    const value = plan.flagValues[name];
    const flag = plan.opdef.flags.find((candidate) => candidate.name === name);
    const shown = value === null ? (flag?.nullLabel ?? "default") : encodeFlagValue(value);
    lines.push(`  ${name}: ${shown}`);
  }
  ctx.io.stderr(lines.join("\n") + "\nContinue? (Y/n) ");
  const answer = await ctx.io.readLine();
  if (answer === null) {
    ctx.io.stderr("\n");
    return null;
  }
  return ["", "y", "yes"].includes(answer.trim().toLowerCase());
}

function exitCodeFor(status: number): number {
  return status >= 0 ? status : (256 + status) & 0xff;
}

export function shiftOpspec(params: RunParams): RunParams {
  if (params.opspec && params.opspec.includes("=")) return { ...params, opspec: null, flags: [params.opspec, ...params.flags] };
  return params;
}

/** Plans the run: opdef, flags and command (no files written). Throws CliError for bad input. */
export async function planRun(params: RunParams, ctx: RunOperationContext): Promise<RunPlan> {
  const { hooks } = ctx;
  checkRestartParams(params);
  if (params.restart || params.proto) return planFromRun(params, ctx);
  const { guildfile, opdef, opref } = resolveRunOp(params.opspec, ctx);
  const userFlagValues = parseFlagAssigns(params.flags, opdef, ctx.io.env.HOME, hooks.dependencyFlagNames?.(opdef, { flagValues: {} }));
  const opCmd = opCmdForOpdef(opdef, opPythonPath(opdef, ctx.io.env.PYTHONPATH));
  const plan: RunPlan = {
    ctx,
    params,
    guildfile,
    opdef,
    opref,
    opCmd,
    flagValues: {},
    userFlagValues,
    pythonExe: pythonExe(ctx.io.env),
    opDepsData: [],
  };
  if (params.help_op) return plan;
  const dependencyNames = hooks.dependencyFlagNames?.(opdef, { flagValues: userFlagValues }) ?? [];
  plan.flagValues = flagValuesForOpdef(opdef, userFlagValues, params.force_flags, dependencyNames);
  await hooks.applyDefaultDependencies?.(plan);
  return plan;
}

function processEnv(plan: RunPlan, runId: string, runDir: string): Record<string, string> {
  const { io } = plan.ctx;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(io.env)) if (value !== undefined && name !== "_") env[name] = value;
  Object.assign(env, generateEnv(plan.opCmd, plan.flagValues));
  env.GUILD_OP = guildOpEnv(plan.opref, plan.opdef);
  env.GUILD_HOME = plan.ctx.guildHome;
  env.GUILD_SOURCECODE = plan.opdef.sourcecode.dest ?? plan.opdef.model.sourcecode.dest ?? ".";
  env.LOG_LEVEL = io.env.LOG_LEVEL ?? String(plan.ctx.logLevel ?? 20);
  env.CMD_DIR = io.cwd;
  env.RUN_DIR = runDir;
  env.RUN_ID = runId;
  return env;
}

/** `python -um guild.op_main ...` in an `exec` (as script operations run) is started as a `main` op is. */
function isOpMainCommand(cmd: string[]): boolean {
  return cmd[1] === "-um" && cmd[2] === "guild.op_main";
}

function execArgs(plan: RunPlan, cmd: string[]): string[] {
  if (plan.opCmd.kind !== "main" && !isOpMainCommand(cmd)) return cmd;
  return [cmd[0], "-u", "-c", PYTHON_BOOTSTRAP, ...cmd.slice(3)];
}

/**
 * Guild copies source code to `<run dir>/<dest>` wherever that leads (`../../x` is outside the run,
 * `/x` is /x); we refuse such a dest before the run is created, so nothing is written outside it.
 */
function checkSourceCodeDest(dest: string): void {
  const normalized = path.normalize(dest);
  if (path.isAbsolute(dest) || normalized === ".." || normalized.startsWith(".." + path.sep)) {
    throw new CliError(`invalid sourcecode dest '${dest}' (path must be inside the run directory)`);
  }
}

/** Runs (or stages) a planned operation; returns guild's exit code. */
export async function executePlan(plan: RunPlan): Promise<number> {
  const { ctx, params, opdef } = plan;
  const { io } = ctx;
  const { hooks } = ctx as RunOperationContext;
  const warn = (message: string) => io.stderr(`WARNING: ${message}\n`);
  const cmd = generateArgs(plan.opCmd, plan.flagValues, plan.pythonExe, warn);
  if (params.print_cmd) {
    io.stdout(cmd.map(shellQuote).join(" ") + "\n");
    return 0;
  }
  checkSourceCodeDest(opdef.sourcecode.dest ?? opdef.model.sourcecode.dest ?? ".");
  const userTemplate = labelTemplate(params.label, params.tags, plan.baseRun ? null : opdef.label);
  const template = plan.baseRun ? restartLabelTemplate(plan, userTemplate) : userTemplate;
  const label = runLabel(template, plan.flagValues, io.cwd);
  if (!params.yes) {
    const accepted = await confirm(ctx, plan);
    if (accepted === null) return 1;
    if (!accepted) return 0;
  }
  if (runsInBackground(params, ctx)) return startInBackground(ctx, params, opspecForMessage(plan.opref, io.cwd));
  const release = io.holdSignals?.() ?? (() => undefined);
  try {
    return await startRun(plan, cmd, label, template);
  } finally {
    release();
  }
}

/** Creates the run and runs its op to the end; signals are held meanwhile so the op gets them and the run is finalized. */
async function startRun(plan: RunPlan, cmd: string[], label: string, template: string | null): Promise<number> {
  const { ctx, params, opdef } = plan;
  const { io } = ctx;
  const { hooks } = ctx as RunOperationContext;
  if (params.needed && skipBecauseNeeded(ctx.guildHome, io, plan.opref, plan.flagValues)) return 0;
  let runDir: string;
  let runId: string;
  const restarted = plan.baseRun && !plan.baseRun.isProto ? plan.baseRun.run : null;
  if (restarted) {
    runDir = restarted.dir;
    runId = restarted.id;
  } else if (params.run_id) {
    runId = params.run_id;
    runDir = runDirPath(ctx.guildHome, runId);
  } else if (params.run_dir) {
    runDir = path.resolve(io.cwd, params.run_dir);
    runId = path.basename(runDir);
    if (!params.stage && io.env.NO_WARN_RUNDIR !== "1") io.stderr(`Run directory is '${runDir}' (results will not be visible to Guild)\n`);
  } else {
    runId = io.newRunId();
    runDir = runDirPath(ctx.guildHome, runId);
  }
  if ((ctx.logLevel ?? 20) <= 10) io.stderr(`DEBUG: [guild] initializing run in ${runDir}\n`);
  // With --force-sourcecode a run with a proto is initialized from the project, as a new run is.
  const fromProto = Boolean(plan.baseRun) && !params.force_sourcecode;
  if (restarted) reinitRun(plan, restarted, cmd, label, template);
  else {
    initRun({
      io, runId, runDir, guildfile: plan.guildfile, opref: plan.opref, opdef, opCmd: plan.opCmd, cmd, label, labelTemplate: template,
      tags: params.tags, flagValues: plan.flagValues, userFlagValues: plan.userFlagValues, params, opDepsData: plan.opDepsData,
      randomSeed: runRandomSeed(params.random_seed, plan.baseRun?.run ?? null, io.randomSeed),
      skipSourceCode: fromProto,
    });
    if (fromProto) copyFromProto(plan.baseRun!.run, runDir, io.env, template);
  }
  const run = { runId, runDir };
  const env = processEnv(plan, runId, runDir);
  if (params.stage) return await stageRun(plan, run, env, cmd);
  try {
    const resolved = (await hooks.resolveDependencies?.(plan, run)) ?? { deps: {}, manifestLines: [] };
    writeAttr(runDir, "deps", resolved.deps);
    appendManifest(runDir, resolved.manifestLines);
  } finally {
    removeMarker(runDir, "PENDING");
  }
  if ((ctx.logLevel ?? 20) <= 10) io.stderr(`DEBUG: [guild] starting run ${runId} in ${runDir}\n`);
  writeAttr(runDir, "started", io.nowMicros());
  const safeEnv: Record<string, string> = {};
  for (const name of Object.keys(env)) if (!isSecretName(name)) safeEnv[name] = env[name];
  writeAttr(runDir, "env", safeEnv);
  let status: number;
  const listener = io.env.NO_RUN_OUTPUT === "1" ? null : (hooks.outputListener?.(plan, run) ?? null);
  try {
    if (plan.opCmd.kind === "steps") {
      if (!hooks.runSteps) throw new CliError(`stepped operations are not supported (${opdef.fullname})`);
      writeLock(runDir, io.pid);
      status = await hooks.runSteps(plan, { ...run, env, onLine: listener?.onLine });
    } else {
      status = await runProcess({
        args: execArgs(plan, cmd),
        cwd: runDir,
        env,
        runDir,
        io,
        quiet: params.quiet,
        syncOutput: io.env.SYNC_RUN_OUTPUT === "1",
        noOutput: io.env.NO_RUN_OUTPUT === "1",
        onLine: listener?.onLine,
      });
    }
  } finally {
    listener?.close();
  }
  writeAttr(runDir, "exit_status", status);
  writeAttr(runDir, "stopped", io.nowMicros());
  removeMarker(runDir, "LOCK");
  if (status === 0) maybeDeleteRun(plan, runId, runDir);
  return exitCodeFor(status);
}

/**
 * run_impl._maybe_delete_run: a successful run of an op configured with `delete-on-success` goes to
 * the trash, unless `--keep-run`, it is outside Guild home, or a background process ran it.
 */
function maybeDeleteRun(plan: RunPlan, runId: string, runDir: string): void {
  const { ctx, opdef, params } = plan;
  if (!opdef.deleteOnSuccess || params.keep_run || ctx.backgroundProcess || path.dirname(runDir) !== runsDir(ctx.guildHome)) return;
  const prefix = ctx.logFormat === "op" ? "INFO: [guild] " : "";
  ctx.io.stderr(`${prefix}Deleting interim run ${runId} ('${formatRunOperation(Run.forDir(runDir))}' is configured for deletion on success)\n`);
  deleteRuns(ctx.guildHome, [Run.forDir(runDir)], false, (message) => ctx.io.stderr(`WARNING: ${message}\n`));
}

async function stageRun(plan: RunPlan, run: { runId: string; runDir: string }, env: Record<string, string>, cmd: string[]): Promise<number> {
  const { io } = plan.ctx;
  const { hooks } = plan.ctx as RunOperationContext;
  try {
    // Staging resolves every dependency but operations, which wait for the start.
    const resolved = (await hooks.resolveDependencies?.(plan, run, { forStage: true })) ?? { deps: {}, manifestLines: [] };
    writeAttr(run.runDir, "deps", resolved.deps);
    appendManifest(run.runDir, resolved.manifestLines);
  } finally {
    removeMarker(run.runDir, "PENDING");
  }
  writeAttr(run.runDir, "started", io.nowMicros());
  deleteAttr(run.runDir, "exit_status");
  writeEnvScript(run.runDir, env);
  writeMarker(run.runDir, "STAGED");
  if (plan.params.quiet) return 0;
  if (path.dirname(run.runDir) === runsDir(plan.ctx.guildHome)) {
    io.stdout(`${plan.opdef.fullname} staged as ${run.runId}\nTo start the operation, use 'guild run --start ${run.runId}'\n`);
  } else {
    const command = cmd.map(shellQuote).join(" ");
    io.stdout(`${plan.opdef.fullname} staged in '${run.runDir}'\nTo start the operation, use "(cd '${run.runDir}' && source .guild/ENV && ${command})"\n`);
  }
  return 0;
}

/** planRun, writing a failed flag check's preamble (what Guild prints before the error) on the way up. */
export async function planRunReporting(params: RunParams, ctx: RunOperationContext): Promise<RunPlan> {
  try {
    return await planRun(params, ctx);
  } catch (error) {
    if (error instanceof FlagCheckError) ctx.io.stderr(error.preamble);
    throw error;
  }
}

/** Runs an operation from run parameters as `guild run` does; returns the exit code. */
export async function runOperation(params: RunParams, ctx: RunOperationContext): Promise<number> {
  const shifted = shiftOpspec(params);
  const plan = await planRunReporting(shifted, ctx);
  if (shifted.help_op) {
    ctx.io.stdout(formatOpHelp(plan.opdef));
    return 0;
  }
  return executePlan(plan);
}

export type { FlagValues };
