// Python semantics of truthiness, equality, ordering, membership and the arithmetic operators.
import type { BinaryOp } from "./ast.js";
import { concatBytes } from "./bytes.js";
import { dictSet, hashKey, pyDict, pySet } from "./dict.js";
import { PyError } from "./errors.js";
import { formatPercent } from "./percent-format.js";
import { rangeLength } from "./iteration.js";
import { bitLength, checkSize, maxSsize, memoryError, type Budget } from "./limits.js";
import { pyBool, pyFloat, pyInt, pyList, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

export function isTruthy(value: PyValue): boolean {
  switch (value.kind) {
    case "none": return false;
    case "bool": return value.value;
    case "int": return value.value !== 0n;
    case "float": return value.value !== 0;
    case "str": return value.value !== "";
    case "bytes": return value.value.length > 0;
    case "list": case "tuple": return value.items.length > 0;
    case "dict": case "set": return value.entries.size > 0;
    case "dictview": return value.dict.entries.size > 0;
    case "range": return rangeLength(value.start, value.stop, value.step) > 0n;
    default: return true;
  }
}

export function isNumber(value: PyValue): value is PyValue & { kind: "int" | "float" | "bool" } {
  return value.kind === "int" || value.kind === "float" || value.kind === "bool";
}

/** An int or bool as bigint, or undefined. */
export function asBigInt(value: PyValue): bigint | undefined {
  if (value.kind === "int") return value.value;
  if (value.kind === "bool") return value.value ? 1n : 0n;
  return undefined;
}

export function asNumber(value: PyValue): number {
  if (value.kind === "float") return value.value;
  return Number(asBigInt(value));
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

export function binaryOp(op: BinaryOp, left: PyValue, right: PyValue, budget: Budget): PyValue {
  if (isNumber(left) && isNumber(right)) return numericOp(op, left, right, budget);
  const result = sequenceOp(op, left, right, budget);
  if (result) return result;
  throw unsupported(op, left, right);
}

function unsupported(op: string, left: PyValue, right: PyValue): PyError {
  return new PyError("TypeError", `unsupported operand type(s) for ${op}: '${typeNameOf(left)}' and '${typeNameOf(right)}'`);
}

function sequenceOp(op: BinaryOp, left: PyValue, right: PyValue, budget: Budget): PyValue | undefined {
  switch (op) {
    case "+":
      if (left.kind === "bytes") {
        if (right.kind !== "bytes") throw new PyError("TypeError", `can't concat ${typeNameOf(right)} to bytes`);
        checkSize(left.value.length + right.value.length, budget.limits);
        return concatBytes(left, right);
      }
      if (left.kind === "str" || left.kind === "list" || left.kind === "tuple") {
        if (right.kind !== left.kind) {
          throw new PyError("TypeError", `can only concatenate ${left.kind} (not "${typeNameOf(right)}") to ${left.kind}`);
        }
        if (left.kind === "str") {
          // JS joins strings without copying them, so a concatenation costs no steps, only its size.
          const joined = (right as typeof left).value;
          checkSize(left.value.length + joined.length, budget.limits);
          return pyStr(left.value + joined);
        }
        const other = (right as typeof left).items;
        budget.build(left.items.length + other.length);
        const items = [...left.items];
        for (const item of other) items.push(item);
        return left.kind === "list" ? pyList(items) : pyTuple(items);
      }
      return undefined;
    case "*": {
      const [sequence, count] = asBigInt(right) !== undefined ? [left, right] : [right, left];
      if (sequence.kind === "str" || sequence.kind === "list" || sequence.kind === "tuple") {
        const times = asBigInt(count);
        if (times === undefined) throw new PyError("TypeError", `can't multiply sequence by non-int of type '${typeNameOf(count)}'`);
        return repeat(sequence, times, budget);
      }
      return undefined;
    }
    case "%":
      return left.kind === "str" ? pyStr(formatPercent(left.value, right, budget)) : undefined;
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

/** `sequence * times`, its size checked before it is built, with CPython's OverflowError for a count no index can hold. */
function repeat(sequence: PyValue & { kind: "str" | "list" | "tuple" }, times: bigint, budget: Budget): PyValue {
  if (times > maxSsize || times < -maxSsize - 1n) throw new PyError("OverflowError", "cannot fit 'int' into an index-sized integer");
  const length = sequence.kind === "str" ? sequence.value.length : sequence.items.length;
  const count = times > 0n && length > 0 ? times : 0n;
  checkSize(BigInt(length) * count, budget.limits);
  budget.build(length * Number(count));
  if (sequence.kind === "str") return pyStr(sequence.value.repeat(Number(count)));
  const items = new Array<PyValue>(length * Number(count));
  for (let index = 0; index < items.length; index++) items[index] = sequence.items[index % length]!;
  return sequence.kind === "list" ? pyList(items) : pyTuple(items);
}

function setOp(left: PyValue, right: PyValue, keep: (inLeft: boolean, inRight: boolean) => boolean): PyValue | undefined {
  if (left.kind !== "set" || right.kind !== "set") return undefined;
  const all = [...left.entries.values(), ...right.entries.values()];
  return pySet(all.filter((item) => keep(left.entries.has(hashKey(item)), right.entries.has(hashKey(item)))));
}

function numericOp(op: BinaryOp, left: PyValue, right: PyValue, budget: Budget): PyValue {
  const a = asBigInt(left);
  const b = asBigInt(right);
  if (a !== undefined && b !== undefined) return integerOp(op, a, b, left, right, budget);
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

function integerOp(op: BinaryOp, a: bigint, b: bigint, left: PyValue, right: PyValue, budget: Budget): PyValue {
  switch (op) {
    case "+": return pyInt(a + b);
    case "-": return pyInt(a - b);
    case "*":
      if (a > 2n ** 64n || a < -(2n ** 64n) || b > 2n ** 64n || b < -(2n ** 64n)) makeIntOf(bitLength(a) + bitLength(b), budget);
      return pyInt(a * b);
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
      return pyInt(power(a, b, budget));
    case "&": return bitResult(a & b, left, right);
    case "|": return bitResult(a | b, left, right);
    case "^": return bitResult(a ^ b, left, right);
    case "<<": {
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      if (a === 0n) return pyInt(0);
      // CPython counts 30-bit digits and refuses more than a Py_ssize_t can count in bytes.
      if (b / 30n + BigInt(bitLength(a)) / 30n >= 2n ** 61n) throw new PyError("OverflowError", "too many digits in integer");
      makeIntOf(bitLength(a) + Number(b), budget);
      return pyInt(a << b);
    }
    case ">>":
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      if (b >= BigInt(bitLength(a))) return pyInt(a < 0n ? -1 : 0);
      return pyInt(a >> b);
    default: throw unsupported(op, left, right);
  }
}

/** `a ** b` for b >= 0, its size estimated before it is computed. */
function power(a: bigint, b: bigint, budget: Budget): bigint {
  if (a === 0n) return b === 0n ? 1n : 0n;
  if (a === 1n) return 1n;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  const magnitude = a < 0n ? -a : a;
  const log2 = magnitude < 2n ** 52n ? Math.log2(Number(magnitude)) : bitLength(magnitude);
  makeIntOf(Math.ceil(log2 * Number(b)), budget);
  return a ** b;
}

/**
 * An int of about `bits` bits is about to be made: MemoryError past maxIntBits (CPython would
 * run out of memory or time), else it costs its 64-bit words as a result of that many items.
 */
function makeIntOf(bits: number, budget: Budget): void {
  if (bits > budget.limits.maxIntBits) throw memoryError();
  budget.build(Math.ceil(bits / 64));
}

function bitResult(value: bigint, left: PyValue, right: PyValue): PyValue {
  return left.kind === "bool" && right.kind === "bool" ? pyBool(value !== 0n) : pyInt(value);
}

function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? quotient - 1n : quotient;
}
