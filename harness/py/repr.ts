// repr() and str() of the interpreter's values, matching CPython's text exactly; scalars use the shared Python primitives.
import { floatRepr } from "../../lib/python/float.js";
import { strRepr } from "../../lib/python/repr.js";
import type { PyValue } from "./values.js";

/** A fake but stable address for reprs like `<function <lambda> at 0x7f...>`. */
export function fakeAddress(id: number): string {
  return "0x7f" + (0x10000000 + id * 0x40).toString(16).padStart(10, "0");
}

/** repr(value). */
export function pyRepr(value: PyValue): string {
  return reprWith(value, new Set());
}

/** str(value): strings as-is, everything else as repr (containers repr their items). */
export function pyStrOf(value: PyValue): string {
  if (value.kind === "str") return value.value;
  if (value.kind === "exception") return value.message;
  if (value.kind === "object") {
    const custom = value.attrs.get("__str__");
    if (custom?.kind === "str") return custom.value;
  }
  return pyRepr(value);
}

function reprWith(value: PyValue, active: Set<PyValue>): string {
  const inner = (item: PyValue) => reprWith(item, active);
  switch (value.kind) {
    case "none": return "None";
    case "bool": return value.value ? "True" : "False";
    case "int": return value.value.toString();
    case "float": return floatRepr(value.value);
    case "str": return strRepr(value.value);
    case "list":
      return guarded(value, active, "[...]", () => `[${value.items.map(inner).join(", ")}]`);
    case "tuple":
      if (value.items.length === 1) return `(${inner(value.items[0]!)},)`;
      return `(${value.items.map(inner).join(", ")})`;
    case "dict":
      return guarded(value, active, "{...}", () =>
        `{${[...value.entries.values()].map((entry) => `${inner(entry.key)}: ${inner(entry.value)}`).join(", ")}}`);
    case "set":
      if (value.entries.size === 0) return "set()";
      return `{${[...value.entries.values()].map(inner).join(", ")}}`;
    case "range":
      return value.step === 1n ? `range(${value.start}, ${value.stop})` : `range(${value.start}, ${value.stop}, ${value.step})`;
    case "dictview": {
      const entries = [...value.dict.entries.values()];
      const items = value.which === "keys" ? entries.map((entry) => inner(entry.key))
        : value.which === "values" ? entries.map((entry) => inner(entry.value))
        : entries.map((entry) => `(${inner(entry.key)}, ${inner(entry.value)})`);
      return `dict_${value.which}([${items.join(", ")}])`;
    }
    case "iterator": return `<${value.typeName} object at ${fakeAddress(value.id)}>`;
    case "function":
      if (value.flavor === "lambda") return `<function ${value.name} at ${fakeAddress(value.id)}>`;
      if (value.flavor === "method" && value.self) {
        return `<built-in method ${value.name} of ${typeLabel(value.self)} object at ${fakeAddress(value.id)}>`;
      }
      return `<built-in function ${value.name}>`;
    case "type": return `<class '${value.name}'>`;
    case "object": {
      const custom = value.attrs.get("__repr__");
      if (custom?.kind === "str") return custom.value;
      if (value.typeName === "module") {
        const name = value.attrs.get("__name__");
        return `<module '${name?.kind === "str" ? name.value : "?"}'>`;
      }
      return `<${value.typeName} object at ${fakeAddress(value.id)}>`;
    }
    case "exception":
      return `${value.type.name}(${value.args.map(inner).join(", ")})`;
  }
}

function typeLabel(value: PyValue): string {
  return value.kind === "none" ? "NoneType" : value.kind === "object" ? value.typeName : value.kind;
}

function guarded(value: PyValue, active: Set<PyValue>, recursive: string, render: () => string): string {
  if (active.has(value)) return recursive;
  active.add(value);
  try {
    return render();
  } finally {
    active.delete(value);
  }
}
