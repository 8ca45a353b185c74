// Python floats as text: float(str), repr(float), and the exact decimal rounding behind '%f', '%e' and format().
import { isPythonSpace } from "./whitespace.js";

/** repr(float): shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16, else d.ddde+XX. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissa.replace(".", "");
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
    const fraction = digits.slice(exponent + 1) || "0";
    return `${sign}${whole}.${fraction}`;
  }
  const rest = digits.slice(1);
  return `${sign}${digits[0]}${rest ? "." + rest : ""}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}

const NUMBER = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL = /^([+-]?)(?:inf|infinity|nan)$/i;

/** The value float(text) gives, or null where Python raises ValueError. */
export function parsePythonFloat(text: string): number | null {
  const trimmed = asciiDigitsAndSpaces(text).replace(/^ +| +$/g, "");
  const special = SPECIAL.exec(trimmed);
  if (special) {
    if (/nan$/i.test(trimmed)) return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!NUMBER.test(trimmed)) return null;
  return Number(trimmed.replace(/_/g, ""));
}

/** What float() and int() do first: Unicode decimal digits become ASCII digits, Unicode spaces become ' '. */
export function asciiDigitsAndSpaces(text: string): string {
  let out = "";
  for (const char of text) {
    if (isPythonSpace(char)) out += " ";
    else if (char > "\x7f" && /\p{Nd}/u.test(char)) out += String(decimalValue(char));
    else out += char;
  }
  return out;
}

// Unicode assigns decimal digits in runs of ten, 0 to 9, so a digit's value is its offset in its run, modulo 10.
function decimalValue(char: string): number {
  let code = char.codePointAt(0)!;
  let offset = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
    code--;
    offset++;
  }
  return offset % 10;
}

/** '%.Nf' % value: sign, digits rounded half-even on the exact binary value, nan and inf spelt as Python does. */
export function formatFixed(value: number, precision: number): string {
  if (Number.isNaN(value)) return "nan";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}inf`;
  return sign + fixedDigits(value, precision);
}

/** |value| as numerator / denominator with bigints, exactly. */
function exactParts(value: number): { numerator: bigint; denominator: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = exponentBits === 0 ? -1074 : exponentBits - 1075;
  return exponent >= 0
    ? { numerator: mantissa << BigInt(exponent), denominator: 1n }
    : { numerator: mantissa, denominator: 1n << BigInt(-exponent) };
}

/** round(|value| * 10^shift) with ties to even, exactly. */
function roundScaled(value: number, shift: number): bigint {
  let { numerator, denominator } = exactParts(value);
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator - quotient * denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** |value| with `precision` digits after the point (format type 'f'); finite values only. */
export function fixedDigits(value: number, precision: number): string {
  const digits = roundScaled(value, precision).toString().padStart(precision + 1, "0");
  return precision > 0 ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
}

/** |value| as d.ddd and its decimal exponent, with `precision` digits after the point. */
export function exponentDigits(value: number, precision: number): { mantissa: string; exponent: number } {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return { mantissa: precision > 0 ? "0." + "0".repeat(precision) : "0", exponent: 0 };
  let exponent = Number(magnitude.toExponential().split("e")[1]);
  let scaled = roundScaled(magnitude, precision - exponent);
  if (scaled >= 10n ** BigInt(precision + 1)) {
    exponent++;
    scaled = roundScaled(magnitude, precision - exponent);
  } else if (scaled < 10n ** BigInt(precision)) {
    exponent--;
    scaled = roundScaled(magnitude, precision - exponent);
  }
  const digits = scaled.toString();
  return { mantissa: precision > 0 ? `${digits[0]}.${digits.slice(1)}` : digits, exponent };
}

/** |value| in format type 'e': d.dddde+XX. */
export function exponentialText(value: number, precision: number): string {
  const { mantissa, exponent } = exponentDigits(value, precision);
  return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}
