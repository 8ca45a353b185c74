// Indexing and slicing: value[index], value[a:b:c], item assignment and deletion.
import { dictDelete, dictGet, dictSet } from "./dict.js";
import { PyError, keyError } from "./errors.js";
import { asBigInt, codePoints, iterate, rangeLength } from "./operators.js";
import { pyInt, pyList, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

/** Evaluated slice bounds; undefined where omitted (None counts as omitted). */
export interface SliceBounds { lower?: PyValue; upper?: PyValue; step?: PyValue }

function sliceNumber(value: PyValue | undefined): number | undefined {
  if (value === undefined || value.kind === "none") return undefined;
  const integer = asBigInt(value);
  if (integer === undefined) throw new PyError("TypeError", "slice indices must be integers or None or have an __index__ method");
  return Number(integer);
}

/** The positions a slice selects in a sequence of `length` items, as CPython computes them. */
export function slicePositions(bounds: SliceBounds, length: number): number[] {
  const step = sliceNumber(bounds.step) ?? 1;
  if (step === 0) throw new PyError("ValueError", "slice step cannot be zero");
  const adjust = (value: number | undefined, fallback: number, low: number, high: number) => {
    if (value === undefined) return fallback;
    const index = value < 0 ? value + length : value;
    return Math.min(Math.max(index, low), high);
  };
  const positions: number[] = [];
  if (step > 0) {
    const start = adjust(sliceNumber(bounds.lower), 0, 0, length);
    const stop = adjust(sliceNumber(bounds.upper), length, 0, length);
    for (let index = start; index < stop; index += step) positions.push(index);
  } else {
    const start = adjust(sliceNumber(bounds.lower), length - 1, -1, length - 1);
    const stop = adjust(sliceNumber(bounds.upper), -1, -1, length - 1);
    for (let index = start; index > stop; index += step) positions.push(index);
  }
  return positions;
}

/** value[a:b:c]. */
export function getSlice(value: PyValue, bounds: SliceBounds): PyValue {
  switch (value.kind) {
    case "str": {
      const points = codePoints(value.value);
      return pyStr(slicePositions(bounds, points.length).map((index) => points[index]).join(""));
    }
    case "list": return pyList(slicePositions(bounds, value.items.length).map((index) => value.items[index]!));
    case "tuple": return pyTuple(slicePositions(bounds, value.items.length).map((index) => value.items[index]!));
    case "range": {
      const positions = slicePositions(bounds, Number(rangeLength(value.start, value.stop, value.step)));
      const step = value.step * BigInt(sliceNumber(bounds.step) ?? 1);
      const first = positions.length > 0 ? value.start + BigInt(positions[0]!) * value.step : value.start;
      const stop = positions.length > 0 ? value.start + BigInt(positions[positions.length - 1]!) * value.step + step : value.start;
      return { kind: "range", start: first, stop, step };
    }
    default: throw new PyError("TypeError", `'${typeNameOf(value)}' object is not subscriptable`);
  }
}

function sequenceIndex(index: PyValue, length: number, kind: string, noun: string): number {
  const integer = asBigInt(index);
  if (integer === undefined) {
    if (kind === "str") throw new PyError("TypeError", `string indices must be integers, not '${typeNameOf(index)}'`);
    throw new PyError("TypeError", `${kind} indices must be integers or slices, not ${typeNameOf(index)}`);
  }
  const position = Number(integer < 0n ? integer + BigInt(length) : integer);
  if (position < 0 || position >= length) throw new PyError("IndexError", `${noun} out of range`);
  return position;
}

/** value[index] for built-in containers; undefined when the value is not subscriptable here. */
export function getItem(value: PyValue, index: PyValue): PyValue | undefined {
  switch (value.kind) {
    case "list": return value.items[sequenceIndex(index, value.items.length, "list", "list index")]!;
    case "tuple": return value.items[sequenceIndex(index, value.items.length, "tuple", "tuple index")]!;
    case "str": {
      const points = codePoints(value.value);
      return pyStr(points[sequenceIndex(index, points.length, "str", "string index")]!);
    }
    case "range": {
      const length = Number(rangeLength(value.start, value.stop, value.step));
      return pyInt(value.start + BigInt(sequenceIndex(index, length, "range", "range object index")) * value.step);
    }
    case "dict": {
      const found = dictGet(value, index);
      if (found === undefined) throw keyError(index);
      return found;
    }
    default: return undefined;
  }
}

/** value[index] = item. */
export function setItem(value: PyValue, index: PyValue | SliceBounds, item: PyValue): void {
  if (value.kind === "dict" && !isSlice(index)) return dictSet(value, index, item);
  if (value.kind === "list") {
    if (isSlice(index)) {
      const positions = slicePositions(index, value.items.length);
      const replacement = iterate(item);
      const step = index.step === undefined || index.step.kind === "none" ? 1 : Number(asBigInt(index.step));
      if (step === 1) {
        const start = positions[0] ?? Math.min(Math.max(sliceNumber(index.lower) ?? 0, 0), value.items.length);
        value.items.splice(start, positions.length, ...replacement);
        return;
      }
      if (replacement.length !== positions.length) {
        throw new PyError("ValueError", `attempt to assign sequence of size ${replacement.length} to extended slice of size ${positions.length}`);
      }
      positions.forEach((position, offset) => (value.items[position] = replacement[offset]!));
      return;
    }
    const integer = asBigInt(index);
    if (integer === undefined) throw new PyError("TypeError", `list indices must be integers or slices, not ${typeNameOf(index)}`);
    const position = Number(integer < 0n ? integer + BigInt(value.items.length) : integer);
    if (position < 0 || position >= value.items.length) throw new PyError("IndexError", "list assignment index out of range");
    value.items[position] = item;
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
      value.items.splice(0, value.items.length, ...value.items.filter((_, position) => !doomed.has(position)));
      return;
    }
    value.items.splice(sequenceIndex(index, value.items.length, "list", "list assignment index"), 1);
    return;
  }
  throw new PyError("TypeError", `'${typeNameOf(value)}' object doesn't support item deletion`);
}

export function isSlice(index: PyValue | SliceBounds): index is SliceBounds {
  return !("kind" in index);
}
