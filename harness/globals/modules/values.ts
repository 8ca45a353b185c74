// Converting between our Python values and the plain data lib/ reads and writes (YAML documents, JSON).
import { PyDate, PyFloat, isMapping } from "../../../lib/python/values.js";
import { yamlKey } from "../../../lib/yaml/yaml.js";
import { PyError, pyBool, pyDict, pyFloat, pyInt, pyList, pyNone, pyStr, typeNameOf, type PyValue } from "../../py/index.js";

/** A value lib/yaml decoded: ints, PyFloat, dates (as their text), lists, mappings with their YAML keys. */
export function fromData(value: unknown): PyValue {
  if (value === null || value === undefined) return pyNone;
  if (typeof value === "boolean") return pyBool(value);
  if (typeof value === "string") return pyStr(value);
  if (typeof value === "bigint") return pyInt(value);
  if (typeof value === "number") return Number.isInteger(value) ? pyInt(value) : pyFloat(value);
  if (value instanceof PyFloat) return pyFloat(value.value);
  if (value instanceof PyDate) return pyStr(value.text);
  if (Array.isArray(value)) return pyList(value.map(fromData));
  if (isMapping(value)) return pyDict(Object.keys(value).map((key) => [fromData(yamlKey(value, key)), fromData(value[key])] as const));
  throw new PyError("TypeError", `cannot read a ${typeof value} as a Python value`);
}

/** Our value as plain data for lib/yaml's emitter: floats stay PyFloat, dict keys become their str(). */
export function toData(value: PyValue, what: string): unknown {
  switch (value.kind) {
    case "none": return null;
    case "bool": case "str": return value.value;
    case "int": return Number.isSafeInteger(Number(value.value)) ? Number(value.value) : value.value;
    case "float": return new PyFloat(value.value);
    case "list": case "tuple": return value.items.map((item) => toData(item, what));
    case "dict": {
      const result: Record<string, unknown> = {};
      for (const { key, value: item } of value.entries.values()) {
        const name = key.kind === "str" ? key.value : String(toData(key, what));
        Object.defineProperty(result, name, { value: toData(item, what), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    default: throw new PyError(what === "yaml" ? "yaml.representer.RepresenterError" : "TypeError", `cannot represent an object: ${typeNameOf(value)}`);
  }
}
