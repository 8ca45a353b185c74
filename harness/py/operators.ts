// Python semantics of truthiness, equality, ordering, membership, iteration and the arithmetic operators.
import type { BinaryOp } from "./ast.js";
import { dictGet, dictSet, hashKey, pyDict, pySet, setHas } from "./dict.js";
import { PyError } from "./errors.js";
import { formatPercent } from "./format.js";
import { pyBool, pyFloat, pyInt, pyList, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

export function isTruthy(value: PyValue): boolean {
  switch (value.kind) {
    case "none": return false;
    case "bool": return value.value;
    case "int": return value.value !== 0n;
    case "float": return value.value !== 0;
    case "str": return value.value !== "";
    case "list": case "tuple": return value.items.length > 0;
    case "dict": case "set": return value.entries.size > 0;
    case "dictview": return value.dict.entries.size > 0;
    case "range": return rangeLength(value.start, value.stop, value.step) > 0n;
    default: return true;
  }
}

export function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
  return start > stop ? (start - stop - step - 1n) / -step : 0n;
}

/** Python string length and indexing work on code points. */
export function codePoints(text: string): string[] {
  return /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : text.split("");
}

/** The items of an iterable, consuming iterators. */
export function iterate(value: PyValue): PyValue[] {
  switch (value.kind) {
    case "list": case "tuple": return [...value.items];
    case "str": return codePoints(value.value).map(pyStr);
    case "dict": return [...value.entries.values()].map((entry) => entry.key);
    default: break;
  }
  return iterateOther(value);
}

function iterateOther(value: PyValue): PyValue[] {
  switch (value.kind) {
    case "set": return [...value.entries.values()];
    case "range": {
      const items: PyValue[] = [];
      const { start, stop, step } = value;
      for (let current = start; step > 0n ? current < stop : current > stop; current += step) items.push(pyInt(current));
      return items;
    }
    case "iterator": {
      const items = value.items.slice(value.position);
      value.position = value.items.length;
      return items;
    }
    case "dictview": {
      const entries = [...value.dict.entries.values()];
      if (value.which === "keys") return entries.map((entry) => entry.key);
      if (value.which === "values") return entries.map((entry) => entry.value);
      return entries.map((entry) => pyTuple([entry.key, entry.value]));
    }
    default: throw new PyError("TypeError", `'${typeNameOf(value)}' object is not iterable`);
  }
}

function isNumber(value: PyValue): value is PyValue & { kind: "int" | "float" | "bool" } {
  return value.kind === "int" || value.kind === "float" || value.kind === "bool";
}

/** An int or bool as bigint, or undefined. */
export function asBigInt(value: PyValue): bigint | undefined {
  if (value.kind === "int") return value.value;
  if (value.kind === "bool") return value.value ? 1n : 0n;
  return undefined;
}

function asNumber(value: PyValue): number {
  if (value.kind === "float") return value.value;
  return Number(asBigInt(value));
}

