// Runs a stepped operation's steps in order (steps_main): validate all, then per step link, log and run.
import { join, dirname } from "node:path";
import { buildSteps, type ParentRunInfo, type StepContext } from "./step.js";
import { stepProgressMessage, stepRunArgs } from "./step-command.js";
import { linkToStepRun } from "./step-link.js";
import { StepError } from "./run-spec.js";
import { initCheck, runChecks, type RunCheck } from "./checks.js";
import { pyRepr } from "../../lib/python/repr.js";
import { existsSync } from "node:fs";

export interface SteppedRun extends ParentRunInfo {
  /** Absolute run dir of the stepped (parent) run; step runs go beside it. */
  dir: string;
  /** The parent's raw `steps` attr. */
  steps: unknown;
}

export interface StepRunOptions {
  /** Parent id to restrict visible runs to (GUILD_RUNS_PARENT), or null when `isolate-runs: no`. */
  runsParent: string | null;
}

export interface StepHooks {
  newRunId: () => string;
  /** Runs `guild run <args>` for a step (as a child with NO_WARN_RUNDIR=1); resolves to its exit code. */
  runStep: (args: string[], options: StepRunOptions) => Promise<number>;
  /** Helper-process log lines: level and message (Guild prints `LEVEL: [guild] message`). */
  log: (level: "INFO" | "WARNING" | "ERROR", message: string) => void;
  /** Environment of the steps process (`${NAME}` in a check's `compare-to`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Error lines the steps process prints itself (`guild: message`). */
  error: (message: string) => void;
}

/** Runs the steps; returns the exit code of the steps process (a failing step's code, 1 for bad step data). */
export async function runSteps(parent: SteppedRun, context: Omit<StepContext, "warn">, hooks: StepHooks): Promise<number> {
  let steps;
  try {
    steps = buildSteps(parent.steps, parent, { ...context, warn: (message) => hooks.log("WARNING", message) });
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    hooks.error(error.message);
    return error.exitCode;
  }
  if (steps.length === 0) {
    hooks.log("WARNING", `no steps defined for run ${parent.id}`);
    return 0;
  }
  const checks = steps.map((step) => initChecks(step.checks, hooks));
  for (const [index, step] of steps.entries()) {
    const stepRunId = hooks.newRunId();
    const stepRunDir = join(dirname(parent.dir), stepRunId);
    linkToStepRun(step.name, stepRunDir, parent.dir);
    hooks.log("INFO", stepProgressMessage(step, parent.runParams));
    const exitCode = await hooks.runStep(stepRunArgs(step, stepRunDir, parent.runParams), { runsParent: step.isolateRuns ? parent.id : null });
    if (exitCode !== 0) return exitCode;
    if (checks[index].length === 0) continue;
    // A step run that was skipped (--needed) made no directory: there is nothing to check.
    if (!existsSync(stepRunDir)) {
      hooks.log("INFO", `skipping checks for ${step.name}`);
      continue;
    }
    if (!runChecks(checks[index], stepRunId, stepRunDir, hooks.log)) {
      hooks.error("stopping because a check failed");
      return TEST_FAILED;
    }
  }
  return 0;
}

/** Exit status of a stepped run whose checks failed (Guild's TEST_FAILED). */
const TEST_FAILED = 3;

/** A step's `expect` items as checks; an invalid item is dropped with a warning, as Guild does. */
function initChecks(items: readonly unknown[], hooks: StepHooks): RunCheck[] {
  const checks: RunCheck[] = [];
  for (const item of items) {
    try {
      checks.push(initCheck(item, hooks.env ?? {}));
    } catch (error) {
      hooks.log("WARNING", `invalid check ${pyRepr(item)}: ${(error as Error).message}`);
    }
  }
  return checks;
}
