// Iterating Python values: all items at once within the example's budget, or one at a time for loops.
import { PyError } from "./errors.js";
import type { Budget } from "./limits.js";
import { pyInt, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

export function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
  return start > stop ? (start - stop - step - 1n) / -step : 0n;
}

/** Python string length and indexing work on code points. */
export function codePoints(text: string): string[] {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : text.split("");
}

/** The number of code points of a string, without building them. */
export function codePointCount(text: string): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** How many items iterating `value` gives; TypeError when it is not iterable. */
function itemCount(value: PyValue): bigint | number {
  switch (value.kind) {
    case "list": case "tuple": return value.items.length;
    case "str": return codePointCount(value.value);
    case "bytes": return value.value.length;
    case "dict": case "set": return value.entries.size;
    case "dictview": return value.dict.entries.size;
    case "range": return rangeLength(value.start, value.stop, value.step);
    case "iterator": return value.items.length - value.position;
    default: throw notIterable(value);
  }
}

function notIterable(value: PyValue): PyError {
  return new PyError("TypeError", `'${typeNameOf(value)}' object is not iterable`);
}

/** The items of an iterable, consuming iterators; each item is a step of the budget, taken before any is made. */
export function iterate(value: PyValue, budget: Budget): PyValue[] {
  budget.iterate(itemCount(value));
  switch (value.kind) {
    case "list": case "tuple": return [...value.items];
    case "str": return codePoints(value.value).map(pyStr);
    case "dict": return [...value.entries.values()].map((entry) => entry.key);
    case "set": return [...value.entries.values()];
    case "iterator": {
      const items = value.items.slice(value.position);
      value.position = value.items.length;
      return items;
    }
    default: return [...iterateLazily(value)];
  }
}

/**
 * The items of an iterable one at a time, for `for` loops and comprehensions, which take a step per
 * round: a list is read live (as CPython does, appending while looping goes on looping), a range
 * never exists as a whole, and dicts and sets are read as they were when the loop began.
 */
export function* iterateLazily(value: PyValue): Generator<PyValue, void, undefined> {
  switch (value.kind) {
    case "list":
      for (let index = 0; index < value.items.length; index++) yield value.items[index]!;
      return;
    case "tuple": yield* value.items; return;
    case "str": for (const char of value.value) yield pyStr(char); return;
    case "bytes": for (const byte of value.value) yield pyInt(byte); return;
    case "dict": yield* [...value.entries.values()].map((entry) => entry.key); return;
    case "set": yield* [...value.entries.values()]; return;
    case "range": {
      const { start, stop, step } = value;
      for (let current = start; step > 0n ? current < stop : current > stop; current += step) yield pyInt(current);
      return;
    }
    case "iterator":
      while (value.position < value.items.length) yield value.items[value.position++]!;
      return;
    case "dictview": {
      const entries = [...value.dict.entries.values()];
      for (const entry of entries) {
        yield value.which === "keys" ? entry.key : value.which === "values" ? entry.value : pyTuple([entry.key, entry.value]);
      }
      return;
    }
    default: throw notIterable(value);
  }
}
