// Flag functions (`uniform[1:5]`, `loguniform[...]`, `[0.1:0.5]`) and flag lists as search dimensions, drawn from a seeded generator.
import { decodeFlagValue } from "../flags/decode.js";
import { PyFloat, numericValue, type PyValue } from "../../lib/python/values.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";

const NAMED_FUNCTION = /^([a-zA-Z0-9_\-.]+)\[(.*)\]$/;

export interface FlagFunction {
  /** null for the anonymous form `[MIN:MAX]`, which is `uniform`. */
  name: string | null;
  args: PyValue[];
}

/** flag_util.decode_flag_function: the function a flag value names, or null when it is not one. */
export function decodeFlagFunction(value: PyValue): FlagFunction | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const named = NAMED_FUNCTION.exec(text);
  let name: string | null;
  let argsText: string;
  if (named) {
    name = named[1];
    argsText = named[2].trim();
  } else if (text.startsWith("[") && text.endsWith("]") && text.includes(":")) {
    name = null;
    argsText = text.slice(1, -1).trim();
  } else {
    return null;
  }
  const args = argsText ? argsText.split(":").map((arg) => decodeFlagValue(arg.trim(), null)) : [];
  return { name, args };
}

/** A search dimension: a range of ints or floats (uniform or log-uniform), or a list of choices. */
export type Dimension =
  | { kind: "int"; low: number; high: number }
  | { kind: "real"; low: number; high: number; log: boolean }
  | { kind: "choice"; values: PyValue[] };

export interface FlagDimension {
  dimension: Dimension;
  /** The function's third argument: the value of the first trial. */
  initial: PyValue | null;
}

/**
 * An error in a flag function. Guild logs some (`ERROR: [guild] ...`) and exits with others
 * (`guild: ...`), both with status 1: `logged` says which.
 */
export class SearchSpaceError extends Error {
  constructor(
    message: string,
    readonly logged = true,
  ) {
    super(message);
  }
}

/** skopt_util.function_dim: the dimension a flag function describes. */
export function functionDimension(fn: FlagFunction, flagName: string): FlagDimension {
  const name = fn.name ?? "uniform";
  if (name !== "uniform" && name !== "loguniform") throw new SearchSpaceError(`unknown function '${name}' used for flag ${flagName}`);
  if (fn.args.length < 2 || fn.args.length > 3) {
    const tuple = fn.args.length === 1 ? `(${pyRepr(fn.args[0])},)` : `(${fn.args.map((arg) => pyRepr(arg)).join(", ")})`;
    throw new SearchSpaceError(`${name} requires 2 or 3 args, got ${tuple} for flag ${flagName}`);
  }
  const [low, high, initial] = fn.args;
  const lowNumber = numericValue(low);
  const highNumber = numericValue(high);
  const invalidArgs = (reason: string) =>
    new SearchSpaceError(`invalid function args in '${flagName}=${name}[${fn.args.map((arg) => pyStr(arg)).join(":")}]': ${reason}`, false);
  if (lowNumber === null || highNumber === null) throw invalidArgs("the bounds must be numbers");
  if (lowNumber >= highNumber) throw invalidArgs(`the lower bound ${pyStr(low)} has to be less than the upper bound ${pyStr(high)}`);
  const isInt = (value: PyValue) => typeof value === "number" && Number.isInteger(value);
  const dimension: Dimension =
    name === "uniform" && isInt(low) && isInt(high)
      ? { kind: "int", low: lowNumber, high: highNumber }
      : { kind: "real", low: lowNumber, high: highNumber, log: name === "loguniform" };
  return { dimension, initial: initial ?? null };
}

/** skopt_util._flag_dim: a list is a choice, a flag function a range; any other value is no dimension (null). */
export function flagDimension(value: PyValue, flagName: string): FlagDimension | null {
  if (Array.isArray(value)) return { dimension: { kind: "choice", values: value }, initial: null };
  const fn = decodeFlagFunction(value);
  if (!fn) return null;
  return functionDimension(fn, flagName);
}

/** A seeded generator of floats in [0, 1) (mulberry32): one seed always gives the same draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One value drawn from a dimension. */
export function drawValue(dimension: Dimension, random: () => number): PyValue {
  switch (dimension.kind) {
    case "int":
      return dimension.low + Math.floor(random() * (dimension.high - dimension.low + 1));
    case "real":
      if (dimension.log) {
        const [low, high] = [Math.log(dimension.low), Math.log(dimension.high)];
        return new PyFloat(Math.exp(low + random() * (high - low)));
      }
      return new PyFloat(dimension.low + random() * (dimension.high - dimension.low));
    case "choice":
      return dimension.values[Math.floor(random() * dimension.values.length)];
  }
}
