// The question `guild run` asks before a batch: what runs, how many trials, with which flags (run_impl._confirm_run).
import { encodeFlagValue } from "../flags/encode.js";
import { formatOperation } from "../runs/format.js";
import type { FlagDef } from "../../lib/guildfile/index.js";
import type { PyValue } from "../../lib/python/values.js";
import { decodeFlagFunction } from "./search-space.js";
import { batchOpName } from "./optimizers.js";
import type { BatchPlan } from "./run-batch.js";

function formatFlag(name: string, value: PyValue, flags: FlagDef[]): string {
  if (value === null) return `${name}: ${encodeFlagValue(flags.find((flag) => flag.name === name)?.nullLabel ?? "default")}`;
  return `${name}: ${typeof value === "string" && decodeFlagFunction(value) ? value : encodeFlagValue(value)}`;
}

function flagLines(values: Record<string, PyValue>, flags: FlagDef[]): string {
  return Object.keys(values)
    .sort()
    .map((name) => `  ${formatFlag(name, values[name], flags)}\n`)
    .join("");
}

/** The run a `--start` or `--restart` names, which the prompt shows before its operation. */
export interface RestartSubject {
  id: string;
  action: "start";
}

/** The prompt's text up to `Continue?`. */
export function batchPrompt(batch: BatchPlan, countTrials: () => number, restart?: RestartSubject): string {
  const { plan, op, settings, opPlan } = batch;
  const action = plan.params.stage ? "stage" : plan.params.stage_trials ? "stage trials for" : restart ? restart.action : "run";
  const subject = restart ? `${restart.id} (${formatOperation(plan.opref)})` : formatOperation(plan.opref);
  const name = batchOpName(op.opdef);
  const description = name === "+" ? " as a batch" : name === "random" ? " with random search" : ` with ${name} optimizer`;
  const qualifiers: string[] = [];
  if (name === "+") {
    const count = settings.maxTrials === null ? countTrials() : Math.min(countTrials(), settings.maxTrials);
    qualifiers.push(count === 1 ? "1 trial" : `${count} trials`);
  } else if (settings.maxTrials) {
    qualifiers.push(`${settings.maxTrials} trials`);
  }
  if (name !== "+" && name !== "random" && settings.objective) {
    qualifiers.push(settings.objective.startsWith("-") ? `maximize ${settings.objective.slice(1)}` : `minimize ${settings.objective}`);
  }
  const qualifier = qualifiers.length ? ` (${qualifiers.join(", ")})` : "";
  const note = batch.fileTrials && Object.keys(plan.flagValues).length ? " (flags below used unless specified in batch trial)" : "";
  let text = `You are about to ${action} ${subject}${description}${qualifier}${note}\n${flagLines(plan.flagValues, plan.opdef.flags)}`;
  if (opPlan && Object.keys(opPlan.flagValues).length) text += `Optimizer flags:\n${flagLines(opPlan.flagValues, opPlan.opdef.flags)}`;
  else if (Object.keys(settings.flags).length) text += `Optimizer flags:\n${flagLines(settings.flags, [])}`;
  return text + "Continue? (Y/n) ";
}

/** Asks on stderr; true to go on, false when declined, null at end of input. */
export async function confirmBatch(batch: BatchPlan, countTrials: () => number, restart?: RestartSubject): Promise<boolean | null> {
  const { io } = batch.plan.ctx;
  io.stderr(batchPrompt(batch, countTrials, restart));
  const answer = await io.readLine();
  if (answer === null) {
    io.stderr("\n");
    return null;
  }
  return ["", "y", "yes"].includes(answer.trim().toLowerCase());
}
