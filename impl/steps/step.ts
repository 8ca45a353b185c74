// A stepped operation's steps: validated step data turned into the run parameters of each step run.
import { decodeFlagValue } from "../flags/decode.js";
import { flagAssigns } from "../flags/encode.js";
import { resolveRefs, UndefinedReferenceError, ReferenceCycleError } from "../flags/refs.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";
import { isMapping, pyEquals, PyFloat } from "../../lib/python/values.js";
import { parseRunSpec, StepError, type RunArgsParser } from "./run-spec.js";
import { applyDefaultModel } from "./opspec.js";

/** Run parameters a step may set; any other parameter in a run spec is warned about and ignored. */
export const STEP_USED_PARAMS = new Set([
  "additional_deps", "batch_label", "batch_tags", "break_", "break_on_error", "fail_on_trial_error",
  "flags", "force_flags", "gpus", "label", "max_trials", "maximize", "minimize", "needed", "no_gpus",
  "opspec", "opt_flags", "optimize", "optimizer", "random_seed", "remote", "stop_after", "tags",
]);

export interface ParentRunInfo {
  id: string;
  /** The parent's `flags` attr. */
  flags: Record<string, unknown>;
  /** Model of the parent's opref ('' for the anonymous model). */
  modelName: string;
  /** The parent's `run_params` attr. */
  runParams: Record<string, unknown>;
}

export interface StepContext {
  /** Parses a run spec's words with `guild run`'s own options and arguments. */
  parseRunArgs: RunArgsParser;
  /** Receives Guild's warnings (without the `WARNING: [guild] ` prefix). */
  warn: (message: string) => void;
  /** Home directory for `~` expansion of flag assignments. */
  homeDir?: string;
}

export interface Step {
  /** Step name: data `name`, else the opspec as written. Used for the link and the progress line. */
  name: string;
  /** Opspec with the parent's model applied (`m4:prepare`). */
  opspec: string;
  batchFiles: string[];
  flags: Record<string, unknown>;
  batchLabel: string | null;
  batchTags: string[];
  failOnTrialError: boolean;
  forceFlags: boolean;
  gpus: string | null;
  label: string | null;
  maxTrials: unknown;
  maximize: string | null;
  minimize: string | null;
  needed: boolean;
  noGpus: boolean;
  optFlags: string[];
  optimize: boolean;
  optimizer: string | null;
  randomSeed: unknown;
  remote: string | null;
  stopAfter: unknown;
  tags: string[];
  isolateRuns: boolean;
  /** Raw `expect` checks. */
  checks: unknown[];
}

