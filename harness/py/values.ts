// The closed set of Python values the transcript interpreter works with, and their constructors.
import type { Runtime } from "./runtime.js";

export type NativeImpl = (args: PyValue[], kwargs: Map<string, PyValue>) => PyValue | void | Promise<PyValue | void>;

export interface PyNone { readonly kind: "none" }
export interface PyBool { readonly kind: "bool"; readonly value: boolean }
export interface PyInt { readonly kind: "int"; readonly value: bigint }
export interface PyFloat { readonly kind: "float"; readonly value: number }
export interface PyStr { readonly kind: "str"; readonly value: string }
/** An immutable byte string (b'...', str.encode(), file contents read in binary). */
export interface PyBytes { readonly kind: "bytes"; readonly value: Uint8Array }
export interface PyList { readonly kind: "list"; items: PyValue[] }
export interface PyTuple { readonly kind: "tuple"; readonly items: readonly PyValue[] }
/** Dict entries keyed by a hash string (see hashKey) so equal Python keys collapse; Map keeps insertion order. */
export interface PyDict { readonly kind: "dict"; readonly entries: Map<string, { key: PyValue; value: PyValue }> }
export interface PySet { readonly kind: "set"; readonly entries: Map<string, PyValue> }
export interface PyRange { readonly kind: "range"; readonly start: bigint; readonly stop: bigint; readonly step: bigint }
/** A one-shot iterator (zip, enumerate, map, generator expressions, iter()). */
export interface PyIterator { readonly kind: "iterator"; readonly typeName: string; readonly items: PyValue[]; position: number; readonly id: number }
/** A live view over a dict: keys(), values() or items(). */
export interface PyDictView { readonly kind: "dictview"; readonly which: "keys" | "values" | "items"; readonly dict: PyDict }
export interface PyFunction {
  readonly kind: "function";
  readonly name: string;
  readonly impl: NativeImpl;
  /** "builtin" for host and built-in functions, "lambda" for lambdas, "method" for bound methods. */
  readonly flavor: "builtin" | "lambda" | "method";
  readonly self?: PyValue;
  readonly id: number;
}
/** A class object: builtin types (str, int, ...), exception classes, and the type of a host object. */
export interface PyType { readonly kind: "type"; readonly name: string; readonly construct?: Constructor; readonly base?: PyType }
/** Makes an instance of a type; built-in types use the runtime to iterate within the example's budget. */
export type Constructor = (args: PyValue[], kwargs: Map<string, PyValue>, runtime: Runtime) => PyValue | void | Promise<PyValue | void>;
/** A namespace or host object (a module, a guildfile, an operation) whose attributes are our values. */
export interface PyObject { readonly kind: "object"; readonly typeName: string; readonly attrs: Map<string, PyValue>; readonly id: number }
export interface PyException { readonly kind: "exception"; readonly type: PyType; readonly message: string; readonly args: PyValue[]; readonly attrs?: ReadonlyMap<string, PyValue> }

export type PyValue =
  | PyNone | PyBool | PyInt | PyFloat | PyStr | PyBytes | PyList | PyTuple | PyDict | PySet | PyRange
  | PyIterator | PyDictView | PyFunction | PyType | PyObject | PyException;

let nextId = 1;
/** A stable fake identity for reprs such as `<function <lambda> at 0x7f...>`. */
export function newId(): number {
  return nextId++;
}

export const pyNone: PyNone = Object.freeze({ kind: "none" });
export const pyTrue: PyBool = Object.freeze({ kind: "bool", value: true });
export const pyFalse: PyBool = Object.freeze({ kind: "bool", value: false });

export function pyBool(value: boolean): PyBool {
  return value ? pyTrue : pyFalse;
}

export function pyInt(value: number | bigint): PyInt {
  if (typeof value === "number" && !Number.isInteger(value)) throw new RangeError(`pyInt: not an integer: ${value}`);
  return { kind: "int", value: BigInt(value) };
}

export function pyFloat(value: number): PyFloat {
  return { kind: "float", value };
}

export function pyStr(value: string): PyStr {
  return { kind: "str", value };
}

export function pyBytes(value: Uint8Array): PyBytes {
  return { kind: "bytes", value };
}

/** Bytes from a string whose characters are all below 256 (latin-1), as bytes literals are scanned. */
export function pyBytesOfLatin1(text: string): PyBytes {
  return pyBytes(Uint8Array.from(text, (char) => char.charCodeAt(0)));
}

export function pyList(items: PyValue[]): PyList {
  return { kind: "list", items };
}

export function pyTuple(items: readonly PyValue[]): PyTuple {
  return { kind: "tuple", items };
}

export function pyIterator(typeName: string, items: PyValue[]): PyIterator {
  return { kind: "iterator", typeName, items, position: 0, id: newId() };
}

export function pyFunction(name: string, impl: NativeImpl): PyFunction {
  return { kind: "function", name, impl, flavor: "builtin", id: newId() };
}

export function pyObject(typeName: string, attrs: Record<string, PyValue>): PyObject {
  const map = new Map<string, PyValue>();
  for (const [name, value] of Object.entries(attrs)) map.set(name, value);
  return { kind: "object", typeName, attrs: map, id: newId() };
}

/** A module object: repr is `<module 'name'>`. */
export function pyModule(name: string, attrs: Record<string, PyValue>): PyObject {
  const module = pyObject("module", attrs);
  module.attrs.set("__name__", pyStr(name));
  return module;
}

/** The Python type name of a value, as used in error messages ('int', 'NoneType', 'dict_keys'). */
export function typeNameOf(value: PyValue): string {
  switch (value.kind) {
    case "none": return "NoneType";
    case "dictview": return `dict_${value.which}`;
    case "iterator": return value.typeName;
    case "function": return value.flavor === "lambda" ? "function" : value.flavor === "method" ? "builtin_function_or_method" : "builtin_function_or_method";
    case "object": return value.typeName;
    case "exception": return value.type.name;
    default: return value.kind;
  }
}
