// Binding call arguments of built-in functions and methods, with CPython's error messages.
import { PyError } from "./errors.js";
import { pyRepr } from "./repr.js";
import { maxSsize } from "./limits.js";
import { asBigInt } from "./operators.js";
import { typeNameOf, type PyValue } from "./values.js";

/** What a built-in accepts: parameter names in order, how many are required, which may be keywords. */
export interface Signature {
  name: string;
  params: readonly string[];
  required?: number;
  /** Parameters that may be passed by keyword (none unless listed). */
  keywords?: readonly string[];
}

/** Binds positional and keyword arguments to parameters; missing optional ones are undefined. */
export function bindArgs(signature: Signature, args: PyValue[], kwargs: Map<string, PyValue>): (PyValue | undefined)[] {
  const { name, params } = signature;
  const required = signature.required ?? params.length;
  const keywords = signature.keywords ?? [];
  if (kwargs.size > 0 && keywords.length === 0) throw new PyError("TypeError", `${name}() takes no keyword arguments`);
  if (args.length > params.length) {
    if (params.length === 1 && required === 1) throw new PyError("TypeError", `${name}() takes exactly one argument (${args.length} given)`);
    if (params.length === 0) throw new PyError("TypeError", `${name}() takes no arguments (${args.length} given)`);
    throw new PyError("TypeError", `${name}() takes at most ${params.length} argument${plural(params.length)} (${args.length} given)`);
  }
  const bound: (PyValue | undefined)[] = params.map((_, index) => args[index]);
  for (const [key, value] of kwargs) {
    const index = params.indexOf(key);
    if (index < 0 || !keywords.includes(key)) throw new PyError("TypeError", `'${key}' is an invalid keyword argument for ${name}()`);
    if (bound[index] !== undefined) throw new PyError("TypeError", `argument for ${name}() given by name ('${key}') and position (${index + 1})`);
    bound[index] = value;
  }
  const given = bound.slice(0, required).filter((value) => value !== undefined).length;
  if (given < required) {
    if (params.length === 1 && required === 1) throw new PyError("TypeError", `${name}() takes exactly one argument (${given} given)`);
    throw new PyError("TypeError", `${name}() takes at least ${required} argument${plural(required)} (${given} given)`);
  }
  return bound;
}

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/** An argument that must be an int (bools count), of any size. */
export function toBigIndex(value: PyValue): bigint {
  const integer = asBigInt(value);
  if (integer === undefined) throw new PyError("TypeError", `'${typeNameOf(value)}' object cannot be interpreted as an integer`);
  return integer;
}

/** An argument that must be an int fitting a C Py_ssize_t (bools count), as a JS number. */
export function toIndex(value: PyValue): number {
  const integer = toBigIndex(value);
  if (integer > maxSsize || integer < -maxSsize - 1n) throw new PyError("OverflowError", "Python int too large to convert to C ssize_t");
  return Number(integer);
}

/** An int argument that CPython clamps to the Py_ssize_t range (slice bounds, start and end of a search). */
export function toClampedIndex(value: PyValue): number {
  return Number(toBigIndex(value));
}

/** An argument that must be a str. */
export function toText(value: PyValue, context?: string): string {
  if (value.kind !== "str") throw new PyError("TypeError", `${context ? context + " " : ""}must be str, not ${typeNameOf(value)}`);
  return value.value;
}

/** A value's repr for messages such as `5 is not in list`. */
export function show(value: PyValue): string {
  return pyRepr(value);
}