export function pyEquals(left: PyValue, right: PyValue): boolean {
  if (left === right) return left.kind !== "float" || !Number.isNaN(left.value);
  if (isNumber(left) && isNumber(right)) {
    if (left.kind === "float" || right.kind === "float") return asNumber(left) === asNumber(right);
    return asBigInt(left) === asBigInt(right);
  }
  if (left.kind !== right.kind) return false;
  switch (left.kind) {
    case "none": return true;
    case "str": return left.value === (right as typeof left).value;
    case "list": case "tuple": {
      const other = right as typeof left;
      return left.items.length === other.items.length && left.items.every((item, index) => pyEquals(item, other.items[index]!));
    }
    case "dict": {
      const other = right as typeof left;
      if (left.entries.size !== other.entries.size) return false;
      for (const [hash, entry] of left.entries) {
        const match = other.entries.get(hash);
        if (!match || !pyEquals(entry.value, match.value)) return false;
      }
      return true;
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
export function pyCompare(op: "<" | "<=" | ">" | ">=", left: PyValue, right: PyValue): boolean {
  const order = orderOf(left, right);
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

/** Negative, zero or positive; NaN when unordered floats; undefined when the types cannot be ordered. */
function orderOf(left: PyValue, right: PyValue): number | undefined {
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
  if (left.kind === "str" && right.kind === "str") return left.value < right.value ? -1 : left.value > right.value ? 1 : 0;
  if ((left.kind === "list" || left.kind === "tuple") && right.kind === left.kind) {
    const length = Math.min(left.items.length, right.items.length);
    for (let index = 0; index < length; index++) {
      const a = left.items[index]!;
      const b = right.items[index]!;
      if (!pyEquals(a, b)) return orderOf(a, b) ?? unorderable(a, b);
    }
    return left.items.length - right.items.length;
  }
  return undefined;
}

function unorderable(left: PyValue, right: PyValue): never {
  throw new PyError("TypeError", `'<' not supported between instances of '${typeNameOf(left)}' and '${typeNameOf(right)}'`);
}

/** `item in container`. */
export function pyContains(container: PyValue, item: PyValue): boolean {
  switch (container.kind) {
    case "str":
      if (item.kind !== "str") throw new PyError("TypeError", `'in <string>' requires string as left operand, not ${typeNameOf(item)}`);
      return container.value.includes(item.value);
    case "dict": return dictGet(container, item) !== undefined;
    case "set": return setHas(container, item);
    case "dictview":
      if (container.which === "keys") return dictGet(container.dict, item) !== undefined;
      return iterate(container).some((candidate) => pyEquals(candidate, item));
    case "list": case "tuple": case "range": case "iterator":
      return iterate(container).some((candidate) => pyEquals(candidate, item));
    default:
      throw new PyError("TypeError", `argument of type '${typeNameOf(container)}' is not iterable`);
  }
}

export function unaryOp(op: "-" | "+" | "~", operand: PyValue): PyValue {
  const integer = asBigInt(operand);
  if (integer !== undefined) {
    if (op === "-") return pyInt(-integer);
    if (op === "+") return pyInt(integer);
    return pyInt(-integer - 1n);
  }
  if (operand.kind === "float" && op !== "~") return pyFloat(op === "-" ? -operand.value : operand.value);
  throw new PyError("TypeError", `bad operand type for unary ${op}: '${typeNameOf(operand)}'`);
}

export function binaryOp(op: BinaryOp, left: PyValue, right: PyValue): PyValue {
  if (isNumber(left) && isNumber(right)) return numericOp(op, left, right);
  const result = sequenceOp(op, left, right);
  if (result) return result;
  throw unsupported(op, left, right);
}

function unsupported(op: string, left: PyValue, right: PyValue): PyError {
  return new PyError("TypeError", `unsupported operand type(s) for ${op}: '${typeNameOf(left)}' and '${typeNameOf(right)}'`);
}

function sequenceOp(op: BinaryOp, left: PyValue, right: PyValue): PyValue | undefined {
  switch (op) {
    case "+":
      if (left.kind === "str" || left.kind === "list" || left.kind === "tuple") {
        if (right.kind !== left.kind) {
          throw new PyError("TypeError", `can only concatenate ${left.kind} (not "${typeNameOf(right)}") to ${left.kind}`);
        }
        if (left.kind === "str") return pyStr(left.value + (right as typeof left).value);
        const items = [...left.items, ...(right as typeof left).items];
        return left.kind === "list" ? pyList(items) : pyTuple(items);
      }
      return undefined;
    case "*": {
      const [sequence, count] = asBigInt(right) !== undefined ? [left, right] : [right, left];
      const times = asBigInt(count);
      if (sequence.kind === "str" || sequence.kind === "list" || sequence.kind === "tuple") {
        if (times === undefined) throw new PyError("TypeError", `can't multiply sequence by non-int of type '${typeNameOf(count)}'`);
        const repeat = times > 0n ? Number(times) : 0;
        if (sequence.kind === "str") return pyStr(sequence.value.repeat(repeat));
        const items = Array.from({ length: repeat }, () => sequence.items).flat();
        return sequence.kind === "list" ? pyList(items) : pyTuple(items);
      }
      return undefined;
    }
    case "%":
      return left.kind === "str" ? pyStr(formatPercent(left.value, right)) : undefined;
    case "|":
      if (left.kind === "dict" && right.kind === "dict") {
        const merged = pyDict([]);
        for (const entry of [...left.entries.values(), ...right.entries.values()]) dictSet(merged, entry.key, entry.value);
        return merged;
      }
      return setOp(left, right, (inLeft, inRight) => inLeft || inRight);
    case "&": return setOp(left, right, (inLeft, inRight) => inLeft && inRight);
    case "-": return setOp(left, right, (inLeft, inRight) => inLeft && !inRight);
    case "^": return setOp(left, right, (inLeft, inRight) => inLeft !== inRight);
    default: return undefined;
  }
}

function setOp(left: PyValue, right: PyValue, keep: (inLeft: boolean, inRight: boolean) => boolean): PyValue | undefined {
  if (left.kind !== "set" || right.kind !== "set") return undefined;
  const all = [...left.entries.values(), ...right.entries.values()];
  return pySet(all.filter((item) => keep(left.entries.has(hashKey(item)), right.entries.has(hashKey(item)))));
}

function numericOp(op: BinaryOp, left: PyValue, right: PyValue): PyValue {
  const a = asBigInt(left);
  const b = asBigInt(right);
  if (a !== undefined && b !== undefined) return integerOp(op, a, b, left, right);
  const x = asNumber(left);
  const y = asNumber(right);
  switch (op) {
    case "+": return pyFloat(x + y);
    case "-": return pyFloat(x - y);
    case "*": return pyFloat(x * y);
    case "/":
      if (y === 0) throw new PyError("ZeroDivisionError", "float division by zero");
      return pyFloat(x / y);
    case "//":
      if (y === 0) throw new PyError("ZeroDivisionError", "float floor division by zero");
      return pyFloat(Math.floor(x / y));
    case "%": {
      if (y === 0) throw new PyError("ZeroDivisionError", "float modulo");
      const remainder = x % y;
      return pyFloat(remainder !== 0 && remainder < 0 !== y < 0 ? remainder + y : remainder);
    }
    case "**":
      if (x === 0 && y < 0) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
      return pyFloat(Math.pow(x, y));
    default: throw unsupported(op, left, right);
  }
}

function integerOp(op: BinaryOp, a: bigint, b: bigint, left: PyValue, right: PyValue): PyValue {
  switch (op) {
    case "+": return pyInt(a + b);
    case "-": return pyInt(a - b);
    case "*": return pyInt(a * b);
    case "/":
      if (b === 0n) throw new PyError("ZeroDivisionError", "division by zero");
      return pyFloat(Number(a) / Number(b));
    case "//":
      if (b === 0n) throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
      return pyInt(floorDivide(a, b));
    case "%":
      if (b === 0n) throw new PyError("ZeroDivisionError", "integer modulo by zero");
      return pyInt(a - floorDivide(a, b) * b);
    case "**":
      if (b < 0n) {
        if (a === 0n) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return pyFloat(Math.pow(Number(a), Number(b)));
      }
      return pyInt(a ** b);
    case "&": return bitResult(a & b, left, right);
    case "|": return bitResult(a | b, left, right);
    case "^": return bitResult(a ^ b, left, right);
    case "<<":
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      return pyInt(a << b);
    case ">>":
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      return pyInt(a >> b);
    default: throw unsupported(op, left, right);
  }
}

function bitResult(value: bigint, left: PyValue, right: PyValue): PyValue {
  return left.kind === "bool" && right.kind === "bool" ? pyBool(value !== 0n) : pyInt(value);
}

function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? quotient - 1n : quotient;
}
