// Methods of str objects ('a,b'.split(','), ', '.join(items), ...).
import { PYTHON_WHITESPACE } from "../../lib/python/whitespace.js";
import { bindArgs, toClampedIndex, toIndex, toText } from "./args.js";
import { encodeText } from "./bytes.js";
import { PyError } from "./errors.js";
import { formatTemplate } from "./format.js";
import { codePointCount, codePoints, iterate } from "./iteration.js";
import type { Budget } from "./limits.js";
import type { MethodImpl } from "./runtime.js";
import { pyBool, pyBytes, pyInt, pyList, pyStr, pyTuple, typeNameOf, type PyValue } from "./values.js";

type StrMethod = (text: string, args: PyValue[], kwargs: Map<string, PyValue>, runtime: Parameters<MethodImpl>[3]) => PyValue;

const whitespace = PYTHON_WHITESPACE;

function stripChars(name: string, args: PyValue[], kwargs: Map<string, PyValue>): string {
  const [chars] = bindArgs({ name, params: ["chars"], required: 0 }, args, kwargs);
  if (chars === undefined || chars.kind === "none") return whitespace;
  if (chars.kind !== "str") throw new PyError("TypeError", `${name} arg must be None or str`);
  return chars.value;
}

function strip(text: string, chars: string, left: boolean, right: boolean): string {
  const points = codePoints(text);
  let start = 0;
  let end = points.length;
  if (left) while (start < end && chars.includes(points[start]!)) start++;
  if (right) while (end > start && chars.includes(points[end - 1]!)) end--;
  return points.slice(start, end).join("");
}

function splitArgs(name: string, args: PyValue[], kwargs: Map<string, PyValue>): [string | undefined, number] {
  const [sep, maxsplit] = bindArgs({ name, params: ["sep", "maxsplit"], required: 0, keywords: ["sep", "maxsplit"] }, args, kwargs);
  const separator = sep === undefined || sep.kind === "none" ? undefined : toText(sep);
  if (separator === "") throw new PyError("ValueError", "empty separator");
  return [separator, maxsplit === undefined ? -1 : toIndex(maxsplit)];
}

function splitWhitespace(text: string, maxsplit: number, fromRight: boolean): string[] {
  const isSpace = (char: string) => whitespace.includes(char);
  const points = fromRight ? codePoints(text).reverse() : codePoints(text);
  const parts: string[] = [];
  let index = 0;
  while (index < points.length) {
    while (index < points.length && isSpace(points[index]!)) index++;
    if (index >= points.length) break;
    if (maxsplit >= 0 && parts.length === maxsplit) {
      parts.push(points.slice(index).join(""));
      break;
    }
    const start = index;
    while (index < points.length && !isSpace(points[index]!)) index++;
    parts.push(points.slice(start, index).join(""));
  }
  return fromRight ? parts.reverse().map((part) => Array.from(part).reverse().join("")) : parts;
}

function splitSeparator(text: string, separator: string, maxsplit: number, fromRight: boolean): string[] {
  const all = text.split(separator);
  if (maxsplit < 0 || all.length - 1 <= maxsplit) return all;
  if (fromRight) return [all.slice(0, all.length - maxsplit).join(separator), ...all.slice(all.length - maxsplit)];
  return [...all.slice(0, maxsplit), all.slice(maxsplit).join(separator)];
}

/** Resolves Python start/end arguments into a substring window. */
function window(text: string, args: (PyValue | undefined)[]): { points: string[]; start: number; end: number } {
  const points = codePoints(text);
  const clamp = (value: PyValue | undefined, fallback: number) => {
    if (value === undefined || value.kind === "none") return fallback;
    const index = toClampedIndex(value);
    return Math.min(Math.max(index < 0 ? index + points.length : index, 0), points.length);
  };
  return { points, start: clamp(args[0], 0), end: clamp(args[1], points.length) };
}

