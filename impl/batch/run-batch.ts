// `guild run` with batches: flag lists, batch files and optimizers turn one run into a batch run and its trials (run_impl, batch_util).
import fs from "node:fs";
import path from "node:path";
import { CliError, type Io } from "../io.js";
import { FlagCheckError } from "../ops/flag-values.js";
import { encodeFlagValue, flagAssigns } from "../flags/encode.js";
import { formatTable } from "../format/table.js";
import { generateEnv } from "../ops/op-cmd.js";
import { shellQuote } from "../../lib/python/shlex.js";
import { protoDir, runDirPath, writeAttr } from "../../lib/rundir/index.js";
import { executePlan, planRunReporting, shiftOpspec, type RunOperationContext } from "../ops/run-operation.js";
import { checkRestartParams, opCmdFromData } from "../ops/restart.js";
import { requestedOpHelp } from "../ops/help-op.js";
import { terminalColumns } from "../../lib/python/click-formatting.js";
import { showSourceCodeTest } from "../ops/test-sourcecode.js";
import { incompatibleRunOptions, runParamsAttr, type RunParams } from "../ops/run-params.js";
import type { RunPlan } from "../ops/hooks.js";
import { formatOperation, formatRunOperation } from "../runs/format.js";
import { isMapping, type PyValue } from "../../lib/python/values.js";
import { readBatchFiles, splitBatchFiles } from "./batch-files.js";
import { batchOpFor, sequentialOptimizer, type BatchOp, type BuiltinBatchOp } from "./optimizers.js";
import { optimizerFlagValues, SKOPT_OPS } from "./skopt/optimizer-ops.js";
import { fileTrials, gridTrials, MissingSearchDimension, randomTrials, sampleTrials, type Trial } from "./trials.js";
import { SearchSpaceError, seededRandom } from "./search-space.js";
import { BATCH_MAIN, builtinBatchOpref, finishBuiltinBatchRun, initBuiltinBatchRun, initTrialRun, stageBatchRun, writeProto, type BatchSettings } from "./batch-run.js";
import { Run } from "../runs/run.js";
import { labelTemplate, runLabel } from "../ops/label.js";
import { deleteRuns } from "../runs/trash.js";
import { opspecForMessage, runsInBackground, startInBackground } from "../ops/background.js";
import { confirmBatch } from "./confirm.js";
import { builtinBatchRunFor, restartBuiltinBatch, runBuiltinBatchFromProto } from "./restart-batch.js";
import { openBatchOutput } from "./batch-output.js";
import { checkTrialsPath, saveTrials } from "./save-trials.js";
import { skipBatchBecauseNeeded } from "./needed.js";
import { runSequentialTrials, type TrialOutcome, type TrialRunner } from "./seq-trials.js";
import { flagEncodedForOptimizer } from "./flag-encoder.js";

