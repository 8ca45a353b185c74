// Python natsort's natsorted() with its default algorithm: digit runs compare as integers, text by code point.
// The key is natsort's: the text NFD-normalised, split into text and digit runs, empty parts dropped, and ""
// put first when the text starts with a number, so text always meets text and numbers meet numbers.
import { compareCodePoints } from "./str-order.js";

type Part = string | bigint;

/** natsort's default key for one string. */
export function naturalKey(text: string): Part[] {
  const parts: Part[] = [];
  for (const part of text.normalize("NFD").split(/(\p{Nd}+)/u)) {
    if (part === "") continue;
    parts.push(/^\p{Nd}/u.test(part) ? decimalInteger(part) : part);
  }
  if (typeof parts[0] === "bigint") parts.unshift("");
  return parts;
}

function decimalInteger(digits: string): bigint {
  let value = 0n;
  for (const digit of digits) value = value * 10n + BigInt(digitValue(digit));
  return value;
}

// Unicode assigns decimal digits in runs of ten, 0 to 9: a digit's value is its offset in its run, modulo 10.
function digitValue(digit: string): number {
  let code = digit.codePointAt(0)!;
  if (code <= 0x39) return code - 0x30;
  let offset = 0;
  while (/\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
    code--;
    offset++;
  }
  return offset % 10;
}

/** Orders two strings as natsorted does (negative, zero or positive). */
export function compareNatural(left: string, right: string): number {
  const a = naturalKey(left);
  const b = naturalKey(right);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const x = a[index]!;
    const y = b[index]!;
    const diff = typeof x === "bigint" && typeof y === "bigint" ? (x < y ? -1 : x > y ? 1 : 0) : compareCodePoints(String(x), String(y));
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** natsorted(items): a sorted copy, stable for equal keys. */
export function naturalSorted(items: readonly string[]): string[] {
  return [...items].sort(compareNatural);
}

/** A natsort key for a key function's value: None first, numbers as `("", n)`, strings as naturalKey. */
function valueKey(value: unknown): Part[] | Array<string | number> {
  if (value === null || value === undefined) return [];
  if (typeof value === "boolean") return ["", Number(value)];
  if (typeof value === "number") return ["", value];
  if (typeof value === "object" && value !== null && typeof (value as { valueOf(): unknown }).valueOf() === "number") return ["", Number(value)];
  return naturalKey(String(value));
}

/** Orders two key values as natsorted(items, key=...) does: None, then numbers and text naturally. */
export function compareNaturalValues(left: unknown, right: unknown): number {
  const a = valueKey(left);
  const b = valueKey(right);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const x = a[index]!;
    const y = b[index]!;
    const numeric = typeof x !== "string" && typeof y !== "string";
    const diff = numeric ? (Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0) : compareCodePoints(String(x), String(y));
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
