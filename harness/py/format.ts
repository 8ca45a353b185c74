// format() specs and str.format templates, their widths and precisions checked before anything is padded.
import { dictGet } from "./dict.js";
import { PyError, keyError } from "./errors.js";
import { exponentDigits, exponentialText, fixedDigits } from "../../lib/python/float.js";
import { floatRepr } from "../../lib/python/float.js";
import { checkSize, maxSsize, type Budget } from "./limits.js";
import { intText, pyRepr, pyStrOf } from "./repr.js";
import { pyInt, pyStr, typeNameOf, type PyValue } from "./values.js";

interface Spec {
  fill: string; align?: string; sign: string; alternate: boolean; zero: boolean;
  width: number; grouping: string; precision?: number; type: string;
}

const specPattern = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su;

function parseSpec(text: string, value: PyValue, budget: Budget): Spec {
  const match = specPattern.exec(text);
  if (!match) throw new PyError("ValueError", "Invalid format specifier");
  const [, fill, align, sign, alternate, zero, width, grouping, precision, type] = match;
  const widthValue = width ? specNumber(width) : 0;
  // The padded result is built whole: a width past the size limit is refused before padding.
  checkSize(widthValue, budget.limits);
  return {
    fill: fill ?? (zero && !align ? "0" : " "), align: align ?? (zero ? "=" : undefined), sign: sign ?? "-",
    alternate: alternate !== undefined, zero: zero !== undefined, width: widthValue,
    grouping: grouping ?? "", precision: precision !== undefined ? specPrecision(precision, budget) : undefined,
    type: type ?? (value.kind === "str" ? "s" : ""),
  };
}

/** A width or index written in a format string: CPython refuses one no Py_ssize_t can hold. */
function specNumber(digits: string): number {
  const value = BigInt(digits);
  if (value > maxSsize) throw new PyError("ValueError", "Too many decimal digits in format string");
  return Number(value);
}

/** A precision: CPython keeps it in a C int; it is refused past the size limit before any digit is made. */
function specPrecision(digits: string, budget: Budget): number {
  const precision = specNumber(digits);
  if (precision > 2 ** 31 - 1) throw new PyError("ValueError", "precision too big");
  checkSize(precision, budget.limits);
  return precision;
}

/** format(value, spec): the mini-language for str, int and float. */
export function formatValue(value: PyValue, specText: string, budget: Budget): string {
  if (specText === "") return pyStrOf(value, budget.limits);
  const spec = parseSpec(specText, value, budget);
  if (value.kind === "str") {
    if (spec.type !== "s") throw unknownCode(spec.type, value);
    const text = spec.precision !== undefined ? Array.from(value.value).slice(0, spec.precision).join("") : value.value;
    return pad(text, "", spec, "<");
  }
  if (value.kind === "int" || value.kind === "bool") {
    const integer = value.kind === "int" ? value.value : value.value ? 1n : 0n;
    if ("eEfFgG%".includes(spec.type) && spec.type !== "") return formatFloat(Number(integer), spec, value);
    return formatInteger(integer, spec, value);
  }
  if (value.kind === "float") return formatFloat(value.value, spec, value);
  if (spec.type === "s" || spec.type === "") return pad(pyStrOf(value, budget.limits), "", spec, "<");
  throw new PyError("TypeError", `unsupported format string passed to ${typeNameOf(value)}.__format__`);
}

function unknownCode(type: string, value: PyValue): PyError {
  return new PyError("ValueError", `Unknown format code '${type}' for object of type '${typeNameOf(value)}'`);
}

function formatInteger(integer: bigint, spec: Spec, value: PyValue): string {
  const magnitude = integer < 0n ? -integer : integer;
  let digits: string;
  let prefix = "";
  switch (spec.type) {
    case "": case "d": case "n": digits = intText(magnitude); break;
    case "x": digits = magnitude.toString(16); prefix = "0x"; break;
    case "X": digits = magnitude.toString(16).toUpperCase(); prefix = "0X"; break;
    case "o": digits = magnitude.toString(8); prefix = "0o"; break;
    case "b": digits = magnitude.toString(2); prefix = "0b"; break;
    case "c":
      if (integer < 0n || integer > 0x10ffffn) throw new PyError("OverflowError", "%c arg not in range(0x110000)");
      return pad(String.fromCodePoint(Number(integer)), "", spec, "<");
    default: throw unknownCode(spec.type, value);
  }
  if (spec.grouping) digits = group(digits, spec.grouping, spec.type !== "" && "xXob".includes(spec.type) ? 4 : 3);
  return pad(digits, signOf(integer < 0n, spec) + (spec.alternate ? prefix : ""), spec, ">");
}