/** Runs `guild run` as a batch when flag values, batch files or optimizer options ask for one, else as one run. */
export async function runWithBatches(params: RunParams, ctx: RunOperationContext): Promise<number> {
  const shifted = shiftOpspec(params);
  const incompatible = incompatibleRunOptions(shifted);
  if (incompatible) throw new CliError(`${incompatible}\nTry 'guild run --help' for more information.`);
  checkRestartParams(shifted);
  const batchRun = params.restart ? builtinBatchRunFor(params.restart, ctx) : null;
  if (batchRun) return restartBuiltinBatch(batchRun, shifted, ctx);
  const protoRun = params.proto ? builtinBatchRunFor(params.proto, ctx) : null;
  if (protoRun) return runBuiltinBatchFromProto(protoRun, shifted, ctx);
  const { batchFiles, flagArgs } = splitBatchFiles(shifted.flags);
  let trials = batchFiles.length ? readBatchFiles(batchFiles, ctx.io.cwd, ctx.io.env.HOME) : null;
  const userParams: RunParams = { ...shifted, flags: flagArgs };
  if (trials && trials.length === 1) {
    // run_impl._apply_single_trial_user_flags: one trial is a run with those flag values.
    const given = new Set(flagArgs.map((arg) => arg.slice(0, arg.indexOf("="))));
    for (const [name, value] of Object.entries(trials[0])) if (!given.has(name)) userParams.flags.push(`${name}=${encodeFlagValue(value)}`);
    trials = null;
  }
  const plan = await planRunReporting(userParams, ctx);
  const help = requestedOpHelp(plan.opdef, userParams, terminalColumns(ctx.io.env, ctx.io.terminalColumns));
  if (help !== null) {
    ctx.io.stdout(help);
    return 0;
  }
  // run_impl._dispatch_op's order; output scalar and flag tests are not reproduced, and must not start the op.
  if (userParams.test_output_scalars !== null) throw new CliError("--test-output-scalars is not supported by this guild");
  if (userParams.test_sourcecode) {
    showSourceCodeTest(plan.opdef, ctx.io);
    return 0;
  }
  if (userParams.test_flags) throw new CliError("--test-flags is not supported by this guild");
  if (userParams.print_env && !userParams.print_cmd) {
    printOpEnv(plan, ctx.io);
    return 0;
  }
  const batchOp = batchOpFor(plan.guildfile, plan.opdef, userParams, plan.flagValues, trials);
  if (!batchOp) {
    checkNotBatch(ctx, userParams);
    return executePlan(plan);
  }
  return runBatch(plan, batchOp, trials);
}

/** run_impl._print_env: the variables the operation's command gets from Guild, sorted, values quoted for the shell. */
function printOpEnv(plan: RunPlan, io: Io): void {
  const env = generateEnv(plan.opCmd, plan.flagValues);
  for (const name of Object.keys(env).sort()) io.stdout(`${name}=${env[name] === "" ? "" : shellQuote(env[name])}\n`);
}

function warnNotBatch(ctx: RunOperationContext, params: RunParams): void {
  if (params.max_trials !== null) ctx.io.stderr("WARNING: not a batch run - ignoring --max-trials\n");
}

/** run_impl checks for batch options given to a run that is not a batch. */
function checkNotBatch(ctx: RunOperationContext, params: RunParams): void {
  if (params.opt_flags.length) throw new CliError(`invalid optimizer flag ${params.opt_flags[0]}: no optimizer specified`);
  warnNotBatch(ctx, params);
  if (params.print_trials) throw new CliError("cannot print trials for a non-batch operation");
  if (params.save_trials) throw new CliError("cannot save trials for a non-batch operation");
}

/** What a batch run is about to do, known before anything is written. */
export interface BatchPlan {
  plan: RunPlan;
  op: BatchOp;
  /** The batch op's own plan when it is an operation of the Guild file. */
  opPlan: RunPlan | null;
  fileTrials: Trial[] | null;
  settings: BatchSettings;
}

function objectiveFor(params: RunParams, raw: PyValue | undefined): string {
  if (params.minimize) return params.minimize;
  if (params.maximize) return "-" + params.maximize;
  if (typeof raw === "string") return raw;
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const spec = raw as Record<string, PyValue>;
    if (typeof spec.maximize === "string") return "-" + spec.maximize;
    if (typeof spec.minimize === "string") return spec.minimize;
  }
  return "loss";
}

