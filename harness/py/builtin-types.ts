// Class objects for the built-in types and exceptions: type(x), isinstance and their constructors.
import { parsePythonFloat } from "../../lib/python/float.js";
import { parsePythonInt } from "../../lib/python/int.js";
import { bindArgs, toBigIndex, toIndex } from "./args.js";
import { updateDict } from "./collection-methods.js";
import { pyDict, pySet } from "./dict.js";
import { PyError, exceptionIsSubclass, exceptionParents } from "./errors.js";
import { iterate } from "./iteration.js";
import { bitLength, intMaxStrDigits } from "./limits.js";
import { asBigInt, isTruthy } from "./operators.js";
import { pyRepr, pyStrOf } from "./repr.js";
import type { Runtime } from "./runtime.js";
import {
  pyBool, pyFloat, pyInt, pyList, pyStr, pyTuple, typeNameOf,
  type Constructor, type PyException, type PyType, type PyValue,
} from "./values.js";

function makeType(name: string, construct?: Constructor, base?: PyType): PyType {
  return { kind: "type", name, construct, base };
}


function toInt(args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  const [value, base] = bindArgs({ name: "int", params: ["x", "base"], required: 0, keywords: ["base"] }, args, kwargs);
  if (value === undefined) return pyInt(0);
  if (base !== undefined) {
    if (value.kind !== "str") throw new PyError("TypeError", "int() can't convert non-string with explicit base");
    const radix = toIndex(base);
    const text = value.value.trim().replace(/_/g, "").toLowerCase();
    const digits = text.replace(/^[+-]/, "").replace(radix === 16 ? /^0x/ : radix === 8 ? /^0o/ : radix === 2 ? /^0b/ : /^$/, "");
    const valid = digits !== "" && [...digits].every((char) => { const digit = parseInt(char, 36); return digit < radix; });
    if (!valid) throw new PyError("ValueError", `invalid literal for int() with base ${radix}: ${pyRepr(value)}`);
    const result = digitsValue(digits, radix);
    return pyInt(text.startsWith("-") ? -result : result);
  }
  switch (value.kind) {
    case "int": return value;
    case "bool": return pyInt(value.value ? 1 : 0);
    case "float":
      if (Number.isNaN(value.value)) throw new PyError("ValueError", "cannot convert float NaN to integer");
      if (!Number.isFinite(value.value)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
      return pyInt(BigInt(Math.trunc(value.value)));
    case "str": {
      checkDigitCount(value.value.replace(/[^0-9]/g, "").length);
      const parsed = parsePythonInt(value.value);
      if (parsed === null) throw new PyError("ValueError", `invalid literal for int() with base 10: ${pyRepr(value)}`);
      return pyInt(parsed);
    }
    default:
      throw new PyError("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${typeNameOf(value)}'`);
  }
}

/**
 * The value of valid digits in a base: powers of two convert in linear time, other bases refuse
 * more than 4300 digits as CPython 3.11 does (a quadratic conversion it will not do).
 */
function digitsValue(digits: string, radix: number): bigint {
  const prefix = new Map([[2, "0b"], [8, "0o"], [16, "0x"]]).get(radix);
  if (prefix !== undefined) return BigInt(prefix + digits);
  const bitsPerDigit = Math.log2(radix);
  if (Number.isInteger(bitsPerDigit)) {
    const binary = [...digits].map((char) => parseInt(char, 36).toString(2).padStart(bitsPerDigit, "0")).join("");
    return BigInt("0b" + binary);
  }
  checkDigitCount(digits.length);
  let result = 0n;
  for (const char of digits) result = result * BigInt(radix) + BigInt(parseInt(char, 36));
  return result;
}

function checkDigitCount(count: number): void {
  if (count > intMaxStrDigits) {
    throw new PyError("ValueError", `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion: value has ${count} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
}

function toFloat(args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  const [value] = bindArgs({ name: "float", params: ["x"], required: 0 }, args, kwargs);
  if (value === undefined) return pyFloat(0);
  if (value.kind === "float") return value;
  const integer = asBigInt(value);
  if (integer !== undefined) {
    if (bitLength(integer) > 1024) throw new PyError("OverflowError", "int too large to convert to float");
    return pyFloat(Number(integer));
  }
  if (value.kind === "str") {
    const parsed = parsePythonFloat(value.value);
    if (parsed === null) throw new PyError("ValueError", `could not convert string to float: ${pyRepr(value)}`);
    return pyFloat(parsed);
  }
  throw new PyError("TypeError", `float() argument must be a string or a real number, not '${typeNameOf(value)}'`);
}

function toRange(args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  if (kwargs.size > 0) throw new PyError("TypeError", "range() takes no keyword arguments");
  if (args.length === 0 || args.length > 3) {
    throw new PyError("TypeError", args.length === 0 ? "range expected at least 1 argument, got 0" : `range expected at most 3 arguments, got ${args.length}`);
  }
  const numbers = args.map(toBigIndex);
  const [start, stop, step] = numbers.length === 1 ? [0n, numbers[0]!, 1n] : [numbers[0]!, numbers[1]!, numbers[2] ?? 1n];
  if (step === 0n) throw new PyError("ValueError", "range() arg 3 must not be zero");
  return { kind: "range", start, stop, step };
}

function oneIterable(name: string, args: PyValue[], kwargs: Map<string, PyValue>, runtime: Runtime): PyValue[] {
  const [iterable] = bindArgs({ name, params: ["iterable"], required: 0 }, args, kwargs);
  return iterable === undefined ? [] : iterate(iterable, runtime.budget);
}

const intType = makeType("int", toInt);

/** Built-in types by name, as bound in the builtins namespace. */
export const builtinTypes: ReadonlyMap<string, PyType> = new Map<string, PyType>([
  ["str", makeType("str", (args, kwargs, runtime) => {
    const [value] = bindArgs({ name: "str", params: ["object"], required: 0 }, args, kwargs);
    return pyStr(value === undefined ? "" : pyStrOf(value, runtime.budget.limits));
  })],
  ["int", intType],
  ["float", makeType("float", toFloat)],
  ["bool", makeType("bool", (args, kwargs) => {
    const [value] = bindArgs({ name: "bool", params: ["x"], required: 0 }, args, kwargs);
    return pyBool(value !== undefined && isTruthy(value));
  }, intType)],
  ["list", makeType("list", (args, kwargs, runtime) => pyList(oneIterable("list", args, kwargs, runtime)))],
  ["tuple", makeType("tuple", (args, kwargs, runtime) => pyTuple(oneIterable("tuple", args, kwargs, runtime)))],
  ["set", makeType("set", (args, kwargs, runtime) => pySet(oneIterable("set", args, kwargs, runtime)))],
  ["dict", makeType("dict", (args, kwargs, runtime) => {
    if (args.length > 1) throw new PyError("TypeError", `dict expected at most 1 argument, got ${args.length}`);
    const dict = pyDict([]);
    updateDict(dict, args[0], kwargs, runtime.budget);
    return dict;
  })],
  ["range", makeType("range", toRange)],
  ["object", makeType("object")],
]);

const otherTypes = new Map<string, PyType>();

function namedType(name: string): PyType {
  const builtin = builtinTypes.get(name);
  if (builtin) return builtin;
  let type = otherTypes.get(name);
  if (!type) {
    type = makeType(name);
    otherTypes.set(name, type);
  }
  return type;
}

/** type(value). */
export function typeOf(value: PyValue): PyType {
  if (value.kind === "exception") return value.type;
  return namedType(value.kind === "function" && value.flavor === "lambda" ? "function" : typeNameOf(value));
}

const exceptionTypes = new Map<string, PyType>();

/** The class object of a built-in or host-raised exception, created on first use. */
export function exceptionType(name: string): PyType {
  let type = exceptionTypes.get(name);
  if (!type) {
    const parentName = name === "BaseException" ? undefined : exceptionParents.get(name) ?? "Exception";
    const base = parentName ? exceptionType(parentName) : undefined;
    const created: PyType = makeType(name, (args) => makeException(created, args), base);
    type = created;
    exceptionTypes.set(name, type);
  }
  return type;
}

/** The exception value `Type(*args)`; its str() is what the traceback prints after "Type: ". */
export function makeException(type: PyType, args: PyValue[]): PyException {
  const message = args.length === 0 ? "" : args.length === 1
    ? (isExceptionClass(type, "KeyError") ? pyRepr(args[0]!) : pyStrOf(args[0]!))
    : pyRepr(pyTuple(args));
  return { kind: "exception", type, message, args };
}

export function isExceptionClass(type: PyType, ancestor: string): boolean {
  return exceptionTypes.get(type.name) === type && exceptionIsSubclass(type.name, ancestor);
}

/** The built-in exception classes bound in the builtins namespace. */
export function builtinExceptionTypes(): PyType[] {
  return ["BaseException", ...exceptionParents.keys()].map(exceptionType);
}

/** isinstance(value, type) for one class object. */
export function isInstance(value: PyValue, type: PyType): boolean {
  for (let current: PyType | undefined = typeOf(value); current; current = current.base) {
    if (current === type) return true;
  }
  return type.name === "object" && builtinTypes.get("object") === type;
}
