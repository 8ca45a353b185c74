// Python's ==, is, <, <= ... and `in`: containers compared item by item with an explicit stack, not recursion.
import { compareCodePoints } from "../../lib/python/str-order.js";
import { bytesEqual, compareBytes } from "./bytes.js";
import { dictGet, setHas } from "./dict.js";
import { PyError } from "./errors.js";
import { rangeLength } from "./iteration.js";
import { defaultLimits, recursionError } from "./limits.js";
import { asBigInt, asNumber, isNumber } from "./operators.js";
import { pyTuple, typeNameOf, type PyValue } from "./values.js";

/**
 * `left == right`. Nested containers are walked with a stack of pairs, so a deep value cannot
 * exhaust the JS stack; nesting deeper than `maxDepth` raises CPython's RecursionError.
 */
export function pyEquals(left: PyValue, right: PyValue, maxDepth = defaultLimits.maxDepth): boolean {
  const pending: { left: PyValue; right: PyValue; depth: number }[] = [{ left, right, depth: 0 }];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const verdict = shallowEquals(pair.left, pair.right);
    if (verdict === false) return false;
    if (verdict === true) continue;
    if (pair.depth >= maxDepth) throw recursionError("in comparison");
    // Pushed last first, so items are compared left to right as in CPython.
    for (let index = verdict.length - 1; index >= 0; index--) {
      const [itemLeft, itemRight] = verdict[index]!;
      pending.push({ left: itemLeft, right: itemRight, depth: pair.depth + 1 });
    }
  }
  return true;
}

/** Equality of two values apart from their items: a verdict, or the item pairs that decide it. */
function shallowEquals(left: PyValue, right: PyValue): boolean | [PyValue, PyValue][] {
  if (left === right) return left.kind !== "float" || !Number.isNaN(left.value);
  if (isNumber(left) && isNumber(right)) {
    if (left.kind === "float" || right.kind === "float") return asNumber(left) === asNumber(right);
    return asBigInt(left) === asBigInt(right);
  }
  if (left.kind !== right.kind) return false;
  switch (left.kind) {
    case "none": return true;
    case "str": return left.value === (right as typeof left).value;
    case "bytes": return bytesEqual(left.value, (right as typeof left).value);
    case "list": case "tuple": {
      const other = right as typeof left;
      if (left.items.length !== other.items.length) return false;
      return left.items.map((item, index) => [item, other.items[index]!]);
    }
    case "dict": {
      const other = right as typeof left;
      if (left.entries.size !== other.entries.size) return false;
      const pairs: [PyValue, PyValue][] = [];
      for (const [hash, entry] of left.entries) {
        const match = other.entries.get(hash);
        if (!match) return false;
        pairs.push([entry.value, match.value]);
      }
      return pairs;
    }
    case "set": {
      const other = right as typeof left;
      return left.entries.size === other.entries.size && [...left.entries.keys()].every((hash) => other.entries.has(hash));
    }
    case "range": {
      const other = right as typeof left;
      return left.start === other.start && left.stop === other.stop && left.step === other.step;
    }
    case "type": return left.name === (right as typeof left).name;
    default: return false;
  }
}

/** Python's `is`: identity, with None, bools and small ints shared as CPython does. */
export function pyIs(left: PyValue, right: PyValue): boolean {
  if (left === right) return true;
  if (left.kind === "none" || left.kind === "bool") return left.kind === right.kind && pyEquals(left, right);
  if (left.kind === "int" && right.kind === "int") return left.value === right.value && left.value >= -5n && left.value <= 256n;
  if (left.kind === "type" && right.kind === "type") return left.name === right.name;
  return false;
}