/** The batch op's settings and, for an operation of the Guild file, its plan (flags from the optimizer definition, then `-Fo`). */
export async function planBatch(plan: RunPlan, op: BatchOp, trials: Trial[] | null): Promise<BatchPlan> {
  const { params, ctx } = plan;
  let opPlan: RunPlan | null = null;
  let defaultMaxTrials: number | null;
  let optimizerFlags: Trial = {};
  let optimizerUserFlags: Trial = {};
  if (op.opdef.kind === "guildfile") {
    const batchOpdef = op.opdef.opdef;
    if (params.stage_trials && !batchOpdef.raw["can-stage-trials"]) throw new CliError(`operation '${batchOpdef.fullname}' does not support --stage-trials`);
    const optimizerFlags = Object.entries(op.flags).map(([name, value]) => `${name}=${encodeFlagValue(value)}`);
    const opParams: RunParams = { ...params, opspec: batchOpdef.fullname, flags: [...optimizerFlags, ...params.opt_flags], label: params.batch_label, tags: params.batch_tags };
    opPlan = await planRunReporting(opParams, ctx as RunOperationContext);
    const raw = batchOpdef.raw["default-max-trials"];
    defaultMaxTrials = typeof raw === "number" ? raw : null;
  } else {
    const skopt = sequentialOptimizer(op.opdef);
    if (skopt) {
      if (params.stage_trials) throw new CliError(`operation '${SKOPT_OPS[skopt].fullname}' does not support --stage-trials`);
      try {
        ({ values: optimizerFlags, userValues: optimizerUserFlags } = optimizerFlagValues(skopt, op.flags, params.opt_flags, params.force_flags, ctx.io.env.HOME));
      } catch (error) {
        if (error instanceof FlagCheckError) ctx.io.stderr(error.preamble);
        throw error;
      }
    } else if (params.opt_flags.length) {
      const name = params.opt_flags[0].split("=")[0];
      const fullname = op.opdef.modelName ? `${op.opdef.modelName}:${op.opdef.opName}` : op.opdef.opName;
      throw new CliError(`unsupported flag '${name}'\nTry 'guild run ${fullname} --help-op' for a list of flags or use --force-flags to skip this check.`);
    }
    defaultMaxTrials = op.opdef.defaultMaxTrials;
    if (op.opdef.opName !== "+") plan.flagValues = flagEncodedForOptimizer(plan.opdef, plan.flagValues, plan.userFlagValues);
  }
  const settings: BatchSettings = {
    label: params.batch_label,
    tags: params.batch_tags,
    maxTrials: params.max_trials ?? defaultMaxTrials,
    objective: objectiveFor(params, plan.opdef.raw.objective),
    // As for any run, a seed of 0 is no seed (run_impl._op_init_random_seed).
    randomSeed: params.random_seed || ctx.io.randomSeed(),
    stageTrials: params.stage_trials,
    flags: optimizerFlags,
    userFlags: optimizerUserFlags,
  };
  return { plan, op, opPlan, fileTrials: trials, settings };
}

/** The trials a built-in batch op runs (batch_main, random_main). */
export function builtinTrials(op: BuiltinBatchOp, plan: RunPlan, fileTrialList: Trial[] | null, settings: BatchSettings): Trial[] {
  if (op.opName === "random") return randomTrials(plan.flagValues, settings.maxTrials ?? 20, settings.randomSeed);
  const random = seededRandom(settings.randomSeed);
  const all = fileTrialList ? fileTrials(fileTrialList, plan.flagValues, plan.userFlagValues, random) : gridTrials(plan.flagValues, random);
  return settings.maxTrials === null ? all : sampleTrials(all, settings.maxTrials, settings.randomSeed);
}

/** Trials, or Guild's logged error for a search space it cannot use (null, exit 1). */
function trialsOrError(batch: BatchPlan, log: (line: string) => void): Trial[] | null {
  try {
    return builtinTrials(batch.op.opdef as BuiltinBatchOp, batch.plan, batch.fileTrials, batch.settings);
  } catch (error) {
    if (error instanceof MissingSearchDimension) {
      log(`ERROR: [guild] flags for batch (${flagAssigns(batch.plan.flagValues).join(", ")}) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX].`);
      return null;
    }
    if (error instanceof SearchSpaceError) {
      log(error.logged ? `ERROR: [guild] ${error.message}` : `guild: ${error.message}`);
      return null;
    }
    throw error;
  }
}

/** How many trials a built-in batch would run (none when its search space is in error). */
export function batchTrialCount(batch: BatchPlan): number {
  return (trialsOrError(batch, () => undefined) ?? []).length;
}

