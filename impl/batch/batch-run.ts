// A batch run's record: the batch run directory with its prototype (`.guild/proto`), and trial runs linked from it.
import fs from "node:fs";
import path from "node:path";
import { appendManifest, createAttrsDir, createManifest, protoDir, removeMarker, runDirPath, writeAttr, writeMarker, writeOpref, writeLock, type Opref } from "../../lib/rundir/index.js";
import { GUILD_PLUGINS, generateArgs } from "../ops/op-cmd.js";
import { initRun, platformAttr, runRandomSeed } from "../ops/run-init.js";
import { labelTemplate, runLabel } from "../ops/label.js";
import { runParamsAttr } from "../ops/run-params.js";
import { Run } from "../runs/run.js";
import type { RunPlan } from "../ops/hooks.js";
import { sequentialOptimizer, type BuiltinBatchOp } from "./optimizers.js";
import type { Trial } from "./trials.js";

/** Guild's version, recorded in the opref of its built-in batch operations. */
const GUILD_VERSION = "0.8.2";

/** The opref of a built-in batch run (`builtin:guildai 0.8.2 '' +`). */
export function builtinBatchOpref(op: BuiltinBatchOp): Opref {
  return { pkgType: "builtin", pkgName: "guildai", pkgVersion: GUILD_VERSION, modelName: op.modelName, opName: op.opName };
}

/** The module Guild runs for each built-in batch operation. */
export const BATCH_MAIN: Record<BuiltinBatchOp["opName"], string> = {
  "+": "guild.batch_main",
  random: "guild.plugins.random_main",
  gp: "guild.plugins.skopt_gp_main",
  forest: "guild.plugins.skopt_forest_main",
  gbrt: "guild.plugins.skopt_gbrt_main",
};

export interface BatchSettings {
  label: string | null;
  tags: string[];
  maxTrials: number | null;
  objective: string | null;
  randomSeed: number;
  stageTrials: boolean;
  /** The batch op's own flag values (the optimizer's flags; none for grid and random search). */
  flags: Trial;
  /** Those of its flag values given with `-Fo`. */
  userFlags: Trial;
}

/** The `op` attr of a built-in batch run, as model_proxy.BatchModelProxy defines the operation. */
function builtinOpAttr(op: BuiltinBatchOp, label: string | null, pythonPath: string): Record<string, unknown> {
  return {
    "delete-on-success": false,
    deps: [],
    "flag-null-labels": {},
    "flags-extra": {},
    "label-template": label,
    "op-cmd": {
      "cmd-args": ["${python_exe}", "-um", BATCH_MAIN[op.opName]],
      "cmd-env": { GUILD_PLUGINS: GUILD_PLUGINS.join(","), NO_OP_INTERRUPTED_MSG: "1", PROJECT_DIR: "", PYTHONPATH: pythonPath },
      "flags-dest": "args",
    },
    "output-scalars": null,
    "python-requires": null,
    sourcecode: { dest: "." },
  };
}

/**
 * Writes the prototype of the trials: the user's operation initialized as a run, with `trials` from batch
 * files. Starting a batch again keeps the prototype's source code, manifest and digest, as Guild's
 * restart does: a staged batch runs the source code it was staged with.
 */
export function writeProto(plan: RunPlan, batchDir: string, fileTrials: Trial[] | null, keepSourceCode = false): void {
  const { io } = plan.ctx;
  const dir = protoDir(batchDir);
  const manifest = keepSourceCode ? Run.forDir(dir).readManifest() : null;
  const template = labelTemplate(plan.params.label, plan.params.tags, plan.opdef.label);
  const cmd = generateArgs(plan.opCmd, plan.flagValues, plan.pythonExe, () => undefined);
  initRun({
    io,
    runId: path.basename(batchDir),
    runDir: dir,
    guildfile: plan.guildfile,
    opref: plan.opref,
    opdef: plan.opdef,
    opCmd: plan.opCmd,
    cmd,
    label: runLabel(template, plan.flagValues, io.cwd),
    labelTemplate: template,
    tags: plan.params.tags,
    flagValues: plan.flagValues,
    userFlagValues: plan.userFlagValues,
    params: plan.params,
    opDepsData: plan.opDepsData,
    randomSeed: runRandomSeed(plan.params.random_seed, plan.baseRun?.run ?? null, io.randomSeed),
    skipSourceCode: keepSourceCode,
  });
  if (manifest) appendManifest(dir, manifest.split("\n").filter((line) => line !== ""));
  removeMarker(dir, "PENDING");
  if (fileTrials) writeAttr(dir, "trials", fileTrials);
}