/** Python truthiness of a decoded value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isMapping(value)) return Object.keys(value).length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  return true;
}

function coerceStepData(data: unknown): Record<string, unknown> {
  let coerced: Record<string, unknown>;
  if (typeof data === "string") coerced = { run: data };
  else if (isMapping(data)) coerced = { ...data };
  else throw new StepError(`invalid step data: ${pyRepr(data)}`);
  if ("flags" in coerced) {
    const flags = coerced.flags;
    if (Array.isArray(flags)) coerced.flags = flags;
    else if (isMapping(flags)) coerced.flags = flagAssigns(flags);
    else throw new StepError(`invalid flags value ${pyRepr(flags)}`);
  }
  return coerced;
}

function expandUser(arg: string, homeDir: string | undefined): string {
  if (!homeDir || !arg.startsWith("~")) return arg;
  if (arg.length === 1 || arg[1] === "/") return homeDir + arg.slice(1);
  return arg;
}

function parseFlagAssigns(args: string[], homeDir: string | undefined): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  const errors = new Map<string, string>();
  for (const raw of args.map((arg) => expandUser(arg, homeDir))) {
    const equals = raw.indexOf("=");
    if (equals < 0) {
      errors.set(raw, raw);
      continue;
    }
    flags[raw.slice(0, equals)] = decodeFlagValue(raw.slice(equals + 1));
  }
  if (errors.size > 0) throw new StepError(`invalid argument(s):\n${[...errors.values()].join("\n")}\nexpected NAME=VAL`);
  return flags;
}

function prefixedFlags(prefixes: string[], flags: Record<string, unknown>): Record<string, unknown> {
  const prefixed: Record<string, unknown> = {};
  for (const prefix of prefixes) {
    for (const [name, value] of Object.entries(flags)) {
      if (!name.startsWith(prefix)) continue;
      const stripped = name.slice(prefix.length);
      if (!(stripped in prefixed)) prefixed[stripped] = value;
    }
  }
  return prefixed;
}

function resolveParentRefs(value: unknown, parentFlags: Record<string, unknown>): unknown {
  try {
    return resolveRefs(value, parentFlags);
  } catch (error) {
    if (error instanceof UndefinedReferenceError) throw new StepError(`undefined reference '${error.reference}' in ${pyRepr(value)}`);
    if (error instanceof ReferenceCycleError) throw new StepError(`reference cycle in ${pyRepr(value)}`);
    throw error;
  }
}

function resolveToString(value: unknown, parentFlags: Record<string, unknown>): string | null {
  const resolved = resolveParentRefs(value, parentFlags);
  return resolved === null || resolved === undefined ? null : pyStr(resolved);
}

function listParam(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return [...value];
  if (value === null || value === undefined) return [];
  return isMapping(value) ? Object.keys(value) : [value];
}

/** One step from its raw data (string or mapping), as steps_main.Step does. */
export function buildStep(data: unknown, parent: ParentRunInfo, context: StepContext): Step {
  const stepData = coerceStepData(data);
  const runValue = stepData.run ?? "";
  const runSpec = (typeof runValue === "string" ? runValue : pyStr(runValue)).trim();
  if (!runSpec) throw new StepError(`invalid step ${pyRepr(stepData)}: must define run`);
  const { params, given, defaults } = parseRunSpec(runSpec, context.parseRunArgs);
  const fromData = new Set<string>();
  for (const name of Object.keys(params).sort()) {
    if (STEP_USED_PARAMS.has(name)) {
      const dataName = name.replace(/_/g, "-");
      if (dataName in stepData && !pyEquals(stepData[dataName], defaults[name] ?? null)) {
        params[name] = stepData[dataName];
        fromData.add(name);
      }
    } else if (given.has(name) && !pyEquals(params[name], defaults[name] ?? null)) {
      context.warn(`run parameter ${name} used in ${pyRepr(runSpec)} ignored`);
    }
  }
  if ("label" in parent.runParams && (params.label === null || params.label === undefined)) params.label = parent.runParams.label;
  const tagsUnset = !fromData.has("tags") && listParam(params.tags).length === 0;
  if ("tags" in parent.runParams && tagsUnset) params.tags = parent.runParams.tags;
  const opspecParam = params.opspec;
  if (!opspecParam) throw new StepError(`invalid step ${pyRepr(stepData)}: must define an operation`);
  const opspecText = pyStr(opspecParam);
  const opspec = applyDefaultModel(opspecText, parent.modelName);
  const name = pyTruthy(stepData.name) ? pyStr(stepData.name) : opspecText;
  const flagArgs = listParam(params.flags).map((arg) => pyStr(arg));
  const batchFiles = flagArgs.filter((arg) => arg.startsWith("@")).map((arg) => arg.slice(1));
  const assigns = flagArgs.filter((arg) => !arg.startsWith("@"));
  const parentFlags = parent.flags ?? {};
  const flags = parseFlagAssigns(assigns, context.homeDir);
  Object.assign(flags, prefixedFlags([`${opspec}:`, `${name}:`], parentFlags));
  const resolvedFlags: Record<string, unknown> = {};
  for (const [flagName, value] of Object.entries(flags)) {
    const resolved = resolveParentRefs(value, parentFlags);
    if (resolved !== null && resolved !== undefined) resolvedFlags[flagName] = resolved;
  }
  const text = (value: unknown) => (value === null || value === undefined ? null : pyStr(value));
  const expect = stepData.expect;
  return {
    name,
    opspec,
    batchFiles,
    flags: resolvedFlags,
    batchLabel: text(params.batch_label),
    batchTags: listParam(params.batch_tags).map(pyStr),
    failOnTrialError: pyTruthy(params.fail_on_trial_error),
    forceFlags: pyTruthy(params.force_flags),
    gpus: resolveToString(params.gpus ?? null, parentFlags),
    label: resolveToString(params.label ?? null, parentFlags),
    maxTrials: params.max_trials ?? null,
    maximize: text(params.maximize),
    minimize: text(params.minimize),
    needed: pyTruthy(params.needed),
    noGpus: pyTruthy(params.no_gpus),
    optFlags: listParam(params.opt_flags).map(pyStr),
    optimize: pyTruthy(params.optimize),
    optimizer: text(params.optimizer),
    randomSeed: params.random_seed ?? null,
    remote: text(params.remote),
    stopAfter: params.stop_after ?? null,
    tags: listParam(params.tags).map((tag) => resolveToString(tag, parentFlags) ?? "None"),
    isolateRuns: "isolate-runs" in stepData ? pyTruthy(stepData["isolate-runs"]) : true,
    checks: expect === null || expect === undefined || expect === false ? [] : Array.isArray(expect) ? expect : [expect],
  };
}

/**
 * All steps of a stepped run, validated before any runs (steps_main._init_steps). Empty when the
 * run has no steps; throws StepError with Guild's message for invalid data.
 */
export function buildSteps(stepsData: unknown, parent: ParentRunInfo, context: StepContext): Step[] {
  if (!pyTruthy(stepsData)) return [];
  if (!Array.isArray(stepsData)) throw new StepError(`invalid steps data ${pyRepr(stepsData)}: expected list`);
  return stepsData.map((data) => buildStep(data, parent, context));
}