/** batch_util._print_trials: the trials as a table, `#` first, flags by name. */
export function formatTrials(trials: Trial[]): string[] {
  if (!trials.length) return [];
  const names = [...new Set(trials.flatMap((trial) => Object.keys(trial)))].sort();
  const rows = [["#", ...names], ...trials.map((trial, index) => [String(index + 1), ...names.map((name) => (name in trial ? encodeFlagValue(trial[name]) : ""))])];
  return formatTable(rows);
}

async function runBatch(plan: RunPlan, op: BatchOp, trials: Trial[] | null): Promise<number> {
  const { params, ctx } = plan;
  const { io } = ctx;
  const batch = await planBatch(plan, op, trials);
  if (params.stage && op.opdef.kind !== "builtin") throw new CliError("staging a batch with an optimizer from the Guild file is not supported");
  if (params.save_trials && !params.print_cmd && !params.print_trials) {
    checkTrialsPath(params.save_trials);
    const home = io.env.HOME;
    // run_impl._save_trials_path joins the path to the cwd; util.format_dir shows the home as `~`.
    const full = path.isAbsolute(params.save_trials) ? params.save_trials : path.join(io.cwd, params.save_trials);
    const shown = home && full.startsWith(home + "/") ? "~" + full.slice(home.length) : full;
    io.stdout(`Saving trials to ${shown}\n`);
    if (op.opdef.kind !== "builtin") throw new CliError("optimizer does not support saving trials");
    if (sequentialOptimizer(op.opdef)) {
      io.stderr("ERROR: [guild] optimizer does not support saving trials\n");
      return 1;
    }
    const listed = trialsOrError(batch, (line) => io.stderr(line + "\n"));
    if (!listed) return 1;
    saveTrials(listed, params.save_trials, io.cwd);
    return 0;
  }
  if (params.print_trials || params.print_cmd) {
    if (op.opdef.kind !== "builtin") throw new CliError("optimizer does not support printing trials");
    if (sequentialOptimizer(op.opdef)) {
      // skopt_util.handle_seq_trials: the batch op starts (its command shown first), then refuses.
      if (params.print_cmd) io.stdout([plan.pythonExe, "-um", BATCH_MAIN[op.opdef.opName]].map(shellQuote).join(" ") + "\n");
      io.stderr(`ERROR: [guild] optimizer does not support printing trials${params.print_cmd ? " command" : ""}\n`);
      return 1;
    }
    const listed = trialsOrError(batch, (line) => io.stderr(line + "\n"));
    if (!listed) return 1;
    if (params.print_trials) {
      io.stdout(formatTrials(listed).map((line) => line + "\n").join(""));
      return 0;
    }
    io.stdout([plan.pythonExe, "-um", BATCH_MAIN[op.opdef.opName]].map(shellQuote).join(" ") + "\n");
    for (const trial of listed) await executePlan({ ...plan, params: { ...params, print_cmd: true }, flagValues: trial });
    return 0;
  }
  if (!params.yes) {
    const accepted = await confirmBatch(batch, () => batchTrialCount(batch));
    if (accepted === null) return 1;
    if (!accepted) return 0;
  }
  if (params.needed && skipBatchBecauseNeeded(batch)) return 0;
  if (runsInBackground(params, ctx)) {
    const opspec = op.opdef.kind === "guildfile" ? op.opdef.opdef.fullname : opspecForMessage(builtinBatchOpref(op.opdef), io.cwd);
    return startInBackground(ctx, params, opspec);
  }
  if (op.opdef.kind === "guildfile") return runGuildfileBatch(batch);
  if (params.stage) return stageBuiltinBatch(batch, op.opdef);
  return runBuiltinBatch(batch, op.opdef, initBuiltinBatchRun(plan, op.opdef, batch.settings, batch.fileTrials));
}

/** `--stage` of a batch: the batch run with its prototype, staged to be started with `--start`. */
function stageBuiltinBatch(batch: BatchPlan, op: BuiltinBatchOp): number {
  const { io } = batch.plan.ctx;
  const batchDir = initBuiltinBatchRun(batch.plan, op, batch.settings, batch.fileTrials);
  stageBatchRun(batchDir);
  if (!batch.plan.params.quiet) {
    const id = path.basename(batchDir);
    io.stdout(`${formatRunOperation(Run.forDir(batchDir))} staged as ${id}\nTo start the operation, use 'guild run --start ${id}'\n`);
  }
  return 0;
}

