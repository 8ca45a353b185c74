// `${name}` references in strings (Guild's util.resolve_refs): a lone ref keeps the value's type.
import { encodeYaml } from "../../lib/yaml/yaml.js";

export class UndefinedReferenceError extends Error {
  constructor(readonly reference: string) {
    super(reference);
  }
}

export class ReferenceCycleError extends Error {}

const REF = /(\\?\$\{[^\n]+?\})/;

/** Resolves refs against values; `undefinedValue` replaces unknown names (else UndefinedReferenceError). */
export function resolveRefs(value: unknown, values: Record<string, unknown>, undefinedValue?: { value: unknown }): unknown {
  return resolveRecursive(value, values, undefinedValue, []);
}

function resolveRecursive(value: unknown, values: Record<string, unknown>, undefinedValue: { value: unknown } | undefined, stack: string[]): unknown {
  if (typeof value !== "string") return value;
  const parts = value.split(REF).filter((part) => part !== "");
  const resolved = parts.map((part) => {
    if (part.startsWith("${") && part.endsWith("}")) {
      const name = part.slice(2, -1);
      if (stack.includes(name)) throw new ReferenceCycleError([...stack, name].join(", "));
      stack.push(name);
      let refValue: unknown;
      if (Object.prototype.hasOwnProperty.call(values, name)) refValue = values[name];
      else if (undefinedValue) refValue = undefinedValue.value;
      else throw new UndefinedReferenceError(name);
      const result = resolveRecursive(refValue, values, undefinedValue, stack);
      stack.pop();
      return result;
    }
    if (part.startsWith("\\${") && part.endsWith("}")) return part.slice(1);
    return part;
  });
  if (resolved.length === 1) return resolved[0];
  return resolved.map((part) => (typeof part === "string" ? part : encodeYaml(part))).join("");
}