function formatFloat(number: number, spec: Spec, value: PyValue): string {
  const negative = number < 0 || Object.is(number, -0);
  const magnitude = Math.abs(number);
  let body: string;
  if (!Number.isFinite(magnitude)) {
    body = Number.isNaN(magnitude) ? "nan" : "inf";
    if (spec.type === "F" || spec.type === "E" || spec.type === "G") body = body.toUpperCase();
    if (spec.type === "%") body += "%";
  } else {
    const precision = spec.precision ?? 6;
    switch (spec.type) {
      case "f": case "F": body = fixed(magnitude, precision); break;
      case "%": body = fixed(magnitude * 100, precision) + "%"; break;
      case "e": case "E": body = withMoreDigits(exponentialText(magnitude, Math.min(precision, exactDigits)), precision - exactDigits); break;
      case "g": case "G": body = generalAnyPrecision(magnitude, precision, spec.alternate); break;
      case "": body = spec.precision === undefined ? floatRepr(magnitude) : generalAnyPrecision(magnitude, spec.precision, false, true); break;
      default: throw unknownCode(spec.type, value);
    }
    if (spec.type === "E" || spec.type === "G") body = body.toUpperCase();
    if (spec.grouping) {
      const [whole, fraction] = splitNumber(body);
      body = group(whole, spec.grouping, 3) + fraction;
    }
  }
  return pad(body, signOf(negative && !Number.isNaN(number), spec), spec, ">");
}

/**
 * Digits past which a float's exact decimal expansion has only zeros (a double has at most 1074
 * binary places, so at most 1074 decimal ones): a larger precision adds zeros instead of arithmetic.
 */
const exactDigits = 1100;

function fixed(magnitude: number, precision: number): string {
  const digits = fixedDigits(magnitude, Math.min(precision, exactDigits));
  return precision > exactDigits ? digits + "0".repeat(precision - exactDigits) : digits;
}

/** Appends `extra` zeros to the mantissa of a number written with digits (before any exponent). */
function withMoreDigits(text: string, extra: number): string {
  if (extra <= 0) return text;
  const exponent = text.search(/e/);
  return exponent < 0 ? text + "0".repeat(extra) : text.slice(0, exponent) + "0".repeat(extra) + text.slice(exponent);
}

/** Format type 'g' at any precision: past the exact digits, without '#' the zeros are stripped anyway. */
function generalAnyPrecision(magnitude: number, precision: number, alternate: boolean, noType = false): string {
  if (precision <= exactDigits) return general(magnitude, precision, alternate, noType);
  const text = general(magnitude, exactDigits, alternate, noType);
  return alternate ? withMoreDigits(text, precision - exactDigits) : text;
}

function splitNumber(body: string): [string, string] {
  const index = body.search(/[^0-9]/);
  return index < 0 ? [body, ""] : [body.slice(0, index), body.slice(index)];
}

function general(magnitude: number, precision: number, alternate: boolean, noType = false): string {
  const digits = precision === 0 ? 1 : precision;
  if (magnitude === 0) return noType ? "0.0" : alternate ? "0." + "0".repeat(digits - 1) : "0";
  const { exponent } = exponentDigits(magnitude, digits - 1);
  let text = exponent >= -4 && exponent < digits ? fixedDigits(magnitude, Math.max(digits - 1 - exponent, 0)) : exponentialText(magnitude, digits - 1);
  if (!alternate) text = text.replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, noType && !text.includes("e") ? ".0" : "");
  return text;
}

function group(digits: string, separator: string, size: number): string {
  let out = "";
  for (let end = digits.length; end > 0; end -= size) {
    const start = Math.max(end - size, 0);
    out = digits.slice(start, end) + (out ? separator + out : "");
  }
  return out;
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return "-";
  return spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
}

