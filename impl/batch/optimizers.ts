// Which batch operation runs a batch: `--optimizer`, `--optimize`, the Guild file's optimizers, or one implied by flag values.
import { CliError } from "../io.js";
import { resolveOpdef } from "../ops/opspec.js";
import { isMapping, type PyValue } from "../../lib/python/values.js";
import type { Guildfile, OpDef } from "../../lib/guildfile/index.js";
import { decodeFlagFunction } from "./search-space.js";
import type { Trial } from "./trials.js";
import { skoptOpName, type SkoptOpName } from "./skopt/optimizer-ops.js";

/** An optimizer of an operation (guildfile.OptimizerDef): its name, the opspec it runs, its flag values. */
export interface OptimizerDef {
  name: string;
  opspec: string;
  default: boolean;
  flags: Record<string, PyValue>;
}

function coerceItem(data: PyValue): Record<string, PyValue> {
  if (typeof data === "string") return { algorithm: data };
  return isMapping(data) ? data : {};
}

/** guildfile._init_optimizers: `optimizer:` or `optimizers:` (a mapping or a list of names), sorted by name. */
export function optimizerDefs(opdef: OpDef): OptimizerDef[] {
  const raw = opdef.raw;
  let items: Record<string, PyValue>;
  if (raw.optimizers !== undefined && raw.optimizers !== null) {
    const data = raw.optimizers;
    items = Array.isArray(data) ? Object.fromEntries(data.map((name) => [String(name), {}])) : isMapping(data) ? data : {};
  } else if (raw.optimizer !== undefined && raw.optimizer !== null) {
    const item = coerceItem(raw.optimizer);
    items = { [String(item.algorithm)]: item };
  } else {
    items = {};
  }
  return Object.keys(items)
    .sort()
    .map((name) => {
      const { algorithm, default: isDefault, ...flags } = coerceItem(items[name]);
      return { name, opspec: typeof algorithm === "string" && algorithm ? algorithm : name, default: Boolean(isDefault), flags };
    });
}

/** The optimizer `--optimize` picks: the one marked default, else the first by name; null when there is none. */
export function defaultOptimizer(opdef: OpDef): OptimizerDef | null {
  const defs = optimizerDefs(opdef);
  return defs.find((def) => def.default) ?? defs[0] ?? null;
}

/** Guild's default optimizer when an operation declares none (Bayesian with gaussian processes). */
const DEFAULT_OPTIMIZER = "gp";

/** Built-in batch operations: the name Guild records them under (opref model and op). */
export interface BuiltinBatchOp {
  kind: "builtin";
  /** `+` (grid and batch files), `random`, or a scikit-optimize optimizer. */
  opName: "+" | "random" | SkoptOpName;
  modelName: "" | "skopt";
  defaultMaxTrials: number | null;
}

export interface GuildfileBatchOp {
  kind: "guildfile";
  opdef: OpDef;
}

export type BatchOpdef = BuiltinBatchOp | GuildfileBatchOp;

export interface BatchOp {
  opdef: BatchOpdef;
  /** Flag values from the optimizer's definition in the Guild file (before `-Fo`). */
  flags: Record<string, PyValue>;
}

const GRID: BuiltinBatchOp = { kind: "builtin", opName: "+", modelName: "", defaultMaxTrials: null };
const RANDOM: BuiltinBatchOp = { kind: "builtin", opName: "random", modelName: "skopt", defaultMaxTrials: 20 };
/** skopt.ProxyBase: the sequential optimizers run 20 trials unless told otherwise. */
function skoptBatchOp(opName: SkoptOpName): BuiltinBatchOp {
  return { kind: "builtin", opName, modelName: "skopt", defaultMaxTrials: 20 };
}

/** The built-in batch operation a batch run's opref names (`+`, `skopt:random`, `skopt:gp`), or null. */
export function builtinBatchOp(opName: string): BuiltinBatchOp | null {
  if (opName === "+") return GRID;
  if (opName === "random") return RANDOM;
  const skopt = skoptOpName(opName);
  return skopt === opName ? skoptBatchOp(skopt) : null;
}

/** The scikit-optimize optimizer a built-in batch op is, or null for grid and random search. */
export function sequentialOptimizer(op: BuiltinBatchOp): SkoptOpName | null {
  return op.opName === "+" || op.opName === "random" ? null : op.opName;
}

/** op_util.opdef_for_opspec for a batch: the Guild file first, then Guild's built-in batch operations. */
export function batchOpdefForOpspec(guildfile: Guildfile, opspec: string): BatchOpdef {
  try {
    return { kind: "guildfile", opdef: resolveOpdef(guildfile, opspec) };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (opspec === "+") return GRID;
    if (opspec === "random" || opspec === "skopt:random") return RANDOM;
    const skopt = skoptOpName(opspec);
    if (skopt) return skoptBatchOp(skopt);
    throw error;
  }
}

/** run_impl._batch_opspec_for_flags: a flag function implies random search, a list a grid; else none. */
function impliedOpspec(flagValues: Trial, trials: Trial[] | null): string | null {
  let hasList = false;
  for (const value of Object.values(flagValues)) {
    if (decodeFlagFunction(value)) return "random";
    hasList ||= Array.isArray(value);
  }
  return hasList || trials ? "+" : null;
}

export interface BatchChoice {
  optimizer: string | null;
  optimize: boolean;
}

/** run_impl._batch_op_init_for_opdef: the batch op for a run, or null when the run is not a batch. */
export function batchOpFor(guildfile: Guildfile, opdef: OpDef, choice: BatchChoice, flagValues: Trial, trials: Trial[] | null): BatchOp | null {
  if (choice.optimizer) {
    const named = optimizerDefs(opdef).find((def) => def.name === choice.optimizer);
    if (named) return { opdef: batchOpdefForOpspec(guildfile, named.opspec), flags: named.flags };
    return { opdef: batchOpdefForOpspec(guildfile, choice.optimizer), flags: {} };
  }
  if (choice.optimize) {
    const optimizer = defaultOptimizer(opdef);
    if (optimizer) return { opdef: batchOpdefForOpspec(guildfile, optimizer.opspec), flags: optimizer.flags };
    return { opdef: batchOpdefForOpspec(guildfile, DEFAULT_OPTIMIZER), flags: {} };
  }
  const implied = impliedOpspec(flagValues, trials);
  return implied ? { opdef: batchOpdefForOpspec(guildfile, implied), flags: {} } : null;
}

/** The batch op's name as Guild shows it in prompts (`+`, `random`, `skopt:gp`, `tune-echo`). */
export function batchOpName(op: BatchOpdef): string {
  if (op.kind === "guildfile") return op.opdef.fullname;
  return sequentialOptimizer(op) ? `${op.modelName}:${op.opName}` : op.opName;
}