function findIn(name: string, text: string, args: PyValue[], kwargs: Map<string, PyValue>, fromRight: boolean): number {
  const [sub, start, end] = bindArgs({ name, params: ["sub", "start", "end"], required: 1 }, args, kwargs);
  const needle = toText(sub!).toString();
  const view = window(text, [start, end]);
  const haystack = view.points.slice(view.start, view.end).join("");
  const found = fromRight ? haystack.lastIndexOf(needle) : haystack.indexOf(needle);
  if (found < 0 || view.end - view.start < codePoints(needle).length && needle !== "") return -1;
  return view.start + codePoints(haystack.slice(0, found)).length;
}

function affix(name: string, text: string, args: PyValue[], kwargs: Map<string, PyValue>, atEnd: boolean): boolean {
  const [affixValue, start, end] = bindArgs({ name, params: ["prefix", "start", "end"], required: 1 }, args, kwargs);
  const view = window(text, [start, end]);
  const slice = view.points.slice(view.start, view.end).join("");
  const candidates = affixValue!.kind === "tuple" ? affixValue!.items : [affixValue!];
  return candidates.some((candidate) => {
    if (candidate.kind !== "str") {
      throw new PyError("TypeError", `${name} first arg must be str or a tuple of str, not ${typeNameOf(candidate)}`);
    }
    return atEnd ? slice.endsWith(candidate.value) : slice.startsWith(candidate.value);
  });
}

/** Characters to add to reach `width`; the padded result's size is checked before it is built. */
function padding(text: string, width: PyValue, budget: Budget): number {
  const target = toIndex(width);
  const missing = target - codePointCount(text);
  if (missing > 0) budget.build(text.length + missing);
  return missing;
}

function justify(
  name: string, text: string, args: PyValue[], kwargs: Map<string, PyValue>, budget: Budget, place: (missing: number, fill: string) => string,
): PyValue {
  const [width, fillchar] = bindArgs({ name, params: ["width", "fillchar"], required: 1 }, args, kwargs);
  const fill = fillchar === undefined ? " " : toText(fillchar, "The fill character").toString();
  if (codePointCount(fill) !== 1) throw new PyError("TypeError", "The fill character must be exactly one character long");
  const missing = padding(text, width!, budget);
  return pyStr(missing > 0 ? place(missing, fill) : text);
}

function predicate(name: string, test: (text: string) => boolean): StrMethod {
  return (text, args, kwargs) => {
    bindArgs({ name, params: [] }, args, kwargs);
    return pyBool(text !== "" && test(text));
  };
}