/** A Guild file operation as optimizer: its run gets the prototype, then runs as any operation does. */
async function runGuildfileBatch(batch: BatchPlan): Promise<number> {
  const opPlan = batch.opPlan!;
  const { io, guildHome } = opPlan.ctx;
  const batchId = io.newRunId();
  const batchDir = runDirPath(guildHome, batchId);
  writeProto(batch.plan, batchDir, batch.fileTrials);
  // The optimizer reads these batch attrs; the run's own initialization leaves them in place.
  const { settings } = batch;
  if (settings.maxTrials !== null) writeAttr(batchDir, "max_trials", settings.maxTrials);
  if (settings.objective) writeAttr(batchDir, "objective", settings.objective);
  if (settings.stageTrials) writeAttr(batchDir, "stage_trials", true);
  const ctx = { ...opPlan.ctx, io: { ...io, newRunId: () => batchId } };
  return executePlan({ ...opPlan, ctx, params: { ...opPlan.params, yes: true, needed: false } });
}

/** Runs the trials of a built-in batch run that is initialized (new, or started again) and records its end. */
export async function runBuiltinBatch(batch: BatchPlan, op: BuiltinBatchOp, batchDir: string): Promise<number> {
  const { plan } = batch;
  const { io } = plan.ctx;
  const quiet = plan.params.quiet;
  // What the batch shows goes to its output as well; with --quiet only there.
  const output = openBatchOutput(batchDir, () => io.nowMicros() / 1000);
  const stdout = (text: string) => {
    if (!quiet) io.stdout(text);
    output.write(0, text);
  };
  const stderr = (text: string) => {
    if (!quiet) io.stderr(text);
    output.write(1, text);
  };
  const log = (line: string) => stderr(line + "\n");
  const info = (line: string) => {
    if ((plan.ctx.logLevel ?? 20) <= 20) log(`INFO: [guild] ${line}`);
  };
  const trialIo = { stdout, stderr };
  const proto = Run.forDir(protoDir(batchDir));
  const release = io.holdSignals?.() ?? (() => undefined);
  let status = 0;
  try {
    const runner: TrialRunner = { log, info, start: (trialDir, trial) => startTrial(batch, trialDir, trial, log, info, { ...trialIo, proto }) };
    const skopt = sequentialOptimizer(op);
    status = skopt ? await runSequentialTrials(batch, skopt, batchDir, runner) : await runPendingTrials(batch, batchDir, runner);
  } finally {
    output.close();
    finishBuiltinBatchRun(batchDir, status, io.nowMicros());
    release();
  }
  // A grid or random batch is an interim run (Guild logs its deletion at debug level only): it goes to
  // the trash. skopt.ProxyBase keeps an optimizer's batch run.
  if (status === 0 && !plan.params.keep_batch && !plan.ctx.backgroundProcess && !sequentialOptimizer(op)) {
    deleteRuns(plan.ctx.guildHome, [Run.forDir(batchDir)], false, (message) => io.stderr(`WARNING: ${message}\n`));
  }
  return status >= 0 ? status : (256 + status) & 0xff;
}

/** Grid, file and random trials: every trial is created pending first, then each is started in turn (batch_util._run_trials). */
async function runPendingTrials(batch: BatchPlan, batchDir: string, runner: TrialRunner): Promise<number> {
  const trials = trialsOrError(batch, runner.log);
  if (!trials) return 1;
  const { plan } = batch;
  const { io } = plan.ctx;
  const template = labelTemplate(plan.params.label, plan.params.tags, plan.opdef.label);
  const pending = trials.map((trial) => {
    const trialDir = runDirPath(plan.ctx.guildHome, io.newRunId());
    initTrialRun(batchDir, trialDir, trial, runLabel(template, trial, io.cwd), io.nowMicros());
    return { trial, trialDir };
  });
  for (const { trial, trialDir } of pending) {
    const { stopStatus } = await runner.start(trialDir, trial);
    if (stopStatus !== null) return stopStatus;
  }
  return 0;
}

