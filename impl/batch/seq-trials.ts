// Sequential optimization (skopt_util._run_seq_trials): each trial's flags are suggested from the objective of the trials before it.
import { numericValue, type PyValue } from "../../lib/python/values.js";
import { runDirPath } from "../../lib/rundir/index.js";
import { flagAssigns } from "../flags/encode.js";
import { listRuns } from "../runs/list.js";
import { Run } from "../runs/run.js";
import { formatRunOperation } from "../runs/format.js";
import { ColspecError, parseColspec, splitScalarKey, type Column } from "../compare/colspec.js";
import { lookupScalar } from "../scalars/scalar-lookup.js";
import { readRunScalars } from "../scalars/scalar-summary.js";
import { labelTemplate, runLabel } from "../ops/label.js";
import { initTrialRun } from "./batch-run.js";
import { searchDimensions, type Trial } from "./trials.js";
import { SearchSpaceError, seededRandom } from "./search-space.js";
import { suggestPoint, type SuggestOptions } from "./skopt/suggest.js";
import type { SkoptOpName } from "./skopt/optimizer-ops.js";
import type { BatchPlan } from "./run-batch.js";

/** What starting a trial came to: its exit code (null when not started), and the batch's status when it must stop. */
export interface TrialOutcome {
  code: number | null;
  stopStatus: number | null;
}

/** How a batch starts its trials and logs. */
export interface TrialRunner {
  log: (line: string) => void;
  info: (line: string) => void;
  start: (trialDir: string, trial: Trial) => Promise<TrialOutcome>;
}

/** An error that ends the batch before any trial, logged as `ERROR: [guild] ...` (exit 1). */
class BatchError extends Error {}

/** The objective's scalar column and whether it is maximized (skopt_util._objective_y_info). */
function objectiveColumn(objective: string): { column: Column; negate: boolean } {
  const negate = objective.startsWith("-");
  const spec = negate ? objective.slice(1) : objective;
  let columns: Column[];
  try {
    columns = parseColspec(spec);
  } catch (error) {
    if (!(error instanceof ColspecError)) throw error;
    throw new BatchError(`invalid objective '${spec}': ${error.message}`);
  }
  if (columns.length > 1) throw new BatchError(`invalid objective '${spec}': too many columns`);
  return { column: columns[0], negate };
}

function formatObjective(column: Column): string {
  return column.kind === "scalar" ? column.key : column.name;
}

/** The run's value of the objective (its last value unless the column qualifies it), or null. */
function objectiveValue(run: Run, column: Column): number | null {
  if (column.kind !== "scalar") return null;
  const [prefix, tag] = splitScalarKey(column.key);
  return lookupScalar(readRunScalars(run.dir), prefix, tag, column.qualifier, column.step);
}

const completed = (run: Run) => run.status() === "completed";

/** batch_util.trial_runs: completed runs that count as previous trials, oldest first, for `prev-trials` batch, sourcecode or operation. */
function previousTrialRuns(batch: BatchPlan, batchDir: string, mode: PyValue): Run[] {
  const { guildHome, io } = batch.plan.ctx;
  const env = io.env;
  if (mode === "sourcecode") {
    const proto = Run.forDir(Run.forDir(batchDir).protoDir);
    const digest = proto.get("sourcecode_digest");
    if (!digest) throw new BatchError(`Cannot find runs for batch proto in ${proto.dir}: missing sourcecode digest`);
    return listRuns(guildHome, { env, filter: (run) => completed(run) && run.get("sourcecode_digest") === digest }).reverse();
  }
  if (mode === "operation") {
    const operation = formatRunOperation(Run.forDir(Run.forDir(batchDir).protoDir));
    return listRuns(guildHome, { env, filter: (run) => completed(run) && formatRunOperation(run) === operation }).reverse();
  }
  return listRuns(guildHome, { env, root: batchDir, filter: completed }).reverse();
}

function suggestOptions(flags: Trial): SuggestOptions {
  const noise = flags.noise;
  return {
    acqFunc: typeof flags["acq-func"] === "string" ? flags["acq-func"] : "gp_hedge",
    kappa: numericValue(flags.kappa) ?? 1.96,
    xi: numericValue(flags.xi) ?? 0.05,
    noise: noise === "gaussian" || noise === null || noise === undefined ? "gaussian" : (numericValue(noise) ?? "gaussian"),
  };
}