const strMethods = new Map<string, StrMethod>([
  ["startswith", (text, args, kwargs) => pyBool(affix("startswith", text, args, kwargs, false))],
  ["endswith", (text, args, kwargs) => pyBool(affix("endswith", text, args, kwargs, true))],
  ["strip", (text, args, kwargs) => pyStr(strip(text, stripChars("strip", args, kwargs), true, true))],
  ["lstrip", (text, args, kwargs) => pyStr(strip(text, stripChars("lstrip", args, kwargs), true, false))],
  ["rstrip", (text, args, kwargs) => pyStr(strip(text, stripChars("rstrip", args, kwargs), false, true))],
  ["split", (text, args, kwargs) => {
    const [separator, maxsplit] = splitArgs("split", args, kwargs);
    const parts = separator === undefined ? splitWhitespace(text, maxsplit, false) : splitSeparator(text, separator, maxsplit, false);
    return pyList(parts.map(pyStr));
  }],
  ["rsplit", (text, args, kwargs) => {
    const [separator, maxsplit] = splitArgs("rsplit", args, kwargs);
    const parts = separator === undefined ? splitWhitespace(text, maxsplit, true) : splitSeparator(text, separator, maxsplit, true);
    return pyList(parts.map(pyStr));
  }],
  ["splitlines", (text, args, kwargs) => {
    const [keepends] = bindArgs({ name: "splitlines", params: ["keepends"], required: 0, keywords: ["keepends"] }, args, kwargs);
    const keep = keepends !== undefined && keepends.kind !== "none" && !(keepends.kind === "bool" && !keepends.value) && !(keepends.kind === "int" && keepends.value === 0n);
    const lines = text.match(/[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]|$)/g) ?? [];
    const result = lines.filter((line) => line !== "").map((line) => keep ? line : line.replace(/(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/, ""));
    return pyList(result.map(pyStr));
  }],
  ["replace", (text, args, kwargs, runtime) => {
    const [old, replacement, count] = bindArgs({ name: "replace", params: ["old", "new", "count"], required: 2 }, args, kwargs);
    const from = toText(old!, "replace() argument 1").toString();
    const to = toText(replacement!, "replace() argument 2").toString();
    const limit = count === undefined ? -1 : toIndex(count);
    if (from === "") {
      const points = codePoints(text);
      const slots = limit < 0 ? points.length + 1 : Math.min(limit, points.length + 1);
      runtime.budget.build(text.length + slots * to.length);
      let out = "";
      for (let index = 0; index <= points.length; index++) out += (index < slots ? to : "") + (points[index] ?? "");
      return pyStr(out);
    }
    const pieces = text.split(from);
    const replaced = limit < 0 ? pieces.length - 1 : Math.min(limit, pieces.length - 1);
    runtime.budget.build(text.length + replaced * (to.length - from.length));
    if (limit < 0 || pieces.length - 1 <= limit) return pyStr(pieces.join(to));
    return pyStr(pieces.slice(0, limit + 1).join(to) + from + pieces.slice(limit + 1).join(from));
  }],
  ["join", (text, args, kwargs, runtime) => {
    const [iterable] = bindArgs({ name: "join", params: ["iterable"] }, args, kwargs);
    const items = iterate(iterable!, runtime.budget);
    const texts = items.map((item, index) => {
      if (item.kind !== "str") throw new PyError("TypeError", `sequence item ${index}: expected str instance, ${typeNameOf(item)} found`);
      return item.value;
    });
    let length = Math.max(texts.length - 1, 0) * text.length;
    for (const piece of texts) length += piece.length;
    runtime.budget.build(length);
    return pyStr(texts.join(text));
  }],
  ["upper", (text, args, kwargs) => (bindArgs({ name: "upper", params: [] }, args, kwargs), pyStr(text.toUpperCase()))],
  ["lower", (text, args, kwargs) => (bindArgs({ name: "lower", params: [] }, args, kwargs), pyStr(text.toLowerCase()))],
  ["title", (text, args, kwargs) => (bindArgs({ name: "title", params: [] }, args, kwargs),
    pyStr(text.toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())))],
  ["capitalize", (text, args, kwargs) => (bindArgs({ name: "capitalize", params: [] }, args, kwargs),
    pyStr(text.slice(0, 1).toUpperCase() + text.slice(1).toLowerCase()))],
  ["find", (text, args, kwargs) => pyInt(findIn("find", text, args, kwargs, false))],
  ["rfind", (text, args, kwargs) => pyInt(findIn("rfind", text, args, kwargs, true))],
  ["index", (text, args, kwargs) => {
    const found = findIn("index", text, args, kwargs, false);
    if (found < 0) throw new PyError("ValueError", "substring not found");
    return pyInt(found);
  }],
  ["rindex", (text, args, kwargs) => {
    const found = findIn("rindex", text, args, kwargs, true);
    if (found < 0) throw new PyError("ValueError", "substring not found");
    return pyInt(found);
  }],
  ["count", (text, args, kwargs) => {
    const [sub, start, end] = bindArgs({ name: "count", params: ["sub", "start", "end"], required: 1 }, args, kwargs);
    const view = window(text, [start, end]);
    const slice = view.points.slice(view.start, view.end).join("");
    const needle = toText(sub!).toString();
    return pyInt(needle === "" ? codePoints(slice).length + 1 : slice.split(needle).length - 1);
  }],
  ["format", (text, args, kwargs, runtime) => pyStr(formatTemplate(text, args, kwargs, runtime.getAttribute, runtime.budget))],
  ["isdigit", predicate("isdigit", (text) => /^\p{Nd}+$/u.test(text))],
  ["isnumeric", predicate("isnumeric", (text) => /^\p{N}+$/u.test(text))],
  ["isdecimal", predicate("isdecimal", (text) => /^\p{Nd}+$/u.test(text))],
  ["isalpha", predicate("isalpha", (text) => /^\p{L}+$/u.test(text))],
  ["isalnum", predicate("isalnum", (text) => /^[\p{L}\p{N}]+$/u.test(text))],
  ["isspace", predicate("isspace", (text) => Array.from(text).every((char) => whitespace.includes(char)))],
  ["isupper", predicate("isupper", (text) => text !== text.toLowerCase() && text === text.toUpperCase())],
  ["islower", predicate("islower", (text) => text !== text.toUpperCase() && text === text.toLowerCase())],
  ["isidentifier", predicate("isidentifier", (text) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(text))],
  ["zfill", (text, args, kwargs, runtime) => {
    const [width] = bindArgs({ name: "zfill", params: ["width"] }, args, kwargs);
    const missing = padding(text, width!, runtime.budget);
    if (missing <= 0) return pyStr(text);
    const sign = text[0] === "-" || text[0] === "+" ? text[0] : "";
    return pyStr(sign + "0".repeat(missing) + text.slice(sign.length));
  }],
  ["ljust", (text, args, kwargs, runtime) => justify("ljust", text, args, kwargs, runtime.budget, (missing, fill) => text + fill.repeat(missing))],
  ["rjust", (text, args, kwargs, runtime) => justify("rjust", text, args, kwargs, runtime.budget, (missing, fill) => fill.repeat(missing) + text)],
  ["center", (text, args, kwargs, runtime) => justify("center", text, args, kwargs, runtime.budget, (missing, fill) => {
    const left = Math.floor(missing / 2) + (missing & codePoints(text).length & 1);
    return fill.repeat(left) + text + fill.repeat(missing - left);
  })],
  ["partition", (text, args, kwargs) => {
    const [sep] = bindArgs({ name: "partition", params: ["sep"] }, args, kwargs);
    const separator = toText(sep!).toString();
    if (separator === "") throw new PyError("ValueError", "empty separator");
    const index = text.indexOf(separator);
    if (index < 0) return pyTuple([pyStr(text), pyStr(""), pyStr("")]);
    return pyTuple([pyStr(text.slice(0, index)), pyStr(separator), pyStr(text.slice(index + separator.length))]);
  }],
  ["rpartition", (text, args, kwargs) => {
    const [sep] = bindArgs({ name: "rpartition", params: ["sep"] }, args, kwargs);
    const separator = toText(sep!).toString();
    if (separator === "") throw new PyError("ValueError", "empty separator");
    const index = text.lastIndexOf(separator);
    if (index < 0) return pyTuple([pyStr(""), pyStr(""), pyStr(text)]);
    return pyTuple([pyStr(text.slice(0, index)), pyStr(separator), pyStr(text.slice(index + separator.length))]);
  }],
  ["removeprefix", (text, args, kwargs) => {
    const [prefix] = bindArgs({ name: "removeprefix", params: ["prefix"] }, args, kwargs);
    const value = toText(prefix!, "removeprefix() argument").toString();
    return pyStr(value !== "" && text.startsWith(value) ? text.slice(value.length) : text);
  }],
  ["removesuffix", (text, args, kwargs) => {
    const [suffix] = bindArgs({ name: "removesuffix", params: ["suffix"] }, args, kwargs);
    const value = toText(suffix!, "removesuffix() argument").toString();
    return pyStr(value !== "" && text.endsWith(value) ? text.slice(0, text.length - value.length) : text);
  }],
  ["__len__", (text) => pyInt(codePoints(text).length)],
  ["encode", (text, args, kwargs) => {
    const [encoding] = bindArgs({ name: "encode", params: ["encoding", "errors"], required: 0, keywords: ["encoding", "errors"] }, args, kwargs);
    return pyBytes(encodeText(text, encoding === undefined ? "utf-8" : toText(encoding, "encode() argument 'encoding'")));
  }],
]);

/** The str method called `name`, bound to `text`, or undefined. */
export function strMethod(name: string): MethodImpl | undefined {
  const method = strMethods.get(name);
  if (!method) return undefined;
  return (self, args, kwargs, runtime) => method((self as { value: string }).value, args, kwargs, runtime);
}
