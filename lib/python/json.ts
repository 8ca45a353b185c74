// Python's json.dumps with its defaults: `, ` and `: ` separators, ASCII-only strings, floats as repr(), NaN and Infinity.
import { floatRepr } from "./float.js";
import { intRepr } from "./repr.js";
import { compareCodePoints } from "./str-order.js";
import { PyDate, PyFloat } from "./values.js";

function jsonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char === "\b") out += "\\b";
    else if (char === "\f") out += "\\f";
    else if (code < 0x20 || (code > 0x7e && code <= 0xffff)) out += "\\u" + code.toString(16).padStart(4, "0");
    else if (code > 0xffff) {
      const offset = code - 0x10000;
      out += "\\u" + (0xd800 + (offset >> 10)).toString(16) + "\\u" + (0xdc00 + (offset & 0x3ff)).toString(16);
    } else out += char;
  }
  return out + '"';
}

function jsonFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return floatRepr(value);
}

/**
 * json.dumps(value[, sort_keys=True][, indent=N]) for decoded values; a JS number is an int when integral, PyFloat is
 * always a float. With an indent, items go one a line and separators lose their trailing space, as Python's do.
 */
export function pyJsonDumps(value: unknown, options: { sortKeys?: boolean; indent?: number } = {}): string {
  return dumpJson(value, options, 0);
}

function dumpJson(value: unknown, options: { sortKeys?: boolean; indent?: number }, depth: number): string {
  const dump = (item: unknown): string => dumpJson(item, options, depth + 1);
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return Number.isInteger(value) ? intRepr(value) : jsonFloat(value);
  if (value instanceof PyFloat) return jsonFloat(value.value);
  if (value instanceof PyDate) throw new TypeError("Object of type date is not JSON serializable");
  if (typeof value === "string") return jsonString(value);
  const items = Array.isArray(value) ? value.map(dump) : objectItems(value as Record<string, unknown>, options, dump);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  if (options.indent === undefined) return open + items.join(", ") + close;
  const inner = "\n" + " ".repeat(options.indent * (depth + 1));
  const outer = "\n" + " ".repeat(options.indent * depth);
  return open + inner + items.join("," + inner) + outer + close;
}

function objectItems(value: Record<string, unknown>, options: { sortKeys?: boolean }, dump: (item: unknown) => string): string[] {
  const entries = Object.entries(value);
  if (options.sortKeys) entries.sort(([left], [right]) => compareCodePoints(left, right));
  return entries.map(([key, item]) => `${jsonString(key)}: ${dump(item)}`);
}
