// The builtins namespace: print, len, sorted, min, max, ... plus the built-in classes.
import { bindArgs, toBigIndex } from "./args.js";
import { builtinExceptionTypes, builtinTypes, isInstance, typeOf } from "./builtin-types.js";
import { PyError } from "./errors.js";
import { fixedDigits } from "../../lib/python/float.js";
import { formatValue } from "./format.js";
import { pyCompare } from "./compare.js";
import { codePointCount, codePoints, iterate, rangeLength } from "./iteration.js";
import { checkSize, maxSsize, type Budget } from "./limits.js";
import { asBigInt, binaryOp, isTruthy } from "./operators.js";
import { pyRepr, pyStrOf } from "./repr.js";
import type { Runtime } from "./runtime.js";
import { sortValues } from "./sort.js";
import {
  pyBool, pyFloat, pyFunction, pyInt, pyIterator, pyList, pyNone, pyStr, pyTuple, typeNameOf,
  type NativeImpl, type PyValue,
} from "./values.js";

/** len(value), shared with the evaluator. */
export function lengthOf(value: PyValue): number {
  switch (value.kind) {
    case "str": return codePointCount(value.value);
    case "bytes": return value.value.length;
    case "list": case "tuple": return value.items.length;
    case "dict": case "set": return value.entries.size;
    case "dictview": return value.dict.entries.size;
    case "range": {
      const length = rangeLength(value.start, value.stop, value.step);
      if (length > maxSsize) throw new PyError("OverflowError", "Python int too large to convert to C ssize_t");
      return Number(length);
    }
    default: throw new PyError("TypeError", `object of type '${typeNameOf(value)}' has no len()`);
  }
}

/** What print() writes, its length checked before the join is built (the output itself costs steps when printed). */
function joinPrinted(texts: readonly string[], separator: string, budget: Budget): string {
  let length = Math.max(texts.length - 1, 0) * separator.length;
  for (const text of texts) length += text.length;
  checkSize(length, budget.limits);
  return texts.join(separator);
}

function printImpl(write: (text: string) => void, budget: Budget): NativeImpl {
  return (args, kwargs) => {
    let sep = " ";
    let end = "\n";
    for (const [name, value] of kwargs) {
      if (name !== "sep" && name !== "end" && name !== "file" && name !== "flush") {
        throw new PyError("TypeError", `'${name}' is an invalid keyword argument for print()`);
      }
      if (name === "sep" || name === "end") {
        if (value.kind !== "str" && value.kind !== "none") throw new PyError("TypeError", `${name} must be None or a string, not ${typeNameOf(value)}`);
        if (value.kind === "str") {
          if (name === "sep") sep = value.value;
          else end = value.value;
        }
      }
    }
    write(joinPrinted(args.map((arg) => pyStrOf(arg, budget.limits)), sep, budget) + end);
    return pyNone;
  };
}

