// Binds Python call arguments to a helper's parameters, with CPython's TypeError messages.
import { PyError, type PyValue } from "../py/index.js";

export interface Param {
  name: string;
  /** Absent: the parameter is required. */
  default?: PyValue;
}

/** Maps each parameter to its value; raises TypeError as Python would for a bad call. */
export function bindArgs(functionName: string, params: readonly Param[], args: readonly PyValue[], kwargs: ReadonlyMap<string, PyValue>): Map<string, PyValue> {
  if (args.length > params.length) {
    throw new PyError("TypeError", `${functionName}() takes ${describeCount(params)} but ${args.length} ${args.length === 1 ? "was" : "were"} given`);
  }
  const bound = new Map<string, PyValue>();
  args.forEach((value, index) => bound.set(params[index].name, value));
  for (const [name, value] of kwargs) {
    if (!params.some((param) => param.name === name)) {
      throw new PyError("TypeError", `${functionName}() got an unexpected keyword argument '${name}'`);
    }
    if (bound.has(name)) throw new PyError("TypeError", `${functionName}() got multiple values for argument '${name}'`);
    bound.set(name, value);
  }
  const missing = params.filter((param) => !bound.has(param.name) && param.default === undefined).map((param) => `'${param.name}'`);
  if (missing.length > 0) {
    const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    throw new PyError("TypeError", `${functionName}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${names}`);
  }
  for (const param of params) {
    if (!bound.has(param.name) && param.default !== undefined) bound.set(param.name, param.default);
  }
  return bound;
}

function describeCount(params: readonly Param[]): string {
  const required = params.filter((param) => param.default === undefined).length;
  const total = params.length;
  const count = required === total ? String(total) : `from ${required} to ${total}`;
  return `${count} positional argument${total === 1 && required === total ? "" : "s"}`;
}