function pad(body: string, prefix: string, spec: Spec, defaultAlign: string): string {
  const length = Array.from(prefix + body).length;
  const missing = spec.width - length;
  if (missing <= 0) return prefix + body;
  const fill = spec.fill.repeat(missing);
  switch (spec.align ?? defaultAlign) {
    case "<": return prefix + body + fill;
    case "^": {
      const left = Math.floor(missing / 2);
      return spec.fill.repeat(left) + prefix + body + spec.fill.repeat(missing - left);
    }
    case "=": return prefix + fill + body;
    default: return fill + prefix + body;
  }
}

/** Looks up `.attr` for str.format fields; supplied by the evaluator. */
export type AttributeGetter = (value: PyValue, name: string) => PyValue;

/** str.format(*args, **kwargs); `nesting` counts down the replacement fields a format spec may still hold. */
export function formatTemplate(
  template: string, args: PyValue[], kwargs: Map<string, PyValue>, getAttribute: AttributeGetter, budget: Budget, nesting = 2,
): string {
  if (nesting <= 0) throw new PyError("ValueError", "Max string recursion exceeded");
  const { limits } = budget;
  let out = "";
  const append = (text: string) => {
    checkSize(out.length + text.length, limits);
    out += text;
  };
  let autoIndex = 0;
  let index = 0;
  while (index < template.length) {
    const char = template[index]!;
    if ((char === "{" || char === "}") && template[index + 1] === char) {
      append(char);
      index += 2;
      continue;
    }
    if (char === "}") throw new PyError("ValueError", "Single '}' encountered in format string");
    if (char !== "{") {
      append(char);
      index++;
      continue;
    }
    let depth = 1;
    let end = index + 1;
    while (end < template.length && depth > 0) {
      if (template[end] === "{") depth++;
      else if (template[end] === "}") depth--;
      if (depth > 0) end++;
    }
    if (depth > 0) throw new PyError("ValueError", "expected '}' before end of string");
    const field = template.slice(index + 1, end);
    const match = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field)!;
    if (!match) throw new PyError("ValueError", "unmatched '{' in format spec");
    const [, name, accessors, conversion, spec] = match;
    let value: PyValue;
    if (name === "") {
      if (autoIndex >= args.length) throw new PyError("IndexError", `Replacement index ${autoIndex} out of range for positional args tuple`);
      value = args[autoIndex++]!;
    } else if (/^\d+$/.test(name!)) {
      const position = specNumber(name!);
      if (position >= args.length) throw new PyError("IndexError", `Replacement index ${position} out of range for positional args tuple`);
      value = args[position]!;
    } else {
      const named = kwargs.get(name!);
      if (named === undefined) throw keyError(pyStr(name!));
      value = named;
    }
    for (const accessor of accessors!.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
      value = accessor.startsWith(".") ? getAttribute(value, accessor.slice(1)) : formatIndex(value, accessor.slice(1, -1));
    }
    if (conversion === "r" || conversion === "a") value = pyStr(pyRepr(value, limits));
    else if (conversion === "s") value = pyStr(pyStrOf(value, limits));
    const resolvedSpec = spec ? formatTemplate(spec, args.slice(autoIndex), kwargs, getAttribute, budget, nesting - 1) : "";
    const text = formatValue(value, resolvedSpec, budget);
    budget.build(text.length);
    append(text);
    index = end + 1;
  }
  return out;
}

function formatIndex(value: PyValue, key: string): PyValue {
  if (value.kind === "dict") {
    const found = dictGet(value, /^\d+$/.test(key) ? pyInt(BigInt(key)) : pyStr(key)) ?? dictGet(value, pyStr(key));
    if (found === undefined) throw keyError(pyStr(key!));
    return found;
  }
  if ((value.kind === "list" || value.kind === "tuple") && /^\d+$/.test(key)) {
    const item = value.items[specNumber(key)];
    if (item === undefined) throw new PyError("IndexError", `${value.kind} index out of range`);
    return item;
  }
  throw new PyError("TypeError", `'${typeNameOf(value)}' object is not subscriptable`);
}