/** Why a trial starts at random (skopt_util._random_start_explanation). */
function randomStartReason(trialsCount: number, randomStarts: number, previousCount: number, objective: string): string {
  if (trialsCount < randomStarts) return `${trialsCount + 1} of ${randomStarts}`;
  if (!previousCount) return "missing previous trials";
  return `cannot find objective '${objective}'`;
}

/**
 * Runs up to max-trials trials, each created and started in turn. Before each, the previous trials'
 * flag values and objective (negated when maximized) go to the optimizer, which suggests the next
 * values: at random for the first `random-starts` trials or when no previous trial has the objective.
 */
export async function runSequentialTrials(batch: BatchPlan, optimizer: SkoptOpName, batchDir: string, runner: TrialRunner): Promise<number> {
  const { plan, settings } = batch;
  const { io } = plan.ctx;
  try {
    const { column, negate } = objectiveColumn(settings.objective ?? "loss");
    const dimensions = searchDimensions(plan.flagValues);
    if (!dimensions.size) {
      runner.log(`ERROR: [guild] flags for batch (${flagAssigns(plan.flagValues).join(", ")}) do not contain any search dimensions\nTry specifying a range for one or more flags as NAME=[MIN:MAX].`);
      return 1;
    }
    const names = [...dimensions.keys()];
    const dims = names.map((name) => dimensions.get(name)!.dimension);
    const maxTrials = settings.maxTrials || 20;
    const randomStarts = Math.min(numericValue(settings.flags["random-starts"]) || 0, maxTrials);
    const options = suggestOptions(settings.flags);
    // skopt's per-second acquisition functions want each objective paired with the time it took; Guild
    // gives objectives alone, so its batch fails on the first suggestion (skopt: expected y to be (func_val, t)).
    if (options.acqFunc === "EIps" || options.acqFunc === "PIps") {
      throw new BatchError(`acq-func '${options.acqFunc}' is not supported: it needs the time each trial took (expected y to be (func_val, t))`);
    }
    const random = seededRandom(settings.randomSeed);
    const template = labelTemplate(plan.params.label, plan.params.tags, plan.opdef.label);
    let trialsCount = 0;
    for (let runsCount = 0; runsCount < maxTrials; runsCount++) {
      const previous = previousTrialRuns(batch, batchDir, settings.flags["prev-trials"]);
      const x0: PyValue[][] = [];
      const y0: number[] = [];
      for (const run of previous) {
        const y = objectiveValue(run, column);
        if (y === null) continue;
        const flags = run.flags as Trial;
        x0.push(names.map((name) => flags[name] ?? null));
        y0.push(negate ? -y : y);
      }
      const randomStart = !x0.length || runsCount < randomStarts;
      const point = suggestPoint(optimizer, dims, x0.length ? x0 : null, x0.length ? y0 : null, randomStart, random, options);
      if (runsCount === 0) names.forEach((name, index) => (point[index] = dimensions.get(name)!.initial ?? point[index]));
      const trial: Trial = { ...plan.flagValues, ...Object.fromEntries(names.map((name, index) => [name, point[index]])) };
      if (randomStart) runner.info(`Random start for optimization (${randomStartReason(trialsCount, randomStarts, previous.length, formatObjective(column))})`);
      else runner.info(`Found ${previous.length} previous trial(s) for use in optimization`);
      const trialDir = runDirPath(plan.ctx.guildHome, io.newRunId());
      initTrialRun(batchDir, trialDir, trial, runLabel(template, trial, io.cwd), io.nowMicros());
      const { code, stopStatus } = await runner.start(trialDir, trial);
      if (stopStatus !== null) return stopStatus;
      if (code === 0) trialsCount++;
    }
    return 0;
  } catch (error) {
    if (error instanceof BatchError) {
      runner.log(`ERROR: [guild] ${error.message}`);
      return 1;
    }
    if (error instanceof SearchSpaceError) {
      runner.log(error.logged ? `ERROR: [guild] ${error.message}` : `guild: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
