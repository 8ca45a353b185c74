// Reads helper arguments as plain values, raising Python TypeErrors for the wrong kinds.
import { PyError, typeNameOf, type PyValue } from "../py/index.js";

export function expectStr(value: PyValue, what: string): string {
  if (value.kind !== "str") throw new PyError("TypeError", `${what} must be str, not ${typeNameOf(value)}`);
  return value.value;
}

export function optionalStr(value: PyValue | undefined, what: string): string | null {
  if (value === undefined || value.kind === "none") return null;
  return expectStr(value, what);
}

export function expectNumber(value: PyValue, what: string): number {
  if (value.kind === "int") return Number(value.value);
  if (value.kind === "float") return value.value;
  throw new PyError("TypeError", `${what} must be a number, not ${typeNameOf(value)}`);
}

/** A str or a list/tuple of str (Guild's helpers accept either for patterns). */
export function strList(value: PyValue | undefined, what: string): string[] | null {
  if (value === undefined || value.kind === "none") return null;
  if (value.kind === "str") return [value.value];
  if (value.kind === "list" || value.kind === "tuple") return value.items.map((item) => expectStr(item, what));
  throw new PyError("TypeError", `${what} must be str or list, not ${typeNameOf(value)}`);
}

export function intList(value: PyValue | undefined, what: string): number[] | null {
  if (value === undefined || value.kind === "none") return null;
  if (value.kind === "list" || value.kind === "tuple") return value.items.map((item) => expectNumber(item, what));
  throw new PyError("TypeError", `${what} must be a list of int, not ${typeNameOf(value)}`);
}

/** A dict of str to str (environment overrides). */
export function strDict(value: PyValue | undefined, what: string): Map<string, string> | null {
  if (value === undefined || value.kind === "none") return null;
  if (value.kind !== "dict") throw new PyError("TypeError", `${what} must be dict, not ${typeNameOf(value)}`);
  const result = new Map<string, string>();
  for (const { key, value: item } of value.entries.values()) {
    result.set(expectStr(key, `${what} key`), expectStr(item, `${what} value`));
  }
  return result;
}