/** Creates a built-in batch run (`+` or `random`) with its prototype, ready to run its trials. */
export function initBuiltinBatchRun(plan: RunPlan, op: BuiltinBatchOp, settings: BatchSettings, fileTrials: Trial[] | null): string {
  const { io, guildHome } = plan.ctx;
  const runId = io.newRunId();
  const runDir = runDirPath(guildHome, runId);
  createAttrsDir(runDir);
  writeAttr(runDir, "id", runId);
  writeAttr(runDir, "initialized", io.nowMicros());
  writeMarker(runDir, "PENDING");
  writeOpref(runDir, builtinBatchOpref(op));
  writeAttr(runDir, "cmd", [plan.pythonExe, "-um", BATCH_MAIN[op.opName]]);
  writeAttr(runDir, "plugins", GUILD_PLUGINS);
  // An optimizer's batch run is labelled as any run is, by its flags unless given a label.
  const label = sequentialOptimizer(op) ? runLabel(labelTemplate(settings.label, settings.tags, null), settings.flags, io.cwd) : settings.label;
  if (label) writeAttr(runDir, "label", label);
  if (settings.tags.length) writeAttr(runDir, "tags", settings.tags);
  writeAttr(runDir, "flags", settings.flags);
  writeAttr(runDir, "user_flags", settings.userFlags);
  writeAttr(runDir, "run_params", runParamsAttr(plan.params));
  writeAttr(runDir, "random_seed", settings.randomSeed);
  const pythonPath = [".", io.env.PYTHONPATH].filter(Boolean).join(":");
  writeAttr(runDir, "op", builtinOpAttr(op, settings.label, pythonPath));
  writeAttr(runDir, "host", io.env.HOST || io.hostname);
  writeAttr(runDir, "user", io.env.USER || "");
  writeAttr(runDir, "platform", platformAttr());
  if (settings.objective) writeAttr(runDir, "objective", settings.objective);
  if (settings.maxTrials !== null) writeAttr(runDir, "max_trials", settings.maxTrials);
  if (settings.stageTrials) writeAttr(runDir, "stage_trials", true);
  createManifest(runDir);
  writeAttr(runDir, "sourcecode_digest", null);
  writeProto(plan, runDir, fileTrials);
  removeMarker(runDir, "PENDING");
  writeAttr(runDir, "deps", {});
  writeAttr(runDir, "started", io.nowMicros());
  writeLock(runDir, io.pid);
  return runDir;
}

/** Records the end of a built-in batch run. */
export function finishBuiltinBatchRun(runDir: string, status: number, nowMicros: number): void {
  writeAttr(runDir, "exit_status", status);
  writeAttr(runDir, "stopped", nowMicros);
  removeMarker(runDir, "LOCK");
}

/** batch_util._link_to_trial: `<batch dir>/<trial id>` links to the trial run. */
export function linkTrial(batchDir: string, trialDir: string): void {
  const link = path.join(batchDir, path.basename(trialDir));
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(path.dirname(link), trialDir), link);
}

/**
 * batch_util.init_trial_run: a pending trial run, copied from the prototype with the trial's flags and
 * label, and linked from the batch.
 */
export function initTrialRun(batchDir: string, trialDir: string, trial: Trial, label: string, nowMicros: number): void {
  linkTrial(batchDir, trialDir);
  fs.cpSync(protoDir(batchDir), trialDir, { recursive: true });
  writeAttr(trialDir, "id", path.basename(trialDir));
  writeAttr(trialDir, "flags", trial);
  writeAttr(trialDir, "label", label);
  writeMarker(trialDir, "PENDING");
  writeAttr(trialDir, "started", nowMicros);
}

/** A built-in batch run left staged: no lock, a STAGED marker, as Guild stages any run. */
export function stageBatchRun(batchDir: string): void {
  removeMarker(batchDir, "LOCK");
  writeMarker(batchDir, "STAGED");
}
