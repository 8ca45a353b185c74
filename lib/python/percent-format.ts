// Python's `FORMAT % value` for one conversion (`%.2f`, `%05d`, `%s`, `%e`...), as Guild's label `|%...` transforms use it.
import { exponentialText, formatFixed } from "./float.js";
import { pyRepr, pyStr } from "./repr.js";
import { numericValue } from "./values.js";

const CONVERSION = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([diufFeEsr%])/g;

/** Python's TypeError for a value a conversion does not take; the caller keeps the value. */
export class PercentFormatTypeError extends Error {}

function numberOf(value: unknown, conversion: string): number {
  const number = typeof value === "boolean" ? Number(value) : numericValue(value);
  if (number === null) throw new PercentFormatTypeError(`%${conversion} format: a real number is required, not ${typeof value}`);
  return number;
}

function signed(text: string, negative: boolean, flags: string): string {
  if (negative) return "-" + text;
  if (flags.includes("+")) return "+" + text;
  if (flags.includes(" ")) return " " + text;
  return text;
}

function pad(text: string, width: number, flags: string, numeric: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes("-")) return text.padEnd(width);
  if (numeric && flags.includes("0")) {
    const sign = /^[-+ ]/.test(text) ? text[0] : "";
    return sign + text.slice(sign.length).padStart(width - sign.length, "0");
  }
  return text.padStart(width);
}

function convert(value: unknown, flags: string, width: number, precision: number | null, conversion: string): string {
  switch (conversion) {
    case "s":
      return pad(pyStr(value), width, flags, false);
    case "r":
      return pad(pyRepr(value), width, flags, false);
    case "d":
    case "i":
    case "u": {
      const number = Math.trunc(numberOf(value, conversion));
      return pad(signed(String(Math.abs(number)), number < 0, flags), width, flags, true);
    }
    case "f":
    case "F": {
      const number = numberOf(value, conversion);
      const text = Number.isFinite(number) ? formatFixed(Math.abs(number), precision ?? 6) : String(Math.abs(number)) === "Infinity" ? "inf" : "nan";
      return pad(signed(conversion === "F" ? text.toUpperCase() : text, number < 0 || Object.is(number, -0), flags), width, flags, true);
    }
    default: {
      const number = numberOf(value, conversion);
      const text = Number.isFinite(number) ? exponentialText(number, precision ?? 6) : Number.isNaN(number) ? "nan" : "inf";
      return pad(signed(conversion === "E" ? text.toUpperCase() : text, number < 0, flags), width, flags, true);
    }
  }
}

/** `format % value` where format holds one conversion (and `%%`); throws PercentFormatTypeError as Python raises TypeError. */
export function percentFormat(format: string, value: unknown): string {
  let used = false;
  return format.replace(CONVERSION, (_whole, flags: string, width: string | undefined, precision: string | undefined, conversion: string) => {
    if (conversion === "%") return "%";
    if (used) throw new PercentFormatTypeError("not enough arguments for format string");
    used = true;
    return convert(value, flags, width ? Number(width) : 0, precision === undefined ? null : Number(precision), conversion);
  });
}
