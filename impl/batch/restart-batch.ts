// `guild run --start/--restart/--proto BATCH`: a built-in batch run again, its trials from its prototype and any new flag values.
import { encodeFlagValue } from "../flags/encode.js";
import { listRuns } from "../runs/list.js";
import { Run } from "../runs/run.js";
import { planRunReporting, type RunOperationContext } from "../ops/run-operation.js";
import type { RunParams } from "../ops/run-params.js";
import { opCmdFromData } from "../ops/restart.js";
import type { RunPlan } from "../ops/hooks.js";
import { deleteAttr, removeMarker, writeAttr, writeLock } from "../../lib/rundir/index.js";
import { isMapping } from "../../lib/python/values.js";
import { builtinBatchOp, sequentialOptimizer, type BuiltinBatchOp } from "./optimizers.js";
import { initBuiltinBatchRun, writeProto } from "./batch-run.js";
import { confirmBatch } from "./confirm.js";
import { batchTrialCount, planBatch, runBuiltinBatch, type BatchPlan } from "./run-batch.js";
import type { Trial } from "./trials.js";

/** The built-in batch run (`OP+`, `OP+skopt:random`) a `--start`/`--restart` spec names uniquely, else null. */
export function builtinBatchRunFor(spec: string, ctx: RunOperationContext): Run | null {
  const matches = listRuns(ctx.guildHome, { env: ctx.io.env }).filter((run) => run.id.startsWith(spec));
  if (matches.length !== 1) return null;
  const [run] = matches;
  if (!run.isBatch || run.opref?.pkgType !== "builtin" || !builtinBatchOp(run.opref.opName)) return null;
  return run;
}

/** The batch's stored run parameters under what this command gives: options left unset take the stored values. */
function restartParams(run: Run, params: RunParams): RunParams {
  const stored = run.get("run_params");
  const storedParams = (isMapping(stored) ? stored : {}) as Partial<RunParams>;
  const merged: RunParams = { ...params };
  const keep = ["label", "batch_label", "max_trials", "random_seed", "comment", "batch_comment"] as const;
  for (const name of keep) if (params[name] === null && storedParams[name] !== undefined) (merged as unknown as Record<string, unknown>)[name] = storedParams[name];
  for (const name of ["tags", "batch_tags"] as const) if (!params[name].length && Array.isArray(storedParams[name])) merged[name] = storedParams[name] as string[];
  for (const name of ["keep_batch", "fail_on_trial_error", "stage_trials", "force_flags"] as const) merged[name] = params[name] || Boolean(storedParams[name]);
  return merged;
}

/** A batch planned again from a batch run's prototype, with this command's flag values over the prototype's. */
async function replanBatch(run: Run, params: RunParams, ctx: RunOperationContext): Promise<{ batch: BatchPlan; op: BuiltinBatchOp; fileTrials: Trial[] | null }> {
  const op = builtinBatchOp(run.opref!.opName)!;
  const proto = Run.forDir(run.protoDir);
  const protoOpref = proto.opref!;
  const opspec = protoOpref.modelName ? `${protoOpref.modelName}:${protoOpref.opName}` : protoOpref.opName;
  const protoFlags = Object.entries(proto.flags).map(([name, value]) => `${name}=${encodeFlagValue(value)}`);
  const merged = restartParams(run, params);
  const userParams: RunParams = { ...merged, opspec, flags: [...protoFlags, ...params.flags], restart: null, proto: null };
  const plan = await planRunReporting(userParams, ctx);
  // Without new flag values Guild takes the command the prototype recorded, not one from the project.
  const storedOp = proto.get("op");
  const storedCmd = isMapping(storedOp) ? storedOp["op-cmd"] : undefined;
  if (!params.flags.length && storedCmd) plan.opCmd = opCmdFromData(storedCmd);
  const storedTrials = proto.get("trials");
  const fileTrials = Array.isArray(storedTrials) ? (storedTrials as Trial[]) : null;
  // An optimizer keeps its flag values, under any new `-Fo`.
  const storedFlags = run.get("flags");
  const batch = await planBatch(plan, { opdef: op, flags: isMapping(storedFlags) ? storedFlags : {} }, fileTrials);
  const storedSeed = run.get("random_seed");
  if (!params.random_seed && typeof storedSeed === "number") batch.settings.randomSeed = storedSeed;
  return { batch, op, fileTrials };
}

/** Starts a staged batch run or runs a batch run again (run_impl with a restart run that has a batch proto). */
export async function restartBuiltinBatch(run: Run, params: RunParams, ctx: RunOperationContext): Promise<number> {
  const { batch, op, fileTrials } = await replanBatch(run, params, ctx);
  if (!params.yes) {
    const accepted = await confirmBatch(batch, () => batchTrialCount(batch), { id: run.id, action: "start" });
    if (accepted === null) return 1;
    if (!accepted) return 0;
  }
  const { io } = ctx;
  writeProto(batch.plan, run.dir, fileTrials, true);
  removeMarker(run.dir, "STAGED");
  deleteAttr(run.dir, "exit_status");
  deleteAttr(run.dir, "stopped");
  if (batch.settings.maxTrials !== null) writeAttr(run.dir, "max_trials", batch.settings.maxTrials);
  if (sequentialOptimizer(op)) writeAttr(run.dir, "flags", batch.settings.flags);
  writeAttr(run.dir, "started", io.nowMicros());
  writeLock(run.dir, io.pid);
  return runBuiltinBatch(batch, op, run.dir);
}

/** `--proto BATCH`: a new batch of the same operation and flags (this command's flag values over them). */
export async function runBuiltinBatchFromProto(run: Run, params: RunParams, ctx: RunOperationContext): Promise<number> {
  const { batch, op, fileTrials } = await replanBatch(run, params, ctx);
  if (!params.yes) {
    const accepted = await confirmBatch(batch, () => batchTrialCount(batch));
    if (accepted === null) return 1;
    if (!accepted) return 0;
  }
  return runBuiltinBatch(batch, op, initBuiltinBatchRun(batch.plan, op, batch.settings, fileTrials));
}
