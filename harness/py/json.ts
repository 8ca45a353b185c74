// Converting between plain JSON-like data and Python values.
import { pyDict } from "./dict.js";
import { pyBool, pyFloat, pyInt, pyList, pyNone, pyStr, type PyValue } from "./values.js";
import { pyRepr } from "./repr.js";

/** string, number (int when integral), boolean, null, arrays -> list, plain objects -> dict in key order. */
export function fromJson(value: unknown): PyValue {
  if (value === null || value === undefined) return pyNone;
  switch (typeof value) {
    case "string": return pyStr(value);
    case "boolean": return pyBool(value);
    case "number": return Number.isInteger(value) ? pyInt(value) : pyFloat(value);
    case "bigint": return pyInt(value);
    case "object":
      if (Array.isArray(value)) return pyList(value.map(fromJson));
      return pyDict(Object.entries(value as Record<string, unknown>).map(([key, item]) => [pyStr(key), fromJson(item)]));
    default: throw new TypeError(`fromJson: cannot convert ${typeof value}`);
  }
}

/** The reverse of fromJson: dict keys become strings (str() of non-str keys), tuples become arrays. */
export function toJs(value: PyValue): unknown {
  switch (value.kind) {
    case "none": return null;
    case "bool": case "float": case "str": return value.value;
    case "int": return Number.isSafeInteger(Number(value.value)) ? Number(value.value) : value.value;
    case "list": case "tuple": return value.items.map(toJs);
    case "set": return [...value.entries.values()].map(toJs);
    case "dict": {
      const result: Record<string, unknown> = {};
      for (const { key, value: item } of value.entries.values()) {
        const name = key.kind === "str" ? key.value : pyRepr(key);
        Object.defineProperty(result, name, { value: toJs(item), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    default: return pyRepr(value);
  }
}