/**
 * Starts a trial run that is pending, unless the batch was interrupted, and reports its failure
 * (batch_util._start_pending_trial, handle_trial_system_exit); the batch stops with `stopStatus` when not null.
 */
async function startTrial(batch: BatchPlan, trialDir: string, trial: Trial, log: (line: string) => void, info: (line: string) => void, trialIo: TrialIo): Promise<TrialOutcome> {
  const { plan, settings } = batch;
  if (plan.ctx.io.interrupt.aborted) {
    info("Stopping batch (pending trials can be started as needed)");
    return { code: null, stopStatus: -15 };
  }
  const { code, message } = await runTrial(batch, trialDir, trial, settings.stageTrials, info, trialIo);
  if (code === 0 || plan.ctx.io.interrupt.aborted) return { code, stopStatus: null };
  const detail = message ? `: (${code}) ${message}` : ` (${code}) - see log for details`;
  log(`ERROR: [guild] Trial ${path.basename(trialDir)} exited with an error${detail}`);
  if (plan.params.fail_on_trial_error) {
    log("ERROR: [guild] Stopping batch because a trial failed (pending trials can be started as needed)");
    return { code, stopStatus: code };
  }
  return { code, stopStatus: null };
}

/** Where a trial's output and messages go (the batch's output, and the console unless the batch is quiet), and the prototype it is copied from. */
interface TrialIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  proto: Run;
}

/** The plan of one trial: the user's operation with the trial's flag values, in the run a new id names. */
function trialPlan(batch: BatchPlan, trial: Trial, trialId: string, stage: boolean, trialIo: TrialIo): RunPlan {
  const { plan } = batch;
  // Guild runs trials inside the batch's process, which logs as operations do.
  const { stdout, stderr, proto } = trialIo;
  const ctx = { ...plan.ctx, io: { ...plan.ctx.io, stdout, stderr, newRunId: () => trialId }, logFormat: "op" as const };
  const params: RunParams = { ...plan.params, yes: true, needed: false, stage, quiet: stage, print_cmd: false, print_trials: false };
  // A trial is a copy of the prototype (batch_util.init_trial_run), restarted: its source code, command and seed are the prototype's.
  const storedOp = proto.get("op");
  const storedCmd = isMapping(storedOp) ? storedOp["op-cmd"] : undefined;
  const opCmd = storedCmd ? opCmdFromData(storedCmd) : plan.opCmd;
  return { ...plan, ctx, params, opCmd, flagValues: trial, userFlagValues: {}, baseRun: { run: proto, isProto: true } };
}

/** batch_util.start_trial_run: log the trial, then run (or stage) it in place of its pending run; returns its exit code. */
async function runTrial(batch: BatchPlan, trialDir: string, trial: Trial, stage: boolean, info: (line: string) => void, trialIo: TrialIo): Promise<{ code: number; message: string | null }> {
  const { plan } = batch;
  const trialId = path.basename(trialDir);
  const nonNull = Object.fromEntries(Object.entries(trial).filter(([, value]) => value !== null));
  info(`${stage ? "Staging" : "Running"} trial ${trialId}: ${formatOperation(plan.opref)} (${flagAssigns(nonNull).join(", ")})`);
  fs.rmSync(trialDir, { recursive: true, force: true });
  let code: number;
  let message: string | null = null;
  try {
    code = await executePlan(trialPlan(batch, trial, trialId, stage, trialIo));
  } catch (error) {
    // A trial's `guild: ...` error is the batch's to report (batch_util.handle_trial_system_exit).
    if (!(error instanceof CliError)) throw error;
    code = error.exitCode;
    message = error.hasMessage ? error.message : null;
  }
  if (fs.existsSync(trialDir)) writeAttr(trialDir, "run_params", runParamsAttr(plan.params));
  return { code, message };
}