function extreme(name: "min" | "max", runtime: Runtime): NativeImpl {
  const { budget } = runtime;
  return async (args, kwargs) => {
    for (const key of kwargs.keys()) {
      if (key !== "key" && key !== "default") throw new PyError("TypeError", `'${key}' is an invalid keyword argument for ${name}()`);
    }
    if (args.length === 0) throw new PyError("TypeError", `${name} expected at least 1 argument, got 0`);
    const items = args.length === 1 ? iterate(args[0]!, budget) : args;
    const key = kwargs.get("key");
    if (items.length === 0) {
      const fallback = kwargs.get("default");
      if (fallback) return fallback;
      throw new PyError("ValueError", `${name}() arg is an empty sequence`);
    }
    let best = items[0]!;
    let bestKey = key && key.kind !== "none" ? await runtime.call(key, [best]) : best;
    for (const item of items.slice(1)) {
      const itemKey = key && key.kind !== "none" ? await runtime.call(key, [item]) : item;
      if (pyCompare(name === "min" ? "<" : ">", itemKey, bestKey, budget.limits.maxDepth)) {
        best = item;
        bestKey = itemKey;
      }
    }
    return best;
  };
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (difference > 0.5) return floor + 1;
  if (difference < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The shortest of some item lists (zip and map stop at it), without spreading them into arguments. */
function shortest(lists: readonly PyValue[][]): number {
  return lists.reduce((length, list) => Math.min(length, list.length), lists.length === 0 ? 0 : Infinity);
}

function builtinFunctions(runtime: Runtime, print: (text: string) => void): [string, NativeImpl][] {
  const { budget } = runtime;
  const { limits } = budget;
  const iterateAll = (value: PyValue) => iterate(value, budget);
  return [
    ["print", printImpl(print, budget)],
    ["len", (args, kwargs) => pyInt(lengthOf(bindArgs({ name: "len", params: ["obj"] }, args, kwargs)[0]!))],
    ["repr", (args, kwargs) => pyStr(pyRepr(bindArgs({ name: "repr", params: ["obj"] }, args, kwargs)[0]!, limits))],
    ["sorted", async (args, kwargs) => {
      const [iterable, key, reverse] = bindArgs({ name: "sorted", params: ["iterable", "key", "reverse"], required: 1, keywords: ["key", "reverse"] }, args, kwargs);
      if (args.length > 1) throw new PyError("TypeError", `sorted expected 1 argument, got ${args.length}`);
      return pyList(await sortValues(iterateAll(iterable!), key, reverse, runtime));
    }],
    ["min", extreme("min", runtime)],
    ["max", extreme("max", runtime)],
    ["sum", (args, kwargs) => {
      const [iterable, start] = bindArgs({ name: "sum", params: ["iterable", "start"], required: 1, keywords: ["start"] }, args, kwargs);
      if (start?.kind === "str") throw new PyError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
      return iterateAll(iterable!).reduce((total, item) => binaryOp("+", total, item, budget), start ?? pyInt(0));
    }],
    ["abs", (args, kwargs) => {
      const [value] = bindArgs({ name: "abs", params: ["x"] }, args, kwargs);
      const integer = asBigInt(value!);
      if (integer !== undefined) return pyInt(integer < 0n ? -integer : integer);
      if (value!.kind === "float") return pyFloat(Math.abs(value!.value));
      throw new PyError("TypeError", `bad operand type for abs(): '${typeNameOf(value!)}'`);
    }],
    ["round", (args, kwargs) => {
      const [value, digits] = bindArgs({ name: "round", params: ["number", "ndigits"], required: 1, keywords: ["number", "ndigits"] }, args, kwargs);
      const integer = asBigInt(value!);
      if (integer !== undefined) return pyInt(integer);
      if (value!.kind !== "float") throw new PyError("TypeError", `type ${typeNameOf(value!)} doesn't define __round__ method`);
      if (digits === undefined || digits.kind === "none") return pyInt(BigInt(roundHalfEven(value!.value)));
      const places = Number(toBigIndex(digits));
      if (!Number.isFinite(value!.value)) return value!;
      // Past the range of a double, rounding leaves the value as it is or makes it zero.
      if (places > 330) return value!;
      if (places < -330) return pyFloat(value!.value < 0 ? -0 : 0);
      const rounded = places >= 0 ? Number(fixedDigits(value!.value, Math.min(places, 330))) : roundHalfEven(Math.abs(value!.value) / 10 ** -places) * 10 ** -places;
      return pyFloat(value!.value < 0 ? -rounded : rounded);
    }],
    ["isinstance", (args, kwargs) => {
      const [value, classes] = bindArgs({ name: "isinstance", params: ["obj", "class_or_tuple"] }, args, kwargs);
      const candidates = classes!.kind === "tuple" ? classes!.items : [classes!];
      return pyBool(candidates.some((candidate) => {
        if (candidate.kind !== "type") throw new PyError("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return isInstance(value!, candidate);
      }));
    }],
    ["type", (args, kwargs) => typeOf(bindArgs({ name: "type", params: ["object"] }, args, kwargs)[0]!)],
    ["enumerate", (args, kwargs) => {
      const [iterable, start] = bindArgs({ name: "enumerate", params: ["iterable", "start"], required: 1, keywords: ["iterable", "start"] }, args, kwargs);
      const first = start === undefined ? 0n : toBigIndex(start);
      return pyIterator("enumerate", iterateAll(iterable!).map((item, index) => pyTuple([pyInt(first + BigInt(index)), item])));
    }],
    ["zip", (args) => {
      const lists = args.map(iterateAll);
      const length = shortest(lists);
      budget.build(length * lists.length);
      return pyIterator("zip", Array.from({ length }, (_, index) => pyTuple(lists.map((list) => list[index]!))));
    }],
    ["map", async (args) => {
      if (args.length < 2) throw new PyError("TypeError", "map() must have at least two arguments.");
      const lists = args.slice(1).map(iterateAll);
      const length = shortest(lists);
      const results: PyValue[] = [];
      for (let index = 0; index < length; index++) results.push(await runtime.call(args[0]!, lists.map((list) => list[index]!)));
      return pyIterator("map", results);
    }],
    ["filter", async (args, kwargs) => {
      const [predicate, iterable] = bindArgs({ name: "filter", params: ["function", "iterable"] }, args, kwargs);
      const kept: PyValue[] = [];
      for (const item of iterateAll(iterable!)) {
        const verdict = predicate!.kind === "none" ? item : await runtime.call(predicate!, [item]);
        if (isTruthy(verdict)) kept.push(item);
      }
      return pyIterator("filter", kept);
    }],
    ["reversed", (args, kwargs) => {
      const [sequence] = bindArgs({ name: "reversed", params: ["sequence"] }, args, kwargs);
      if (sequence!.kind === "set" || sequence!.kind === "iterator") throw new PyError("TypeError", `'${typeNameOf(sequence!)}' object is not reversible`);
      return pyIterator(sequence!.kind === "list" ? "list_reverseiterator" : "reversed", iterateAll(sequence!).reverse());
    }],
    ["any", (args, kwargs) => pyBool(iterateAll(bindArgs({ name: "any", params: ["iterable"] }, args, kwargs)[0]!).some(isTruthy))],
    ["all", (args, kwargs) => pyBool(iterateAll(bindArgs({ name: "all", params: ["iterable"] }, args, kwargs)[0]!).every(isTruthy))],
    ["iter", (args, kwargs) => {
      const [iterable] = bindArgs({ name: "iter", params: ["object"] }, args, kwargs);
      return iterable!.kind === "iterator" ? iterable! : pyIterator(`${typeNameOf(iterable!)}_iterator`, iterateAll(iterable!));
    }],
    ["next", (args, kwargs) => {
      const [iterator, fallback] = bindArgs({ name: "next", params: ["iterator", "default"], required: 1 }, args, kwargs);
      if (iterator!.kind !== "iterator") throw new PyError("TypeError", `'${typeNameOf(iterator!)}' object is not an iterator`);
      const item = iterator!.items[iterator!.position];
      if (item === undefined) {
        if (fallback) return fallback;
        throw new PyError("StopIteration", "");
      }
      iterator!.position++;
      return item;
    }],
    ["hasattr", (args, kwargs) => {
      const [value, name] = bindArgs({ name: "hasattr", params: ["obj", "name"] }, args, kwargs);
      if (name!.kind !== "str") throw new PyError("TypeError", "hasattr(): attribute name must be string");
      try {
        runtime.getAttribute(value!, name!.value);
        return pyBool(true);
      } catch (error) {
        if (error instanceof PyError && error.typeName === "AttributeError") return pyBool(false);
        throw error;
      }
    }],
    ["getattr", (args, kwargs) => {
      const [value, name, fallback] = bindArgs({ name: "getattr", params: ["obj", "name", "default"], required: 2 }, args, kwargs);
      if (name!.kind !== "str") throw new PyError("TypeError", "getattr(): attribute name must be string");
      try {
        return runtime.getAttribute(value!, name!.value);
      } catch (error) {
        if (fallback && error instanceof PyError && error.typeName === "AttributeError") return fallback;
        throw error;
      }
    }],
    ["callable", (args, kwargs) => {
      const [value] = bindArgs({ name: "callable", params: ["obj"] }, args, kwargs);
      return pyBool(value!.kind === "function" || value!.kind === "type");
    }],
    ["chr", (args, kwargs) => {
      const code = toBigIndex(bindArgs({ name: "chr", params: ["i"] }, args, kwargs)[0]!);
      if (code >= 2n ** 31n || code < -(2n ** 31n)) throw new PyError("OverflowError", "Python int too large to convert to C int");
      if (code < 0n || code > 0x10ffffn) throw new PyError("ValueError", "chr() arg not in range(0x110000)");
      return pyStr(String.fromCodePoint(Number(code)));
    }],
    ["ord", (args, kwargs) => {
      const [value] = bindArgs({ name: "ord", params: ["c"] }, args, kwargs);
      if (value!.kind !== "str") throw new PyError("TypeError", `ord() expected string of length 1, but ${typeNameOf(value!)} found`);
      const points = codePoints(value!.value);
      if (points.length !== 1) throw new PyError("TypeError", `ord() expected a character, but string of length ${points.length} found`);
      return pyInt(points[0]!.codePointAt(0)!);
    }],
    ["hex", (args, kwargs) => pyStr(formatValue(bindArgs({ name: "hex", params: ["number"] }, args, kwargs)[0]!, "#x", budget))],
    ["oct", (args, kwargs) => pyStr(formatValue(bindArgs({ name: "oct", params: ["number"] }, args, kwargs)[0]!, "#o", budget))],
    ["bin", (args, kwargs) => pyStr(formatValue(bindArgs({ name: "bin", params: ["number"] }, args, kwargs)[0]!, "#b", budget))],
    ["format", (args, kwargs) => {
      const [value, spec] = bindArgs({ name: "format", params: ["value", "format_spec"], required: 1 }, args, kwargs);
      return pyStr(formatValue(value!, spec === undefined ? "" : pyStrOf(spec, limits), budget));
    }],
    ["divmod", (args, kwargs) => {
      const [left, right] = bindArgs({ name: "divmod", params: ["x", "y"] }, args, kwargs);
      return pyTuple([binaryOp("//", left!, right!, budget), binaryOp("%", left!, right!, budget)]);
    }],
  ];
}

/** A fresh builtins namespace bound to this interpreter's runtime and output. */
export function createBuiltins(runtime: Runtime, print: (text: string) => void): Map<string, PyValue> {
  const namespace = new Map<string, PyValue>();
  for (const [name, impl] of builtinFunctions(runtime, print)) namespace.set(name, pyFunction(name, impl));
  for (const [name, type] of builtinTypes) namespace.set(name, type);
  for (const type of builtinExceptionTypes()) namespace.set(type.name, type);
  return namespace;
}
