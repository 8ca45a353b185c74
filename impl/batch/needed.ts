// `--needed` for a batch: a batch run of the same batch op and flags whose prototype matches the operation and its flags.
import { formatTable } from "../format/table.js";
import { listRuns } from "../runs/list.js";
import { Run } from "../runs/run.js";
import { formatRunOperation, formatTimestamp } from "../runs/format.js";
import { pyEquals } from "../../lib/python/values.js";
import type { Opref } from "../../lib/rundir/index.js";
import type { BatchPlan } from "./run-batch.js";
import { builtinBatchOpref } from "./batch-run.js";
import { sameOpref } from "../ops/needed.js";
import { guildfileOpref } from "../ops/resolve-op.js";

function batchOpref(batch: BatchPlan): Opref {
  const { op, plan } = batch;
  return op.opdef.kind === "builtin" ? builtinBatchOpref(op.opdef) : guildfileOpref(plan.guildfile, op.opdef.opdef);
}

/** run_impl._check_run_needed for a batch: prints the skip message and returns true when a matching batch exists. */
export function skipBatchBecauseNeeded(batch: BatchPlan): boolean {
  const { plan } = batch;
  const { io } = plan.ctx;
  const opref = batchOpref(batch);
  const userOpref: Opref = plan.opref;
  const batchFlags = batch.opPlan?.flagValues ?? {};
  const matching = listRuns(plan.ctx.guildHome, { env: io.env }).filter((run) => {
    if (!sameOpref(run.opref, opref) || run.status() === "pending" || run.status() === "error" || !pyEquals(run.flags, batchFlags)) return false;
    if (!run.isBatch) return false;
    const proto = Run.forDir(run.protoDir);
    return sameOpref(proto.opref, userOpref) && pyEquals(proto.flags, plan.flagValues);
  });
  if (!matching.length) return false;
  const rows = matching.map((run) => [`[${run.shortId}]`, formatRunOperation(run), formatTimestamp(run.get("started")), run.status(), run.label]);
  io.stdout("Skipping because the following runs match this operation (--needed specified):\n");
  io.stdout(formatTable(rows, { indent: 2 }).map((line) => line + "\n").join(""));
  return true;
}
