// Binding call arguments to the parameters of lambdas and `def` functions.
import type { Param } from "./ast.js";
import { pyDict } from "./dict.js";
import { PyError } from "./errors.js";
import { pyStr, pyTuple, type PyValue } from "./values.js";

/** A parameter with its default already evaluated (defaults are evaluated once, at definition). */
export interface BoundParam { param: Param; default?: PyValue }

/** Maps arguments to parameter names, raising CPython's TypeErrors for mismatches. */
export function bindParameters(functionName: string, params: BoundParam[], args: PyValue[], kwargs: Map<string, PyValue>): Map<string, PyValue> {
  const bound = new Map<string, PyValue>();
  const positional = params.filter((entry) => entry.param.kind === "normal");
  const star = params.find((entry) => entry.param.kind === "star");
  const doubleStar = params.find((entry) => entry.param.kind === "doublestar");
  const label = `${functionName}()`;
  if (args.length > positional.length && !star) {
    const expected = positional.length;
    throw new PyError("TypeError", `${label} takes ${expected} positional argument${expected === 1 ? "" : "s"} but ${args.length} ${args.length === 1 ? "was" : "were"} given`);
  }
  positional.forEach((entry, index) => {
    if (index < args.length) bound.set(entry.param.name, args[index]!);
  });
  if (star) bound.set(star.param.name, pyTuple(args.slice(positional.length)));
  const keywordOnly = params.filter((entry) => entry.param.kind === "keyword");
  const extra: [PyValue, PyValue][] = [];
  for (const [name, value] of kwargs) {
    const target = positional.find((entry) => entry.param.name === name) ?? keywordOnly.find((entry) => entry.param.name === name);
    if (target) {
      if (bound.has(name)) throw new PyError("TypeError", `${label} got multiple values for argument '${name}'`);
      bound.set(name, value);
    } else if (doubleStar) {
      extra.push([pyStr(name), value]);
    } else {
      throw new PyError("TypeError", `${label} got an unexpected keyword argument '${name}'`);
    }
  }
  if (doubleStar) bound.set(doubleStar.param.name, pyDict(extra));
  const missing: string[] = [];
  for (const entry of positional) {
    if (bound.has(entry.param.name)) continue;
    if (entry.default !== undefined) bound.set(entry.param.name, entry.default);
    else missing.push(entry.param.name);
  }
  if (missing.length > 0) {
    const names = missing.map((name) => `'${name}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw new PyError("TypeError", `${label} missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
  }
  const missingKeywords: string[] = [];
  for (const entry of keywordOnly) {
    if (bound.has(entry.param.name)) continue;
    if (entry.default !== undefined) bound.set(entry.param.name, entry.default);
    else missingKeywords.push(`'${entry.param.name}'`);
  }
  if (missingKeywords.length > 0) {
    const list = missingKeywords.length === 1 ? missingKeywords[0] : `${missingKeywords.slice(0, -1).join(", ")} and ${missingKeywords[missingKeywords.length - 1]}`;
    throw new PyError("TypeError", `${label} missing ${missingKeywords.length} required keyword-only argument${missingKeywords.length === 1 ? "" : "s"}: ${list}`);
  }
  return bound;
}
