// repr() and str() of our values, matching CPython's text exactly.
import type { PyValue } from "./values.js";

const nonPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr of a str: quote choice and escapes as CPython does them. */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === "\\") out += "\\" + char;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char !== " " && nonPrintable.test(char)) out += escapeCode(code);
    else out += char;
  }
  return out + quote;
}

function escapeCode(code: number): string {
  if (code <= 0xff) return "\\x" + code.toString(16).padStart(2, "0");
  if (code <= 0xffff) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}

/** Python's repr of a float: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  let text: string;
  if (exponent < 0) text = "0." + "0".repeat(-exponent - 1) + digits;
  else if (digits.length > exponent + 1) text = digits.slice(0, exponent + 1) + "." + digits.slice(exponent + 1);
  else text = digits + "0".repeat(exponent + 1 - digits.length) + ".0";
  return (negative ? "-" : "") + text;
}

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
