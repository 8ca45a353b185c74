// Attribute access: host object attribute maps, bound methods of built-in types, and their errors.
import { collectionMethod } from "./collection-methods.js";
import { bytesMethod } from "./bytes.js";
import { PyError } from "./errors.js";
import type { Runtime } from "./runtime.js";
import { strMethod } from "./str-methods.js";
import { newId, pyBool, pyStr, pyTuple, typeNameOf, type PyFunction, type PyValue } from "./values.js";

/** value.name; raises AttributeError with CPython's wording. */
export function getAttribute(value: PyValue, name: string, runtime: Runtime): PyValue {
  switch (value.kind) {
    case "object": {
      const found = value.attrs.get(name);
      if (found !== undefined) return found;
      if (value.typeName === "module") {
        const moduleName = value.attrs.get("__name__");
        throw new PyError("AttributeError", `module '${moduleName?.kind === "str" ? moduleName.value : "?"}' has no attribute '${name}'`);
      }
      break;
    }
    case "type": {
      if (name === "__name__") return pyStr(value.name);
      const method = unboundMethod(value.name, name, runtime);
      if (method) return method;
      throw new PyError("AttributeError", `type object '${value.name}' has no attribute '${name}'`);
    }
    case "function":
      if (name === "__name__") return pyStr(value.name);
      break;
    case "exception": {
      if (name === "args") return pyTuple(value.args);
      const found = value.attrs?.get(name);
      if (found !== undefined) return found;
      break;
    }
    case "float":
      if (name === "is_integer") return bindMethod(value, name, () => pyBool(Number.isInteger(value.value)), runtime);
      break;
    case "str": {
      const method = strMethod(name);
      if (method) return bindMethod(value, name, method, runtime);
      break;
    }
    case "bytes": {
      const method = bytesMethod(name);
      if (method) return bindMethod(value, name, method, runtime);
      break;
    }
    default: {
      const method = collectionMethod(value.kind, name);
      if (method) return bindMethod(value, name, method, runtime);
    }
  }
  throw new PyError("AttributeError", `'${typeNameOf(value)}' object has no attribute '${name}'`);
}

function bindMethod(
  self: PyValue,
  name: string,
  method: (self: PyValue, args: PyValue[], kwargs: Map<string, PyValue>, runtime: Runtime) => PyValue | Promise<PyValue>,
  runtime: Runtime,
): PyFunction {
  return { kind: "function", name, flavor: "method", self, id: newId(), impl: (args, kwargs) => method(self, args, kwargs, runtime) };
}

/** value.name = item: only host objects have writable attributes. */
export function setAttribute(value: PyValue, name: string, item: PyValue, runtime: Runtime): void {
  if (value.kind === "object") {
    value.attrs.set(name, item);
    return;
  }
  let exists = false;
  try {
    getAttribute(value, name, runtime);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists && value.kind !== "type") {
    throw new PyError("AttributeError", `'${typeNameOf(value)}' object attribute '${name}' is read-only`);
  }
  if (value.kind === "type") throw new PyError("TypeError", `cannot set '${name}' attribute of immutable type '${value.name}'`);
  throw new PyError("AttributeError", `'${typeNameOf(value)}' object has no attribute '${name}'`);
}

/** del value.name. */
export function deleteAttribute(value: PyValue, name: string): void {
  if (value.kind === "object" && value.attrs.delete(name)) return;
  throw new PyError("AttributeError", `'${typeNameOf(value)}' object has no attribute '${name}'`);
}

/** `str.lower` and friends: a method of a built-in type taking the object as its first argument. */
function unboundMethod(typeName: string, name: string, runtime: Runtime): PyFunction | undefined {
  const kinds = new Map<string, PyValue["kind"]>([["str", "str"], ["list", "list"], ["tuple", "tuple"], ["dict", "dict"], ["set", "set"]]);
  const kind = kinds.get(typeName);
  if (kind === undefined) return undefined;
  const method = kind === "str" ? strMethod(name) : collectionMethod(kind, name);
  if (!method) return undefined;
  // A method of ours, not a host function: its time counts against the example.
  return { kind: "function", name, flavor: "method", id: newId(), impl: (args, kwargs) => {
    const self = args[0];
    if (self === undefined) throw new PyError("TypeError", `unbound method ${typeName}.${name}() needs an argument`);
    if (self.kind !== kind) {
      throw new PyError("TypeError", `descriptor '${name}' for '${typeName}' objects doesn't apply to a '${typeNameOf(self)}' object`);
    }
    return method(self, args.slice(1), kwargs, runtime);
  } };
}