/** Ordering for <, <=, >, >=; raises TypeError for unorderable operands. */
export function pyCompare(op: "<" | "<=" | ">" | ">=", left: PyValue, right: PyValue, maxDepth = defaultLimits.maxDepth): boolean {
  const order = orderOf(left, right, maxDepth);
  if (order === undefined) {
    throw new PyError("TypeError", `'${op}' not supported between instances of '${typeNameOf(left)}' and '${typeNameOf(right)}'`);
  }
  if (Number.isNaN(order)) return false;
  switch (op) {
    case "<": return order < 0;
    case "<=": return order <= 0;
    case ">": return order > 0;
    case ">=": return order >= 0;
  }
}

/**
 * Negative, zero or positive; NaN when unordered floats; undefined when the types cannot be ordered.
 * Sequences are ordered by their first differing items, followed down in a loop rather than by recursion.
 */
function orderOf(left: PyValue, right: PyValue, maxDepth: number): number | undefined {
  for (let depth = 0; ; depth++) {
    if (depth > maxDepth) throw recursionError("in comparison");
    if (isNumber(left) && isNumber(right)) {
      if (left.kind === "float" || right.kind === "float") {
        const a = asNumber(left);
        const b = asNumber(right);
        return Number.isNaN(a) || Number.isNaN(b) ? NaN : a < b ? -1 : a > b ? 1 : 0;
      }
      const a = asBigInt(left)!;
      const b = asBigInt(right)!;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    if (left.kind === "str" && right.kind === "str") return compareCodePoints(left.value, right.value);
    if (left.kind === "bytes" && right.kind === "bytes") return compareBytes(left.value, right.value);
    if ((left.kind === "list" || left.kind === "tuple") && right.kind === left.kind) {
      const length = Math.min(left.items.length, right.items.length);
      let index = 0;
      while (index < length && pyEquals(left.items[index]!, right.items[index]!, maxDepth - depth)) index++;
      if (index === length) return left.items.length - right.items.length;
      left = left.items[index]!;
      right = right.items[index]!;
      continue;
    }
    // Items that cannot be ordered are reported with '<', whatever the outer operator.
    if (depth > 0) unorderable(left, right);
    return undefined;
  }
}

function unorderable(left: PyValue, right: PyValue): never {
  throw new PyError("TypeError", `'<' not supported between instances of '${typeNameOf(left)}' and '${typeNameOf(right)}'`);
}

/** `item in container`, scanning in place: a range answers by arithmetic, an iterator is consumed up to the item. */
export function pyContains(container: PyValue, item: PyValue, maxDepth = defaultLimits.maxDepth): boolean {
  const equals = (candidate: PyValue) => pyEquals(candidate, item, maxDepth);
  switch (container.kind) {
    case "str":
      if (item.kind !== "str") throw new PyError("TypeError", `'in <string>' requires string as left operand, not ${typeNameOf(item)}`);
      return container.value.includes(item.value);
    case "dict": return dictGet(container, item) !== undefined;
    case "set": return setHas(container, item);
    case "dictview": {
      if (container.which === "keys") return dictGet(container.dict, item) !== undefined;
      const entries = [...container.dict.entries.values()];
      if (container.which === "values") return entries.some((entry) => equals(entry.value));
      return entries.some((entry) => equals(pyTuple([entry.key, entry.value])));
    }
    case "list": case "tuple": return container.items.some(equals);
    case "range": return rangeContains(container, item);
    case "iterator":
      while (container.position < container.items.length) {
        if (equals(container.items[container.position++]!)) return true;
      }
      return false;
    default:
      throw new PyError("TypeError", `argument of type '${typeNameOf(container)}' is not iterable`);
  }
}

function rangeContains(range: Extract<PyValue, { kind: "range" }>, item: PyValue): boolean {
  let value = asBigInt(item);
  if (value === undefined && item.kind === "float" && Number.isInteger(item.value)) value = BigInt(item.value);
  if (value === undefined) return false;
  const offset = value - range.start;
  if (offset % range.step !== 0n) return false;
  const position = offset / range.step;
  return position >= 0n && position < rangeLength(range.start, range.stop, range.step);
}
