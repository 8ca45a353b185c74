// printf-style `template % values` formatting, each piece checked against the size limit as it is made.
import { dictGet } from "./dict.js";
import { PyError, keyError } from "./errors.js";
import { formatValue } from "./format.js";
import { checkSize, maxSsize, type Budget } from "./limits.js";
import { pyRepr, pyStrOf } from "./repr.js";
import { pyInt, pyStr, typeNameOf, type PyValue } from "./values.js";

/** printf-style `template % values`. */
export function formatPercent(template: string, values: PyValue, budget: Budget): string {
  const { limits } = budget;
  const args = values.kind === "tuple" ? [...values.items] : [values];
  const mapping = values.kind === "dict" ? values : undefined;
  let used = 0;
  let grown = 0;
  const pattern = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])?/g;
  const out = template.replace(pattern, (whole, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, type: string | undefined) => {
    if (type === undefined) throw new PyError("ValueError", "incomplete format");
    if (type === "%" && whole === "%%") return "%";
    const take = (): PyValue => {
      if (used >= args.length) throw new PyError("TypeError", "not enough arguments for format string");
      return args[used++]!;
    };
    let widthValue = width === "*" ? starArgument(take(), maxSsize, "Python int too large to convert to C ssize_t") : width === undefined ? undefined : percentNumber(width, maxSsize, "width too big");
    const precisionValue = precision === "*" ? starArgument(take(), 2n ** 31n - 1n, "Python int too large to convert to C int") : precision === undefined ? undefined : percentNumber(precision, 2n ** 31n - 1n, "precision too big");
    let leftAlign = flags.includes("-");
    if (widthValue !== undefined && widthValue < 0) {
      // A negative `*` width pads on the right, as the `-` flag does.
      leftAlign = true;
      widthValue = -widthValue;
    }
    let value: PyValue;
    if (key !== undefined) {
      if (!mapping) throw new PyError("TypeError", "format requires a mapping");
      const found = dictGet(mapping, pyStr(key));
      if (found === undefined) throw keyError(pyStr(key!));
      value = found;
    } else {
      value = take();
    }
    const align = leftAlign ? "<" : flags.includes("0") && type !== "s" && type !== "r" ? "0=" : "";
    const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
    const specWidth = widthValue ?? "";
    const specPrecision = precisionValue !== undefined ? `.${Math.max(precisionValue, 0)}` : "";
    let text: string;
    if (type === "s" || type === "r" || type === "a") {
      const converted = type === "s" ? pyStrOf(value, limits) : pyRepr(value, limits);
      text = formatValue(pyStr(converted), `${align || ">"}${specWidth}${specPrecision}`, budget);
    } else if (type === "c") {
      text = formatValue(value.kind === "str" ? value : pyStr(percentChar(value)), `${align || ">"}${specWidth}`, budget);
    } else {
      if (value.kind !== "int" && value.kind !== "float" && value.kind !== "bool") {
        throw new PyError("TypeError", `%${type} format: a real number is required, not ${typeNameOf(value)}`);
      }
      const numeric = "diu".includes(type) && value.kind === "float" ? pyInt(truncated(value.value)) : value;
      const code = type === "i" || type === "u" ? "d" : type;
      const alternate = flags.includes("#") ? "#" : "";
      text = formatValue(numeric, `${align}${sign}${alternate}${specWidth}${specPrecision}${code}`, budget);
    }
    grown += text.length - whole.length;
    checkSize(template.length + grown, limits);
    budget.build(text.length);
    return text;
  });
  if (!mapping && used < args.length) throw new PyError("TypeError", "not all arguments converted during string formatting");
  return out;
}

/** A width or precision written in a `%` template; CPython names which one is too big. */
function percentNumber(digits: string, largest: bigint, message: string): number {
  const value = BigInt(digits);
  if (value > largest) throw new PyError("ValueError", message);
  return Number(value);
}

/** A `*` width or precision taken from the arguments. */
function starArgument(value: PyValue, largest: bigint, message: string): number {
  const integer = value.kind === "int" ? value.value : value.kind === "bool" ? (value.value ? 1n : 0n) : undefined;
  if (integer === undefined) throw new PyError("TypeError", "* wants int");
  if (integer > largest || integer < -largest - 1n) throw new PyError("OverflowError", message);
  return Number(integer);
}

/** The character `%c` writes for a number. */
function percentChar(value: PyValue): string {
  const code = value.kind === "int" ? value.value : value.kind === "bool" ? (value.value ? 1n : 0n) : undefined;
  if (code === undefined) throw new PyError("TypeError", `%c requires int or char, not ${typeNameOf(value)}`);
  if (code < 0n || code > 0x10ffffn) throw new PyError("OverflowError", "%c arg not in range(0x110000)");
  return String.fromCodePoint(Number(code));
}

/** int(x) of a float, with CPython's errors for nan and infinities. */
export function truncated(value: number): bigint {
  if (Number.isNaN(value)) throw new PyError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(value)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
  return BigInt(Math.trunc(value));
}
