// Indexing and slicing: value[index], value[a:b:c], item assignment and deletion.
import { dictDelete, dictGet, dictSet } from "./dict.js";
import { PyError, keyError } from "./errors.js";
import { codePoints, iterate, rangeLength } from "./iteration.js";
import { maxSsize, type Budget } from "./limits.js";
import { asBigInt } from "./operators.js";
import { pyInt, pyList, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

/** Evaluated slice bounds; undefined where omitted (None counts as omitted). */
export interface SliceBounds { lower?: PyValue; upper?: PyValue; step?: PyValue }

/** A slice bound as an int of any size, or undefined when omitted. */
function sliceBound(value: PyValue | undefined): bigint | undefined {
  if (value === undefined || value.kind === "none") return undefined;
  const integer = asBigInt(value);
  if (integer === undefined) throw new PyError("TypeError", "slice indices must be integers or None or have an __index__ method");
  return integer;
}

/** Start, stop and step of a slice over `length` items, and how many it selects: CPython's PySlice_AdjustIndices. */
function adjustSlice(bounds: SliceBounds, length: bigint): { start: bigint; stop: bigint; step: bigint; count: bigint } {
  const step = sliceBound(bounds.step) ?? 1n;
  if (step === 0n) throw new PyError("ValueError", "slice step cannot be zero");
  const adjust = (bound: bigint | undefined, fallback: bigint) => {
    if (bound === undefined) return fallback;
    if (bound < 0n) {
      const index = bound + length;
      return index < 0n ? (step < 0n ? -1n : 0n) : index;
    }
    return bound >= length ? (step < 0n ? length - 1n : length) : bound;
  };
  const start = adjust(sliceBound(bounds.lower), step < 0n ? length - 1n : 0n);
  const stop = adjust(sliceBound(bounds.upper), step < 0n ? -1n : length);
  const count = step < 0n ? (stop < start ? (start - stop - 1n) / -step + 1n : 0n) : (start < stop ? (stop - start - 1n) / step + 1n : 0n);
  return { start, stop, step, count };
}

/** The positions a slice selects in a sequence of `length` items, as CPython computes them. */
export function slicePositions(bounds: SliceBounds, length: number): number[] {
  const { start, step, count } = adjustSlice(bounds, BigInt(length));
  const positions: number[] = [];
  for (let index = 0n; index < count; index++) positions.push(Number(start + index * step));
  return positions;
}

/** value[a:b:c]; the result's size is known before it is built. */
export function getSlice(value: PyValue, bounds: SliceBounds, budget: Budget): PyValue {
  switch (value.kind) {
    case "str": {
      const simple = !/[\uD800-\uDFFF]/.test(value.value);
      if (simple && (bounds.step === undefined || bounds.step.kind === "none")) {
        const { start, stop } = adjustSlice(bounds, BigInt(value.value.length));
        return pyStr(start < stop ? value.value.slice(Number(start), Number(stop)) : "");
      }
      const points = simple ? undefined : codePoints(value.value);
      const positions = slicePositions(bounds, points ? points.length : value.value.length);
      budget.build(positions.length);
      return pyStr(positions.map((index) => (points ? points[index] : value.value[index])).join(""));
    }
    case "list": case "tuple": {
      const positions = slicePositions(bounds, value.items.length);
      budget.build(positions.length);
      const items = positions.map((index) => value.items[index]!);
      return value.kind === "list" ? pyList(items) : pyTuple(items);
    }
    case "range": {
      // Arithmetic only: a range's slice is another range, however long.
      const { start, stop, step } = adjustSlice(bounds, rangeLength(value.start, value.stop, value.step));
      return { kind: "range", start: value.start + start * value.step, stop: value.start + stop * value.step, step: value.step * step };
    }
    default: throw new PyError("TypeError", `'${typeNameOf(value)}' object is not subscriptable`);
  }
}

/** An index into `length` items; IndexError when outside, or when no Py_ssize_t can hold it. */
function sequenceIndex(index: PyValue, length: bigint, kind: string, noun: string): bigint {
  const integer = asBigInt(index);
  if (integer === undefined) {
    if (kind === "str") throw new PyError("TypeError", `string indices must be integers, not '${typeNameOf(index)}'`);
    throw new PyError("TypeError", `${kind} indices must be integers or slices, not ${typeNameOf(index)}`);
  }
  if (integer > maxSsize || integer < -maxSsize - 1n) throw new PyError("IndexError", "cannot fit 'int' into an index-sized integer");
  const position = integer < 0n ? integer + length : integer;
  if (position < 0n || position >= length) throw new PyError("IndexError", `${noun} out of range`);
  return position;
}

/** value[index] for built-in containers; undefined when the value is not subscriptable here. */
export function getItem(value: PyValue, index: PyValue): PyValue | undefined {
  switch (value.kind) {
    case "list": return value.items[Number(sequenceIndex(index, BigInt(value.items.length), "list", "list index"))]!;
    case "tuple": return value.items[Number(sequenceIndex(index, BigInt(value.items.length), "tuple", "tuple index"))]!;
    case "str": {
      const points = codePoints(value.value);
      return pyStr(points[Number(sequenceIndex(index, BigInt(points.length), "str", "string index"))]!);
    }
    case "range": {
      const length = rangeLength(value.start, value.stop, value.step);
      return pyInt(value.start + sequenceIndex(index, length, "range", "range object index") * value.step);
    }
    case "dict": {
      const found = dictGet(value, index);
      if (found === undefined) throw keyError(index);
      return found;
    }
    default: return undefined;
  }
}

/** Replaces `count` items at `start` by `replacement`, without spreading them into arguments. */
function spliceIn(items: PyValue[], start: number, count: number, replacement: readonly PyValue[]): void {
  const after = items.slice(start + count);
  items.length = start;
  for (const item of replacement) items.push(item);
  for (const item of after) items.push(item);
}

/** value[index] = item. */
export function setItem(value: PyValue, index: PyValue | SliceBounds, item: PyValue, budget: Budget): void {
  if (value.kind === "dict" && !isSlice(index)) return dictSet(value, index, item);
  if (value.kind === "list") {
    if (isSlice(index)) {
      const replacement = iterate(item, budget);
      const { start, step, count } = adjustSlice(index, BigInt(value.items.length));
      if (step === 1n) {
        budget.build(value.items.length - Number(count) + replacement.length);
        spliceIn(value.items, Number(start), Number(count), replacement);
        return;
      }
      if (BigInt(replacement.length) !== count) {
        throw new PyError("ValueError", `attempt to assign sequence of size ${replacement.length} to extended slice of size ${count}`);
      }
      slicePositions(index, value.items.length).forEach((position, offset) => (value.items[position] = replacement[offset]!));
      return;
    }
    const position = sequenceIndex(index, BigInt(value.items.length), "list", "list assignment index");
    value.items[Number(position)] = item;
    return;
  }
  throw new PyError("TypeError", `'${typeNameOf(value)}' object does not support item assignment`);
}

/** del value[index]. */
export function deleteItem(value: PyValue, index: PyValue | SliceBounds): void {
  if (value.kind === "dict" && !isSlice(index)) {
    if (!dictDelete(value, index)) throw keyError(index);
    return;
  }
  if (value.kind === "list") {
    if (isSlice(index)) {
      const doomed = new Set(slicePositions(index, value.items.length));
      spliceIn(value.items, 0, value.items.length, value.items.filter((_, position) => !doomed.has(position)));
      return;
    }
    value.items.splice(Number(sequenceIndex(index, BigInt(value.items.length), "list", "list assignment index")), 1);
    return;
  }
  throw new PyError("TypeError", `'${typeNameOf(value)}' object doesn't support item deletion`);
}

export function isSlice(index: PyValue | SliceBounds): index is SliceBounds {
  return !("kind" in index);
}
