// The `guild run` arguments for a step run and the progress line Guild logs before running it.
import { flagAssigns } from "../flags/encode.js";
import { pyStr } from "../../lib/python/repr.js";
import type { Step } from "./step.js";
import { pyTruthy } from "./step.js";

/** Step options in Guild's fixed order (steps_main._step_options). */
export function stepOptionArgs(step: Step): string[] {
  const args: string[] = [];
  if (step.batchLabel) args.push("--batch-label", step.batchLabel);
  for (const tag of step.batchTags) args.push("--batch-tag", tag);
  if (step.failOnTrialError) args.push("--fail-on-trial-error");
  if (step.forceFlags) args.push("--force-flags");
  if (step.gpus !== null) args.push("--gpus", step.gpus);
  if (step.label) args.push("--label", step.label);
  if (pyTruthy(step.maxTrials)) args.push("--max-trials", pyStr(step.maxTrials));
  if (step.maximize) args.push("--maximize", step.maximize);
  if (step.minimize) args.push("--minimize", step.minimize);
  if (step.needed) args.push("--needed");
  if (step.noGpus) args.push("--no-gpus");
  for (const flag of step.optFlags) args.push("--opt-flag", flag);
  if (step.optimize) args.push("--optimize");
  if (step.optimizer) args.push("--optimizer", step.optimizer);
  if (step.randomSeed !== null && step.randomSeed !== undefined) args.push("--random-seed", pyStr(step.randomSeed));
  if (step.remote) args.push("--remote", step.remote);
  if (pyTruthy(step.stopAfter)) args.push("--stop-after", pyStr(step.stopAfter));
  for (const tag of step.tags) args.push("--tag", tag);
  return args;
}

/** Arguments from the opspec onward: opspec, parent options, step options, @batch files, flag assigns. */
export function stepOpArgs(step: Step, parentRunParams: Record<string, unknown>): string[] {
  return [
    step.opspec,
    ...(pyTruthy(parentRunParams.stage_trials) ? ["--stage-trials"] : []),
    ...stepOptionArgs(step),
    ...step.batchFiles.map((file) => `@${file}`),
    ...flagAssigns(step.flags),
  ];
}

/** The full `guild run` argument list for a step run (after `run`). */
export function stepRunArgs(step: Step, stepRunDir: string, parentRunParams: Record<string, unknown>): string[] {
  return ["-y", "--force-flags", "--run-dir", stepRunDir, ...stepOpArgs(step, parentRunParams)];
}

/** The message logged at INFO before a step runs: `running NAME: OPSPEC ARGS...` (args not quoted). */
export function stepProgressMessage(step: Step, parentRunParams: Record<string, unknown>): string {
  return `running ${step.name || step.opspec}: ${stepOpArgs(step, parentRunParams).join(" ")}`;
}
