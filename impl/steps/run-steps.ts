// Runs a stepped operation's steps in order (steps_main): validate all, then per step link, log and run.
import { join, dirname } from "node:path";
import { buildSteps, type ParentRunInfo, type StepContext } from "./step.js";
import { stepProgressMessage, stepRunArgs } from "./step-command.js";
import { linkToStepRun } from "./step-link.js";
import { StepError } from "./run-spec.js";

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
  log: (level: "INFO" | "WARNING", message: string) => void;
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
  for (const step of steps) {
    const stepRunDir = join(dirname(parent.dir), hooks.newRunId());
    linkToStepRun(step.name, stepRunDir, parent.dir);
    hooks.log("INFO", stepProgressMessage(step, parent.runParams));
    const exitCode = await hooks.runStep(stepRunArgs(step, stepRunDir, parent.runParams), { runsParent: step.isolateRuns ? parent.id : null });
    if (exitCode !== 0) return exitCode;
  }
  return 0;
}
