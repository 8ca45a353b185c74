// bytes: repr, the few methods transcripts call (decode, hex, ...), and str.encode's codecs.
import { PyError } from "./errors.js";
import type { MethodImpl } from "./runtime.js";
import { pyBool, pyBytes, pyInt, pyStr, typeNameOf, type PyBytes, type PyValue } from "./values.js";

/** repr(bytes): b'...' with Python's quote choice and escapes for non-printable ASCII. */
export function bytesRepr(value: Uint8Array): string {
  const hasSingle = value.includes(0x27);
  const quote = hasSingle && !value.includes(0x22) ? '"' : "'";
  let out = "b" + quote;
  for (const byte of value) {
    const char = String.fromCharCode(byte);
    if (char === quote || char === "\\") out += "\\" + char;
    else if (byte === 0x0a) out += "\\n";
    else if (byte === 0x0d) out += "\\r";
    else if (byte === 0x09) out += "\\t";
    else if (byte < 0x20 || byte >= 0x7f) out += "\\x" + byte.toString(16).padStart(2, "0");
    else out += char;
  }
  return out + quote;
}

/** The bytes of `text` in `encoding` (utf-8, ascii or latin-1), raising Python's errors. */
export function encodeText(text: string, encoding = "utf-8"): Uint8Array {
  switch (normalizeEncoding(encoding)) {
    case "utf-8": return new TextEncoder().encode(text);
    case "ascii": return narrowBytes(text, 0x7f, "ascii");
    case "latin-1": return narrowBytes(text, 0xff, "latin-1");
    default: throw new PyError("LookupError", `unknown encoding: ${encoding}`);
  }
}

/** `bytes` as text in `encoding` (utf-8, ascii or latin-1). */
export function decodeBytes(value: Uint8Array, encoding = "utf-8"): string {
  switch (normalizeEncoding(encoding)) {
    case "utf-8":
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(value);
      } catch {
        throw new PyError("UnicodeDecodeError", "'utf-8' codec can't decode bytes: invalid data");
      }
    case "ascii": {
      const bad = value.findIndex((byte) => byte > 0x7f);
      if (bad >= 0) throw new PyError("UnicodeDecodeError", `'ascii' codec can't decode byte 0x${value[bad]!.toString(16)} in position ${bad}: ordinal not in range(128)`);
      return String.fromCharCode(...value);
    }
    case "latin-1": return Array.from(value, (byte) => String.fromCharCode(byte)).join("");
    default: throw new PyError("LookupError", `unknown encoding: ${encoding}`);
  }
}

function normalizeEncoding(encoding: string): string {
  const name = encoding.toLowerCase().replace(/_/g, "-");
  if (name === "utf8" || name === "utf-8") return "utf-8";
  if (name === "ascii" || name === "us-ascii") return "ascii";
  if (name === "latin-1" || name === "latin1" || name === "iso-8859-1" || name === "iso8859-1") return "latin-1";
  return name;
}

function narrowBytes(text: string, max: number, codec: string): Uint8Array {
  const codes = Array.from(text, (char) => char.codePointAt(0)!);
  const bad = codes.findIndex((code) => code > max);
  if (bad >= 0) {
    const limit = max === 0x7f ? 128 : 256;
    throw new PyError("UnicodeEncodeError", `'${codec}' codec can't encode character '\\x${codes[bad]!.toString(16)}' in position ${bad}: ordinal not in range(${limit})`);
  }
  return Uint8Array.from(codes);
}

/** bytes + bytes. */
export function concatBytes(left: PyBytes, right: PyBytes): PyBytes {
  const joined = new Uint8Array(left.value.length + right.value.length);
  joined.set(left.value);
  joined.set(right.value, left.value.length);
  return pyBytes(joined);
}

export function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

/** Orders two byte strings as Python does: bytewise, then by length. */
export function compareBytes(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) if (left[index] !== right[index]) return left[index]! - right[index]!;
  return left.length - right.length;
}

function stringArg(value: PyValue | undefined, fallback: string, what: string): string {
  if (value === undefined) return fallback;
  if (value.kind !== "str") throw new PyError("TypeError", `${what}() argument must be str, not ${typeNameOf(value)}`);
  return value.value;
}

function bytesArg(value: PyValue | undefined, what: string): Uint8Array {
  if (value?.kind !== "bytes") throw new PyError("TypeError", `${what} first arg must be bytes or a tuple of bytes, not ${value ? typeNameOf(value) : "nothing"}`);
  return value.value;
}

const methods = new Map<string, (value: Uint8Array, args: PyValue[], kwargs: Map<string, PyValue>) => PyValue>([
  ["decode", (value, args, kwargs) => pyStr(decodeBytes(value, stringArg(args[0] ?? kwargs.get("encoding"), "utf-8", "decode")))],
  ["hex", (value) => pyStr(Array.from(value, (byte) => byte.toString(16).padStart(2, "0")).join(""))],
  ["startswith", (value, args) => {
    const prefix = bytesArg(args[0], "startswith");
    return pyBool(prefix.length <= value.length && bytesEqual(value.subarray(0, prefix.length), prefix));
  }],
  ["endswith", (value, args) => {
    const suffix = bytesArg(args[0], "endswith");
    return pyBool(suffix.length <= value.length && bytesEqual(value.subarray(value.length - suffix.length), suffix));
  }],
  ["strip", (value) => {
    const isSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
    let start = 0;
    let end = value.length;
    while (start < end && isSpace(value[start]!)) start++;
    while (end > start && isSpace(value[end - 1]!)) end--;
    return pyBytes(value.slice(start, end));
  }],
  ["__len__", (value) => pyInt(value.length)],
]);

/** The bytes method called `name`, or undefined. */
export function bytesMethod(name: string): MethodImpl | undefined {
  const method = methods.get(name);
  if (!method) return undefined;
  return (self, args, kwargs) => method((self as PyBytes).value, args, kwargs);
}
