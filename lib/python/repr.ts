// Python's repr() and str() of strings and of the values Guild reads from YAML and flags (floats, dates, lists, dicts).
import { floatRepr } from "./float.js";
import { PyDate, PyFloat } from "./values.js";

const nonPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** repr(str): single quotes unless the text has `'` and no `"`; what str.isprintable() rejects is escaped. */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === quote || char === "\\") out += "\\" + char;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char !== " " && nonPrintable.test(char)) out += escapeCode(char.codePointAt(0)!);
    else out += char;
  }
  return out + quote;
}

function escapeCode(code: number): string {
  if (code <= 0xff) return "\\x" + code.toString(16).padStart(2, "0");
  if (code <= 0xffff) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}

/** repr(int) of an integral number, in full digits where JavaScript would switch to exponent form. */
export function intRepr(value: number): string {
  return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
}

/** repr() of a decoded value (dicts keep insertion order, as Python does). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isInteger(value) ? intRepr(value) : floatRepr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyDate) {
    const [year, month, day] = value.text.slice(0, 10).split("-").map(Number);
    return `datetime.date(${year}, ${month}, ${day})`;
  }
  if (typeof value === "string") return strRepr(value);
  if (Array.isArray(value)) return "[" + value.map(pyRepr).join(", ") + "]";
  if (typeof value === "object") {
    return "{" + Object.entries(value as Record<string, unknown>).map(([key, item]) => `${strRepr(key)}: ${pyRepr(item)}`).join(", ") + "}";
  }
  return String(value);
}

/** str() of a decoded value: strings as they are, dates as YYYY-MM-DD, everything else as repr(). */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof PyDate) return value.text.slice(0, 10);
  return pyRepr(value);
}
