// pprint.pformat: CPython's PrettyPrinter (indent 1, width 80, sorted dicts) over our values.
import { pyCompare } from "./compare.js";
import { PyError } from "./errors.js";
import { pyRepr } from "./repr.js";
import type { PyValue } from "./values.js";

const WIDTH = 80;

/** The text pprint.pprint(value) prints, without its trailing newline. */
export function pformat(value: PyValue, width = WIDTH): string {
  const out: string[] = [];
  format(value, out, 0, 0, 1, width);
  return out.join("");
}

function format(value: PyValue, out: string[], indent: number, allowance: number, level: number, width: number): void {
  const rep = safeRepr(value);
  if (length(rep) > width - indent - allowance) {
    switch (value.kind) {
      case "dict": return formatDict(value, out, indent, allowance, level + 1, width);
      case "list": return formatSequence("[", "]", value.items, out, indent, allowance, level + 1, width);
      case "tuple": return formatSequence("(", value.items.length === 1 ? ",)" : ")", value.items, out, indent, allowance, level + 1, width);
      case "set":
        if (value.entries.size > 0) return formatSequence("{", "}", sortedSafely([...value.entries.values()]), out, indent, allowance, level + 1, width);
        break;
      case "str":
        if (value.value !== "") return formatStr(value.value, out, indent, allowance, level + 1, width);
        break;
    }
  }
  out.push(rep);
}

function formatDict(value: Extract<PyValue, { kind: "dict" }>, out: string[], indent: number, allowance: number, level: number, width: number): void {
  out.push("{");
  const entries = sortedEntries(value);
  const inner = indent + 1;
  entries.forEach(([key, item], index) => {
    const last = index === entries.length - 1;
    const keyRep = safeRepr(key);
    out.push(keyRep, ": ");
    format(item, out, inner + length(keyRep) + 2, last ? allowance + 1 : 1, level, width);
    if (!last) out.push(",\n" + " ".repeat(inner));
  });
  out.push("}");
}

function formatSequence(open: string, close: string, items: readonly PyValue[], out: string[], indent: number, allowance: number, level: number, width: number): void {
  out.push(open);
  const inner = indent + 1;
  items.forEach((item, index) => {
    const last = index === items.length - 1;
    if (index > 0) out.push(",\n" + " ".repeat(inner));
    format(item, out, inner, last ? allowance + close.length : 1, level, width);
  });
  out.push(close);
}

/** A long str: each line (and a line too long, at its spaces) as its own repr, in parentheses at the top. */
function formatStr(text: string, out: string[], indent: number, allowance: number, level: number, width: number): void {
  const chunks: string[] = [];
  const lines = splitLinesKeepEnds(text);
  if (level === 2) {
    indent += 1;
    allowance += 1;
  }
  const maxWidth = width - indent;
  let maxWidth1 = maxWidth;
  lines.forEach((line, lineIndex) => {
    const rep = pyRepr({ kind: "str", value: line });
    const lastLine = lineIndex === lines.length - 1;
    if (lastLine) maxWidth1 -= allowance;
    if (length(rep) <= maxWidth1) {
      chunks.push(rep);
      return;
    }
    const parts = line.match(/\S*\s*/g)!.filter((part, index, all) => index < all.length - 1 || part !== "");
    let maxWidth2 = maxWidth;
    let current = "";
    parts.forEach((part, partIndex) => {
      const candidate = current + part;
      if (partIndex === parts.length - 1 && lastLine) maxWidth2 -= allowance;
      if (length(pyRepr({ kind: "str", value: candidate })) > maxWidth2) {
        if (current) chunks.push(pyRepr({ kind: "str", value: current }));
        current = part;
      } else {
        current = candidate;
      }
    });
    if (current) chunks.push(pyRepr({ kind: "str", value: current }));
  });
  if (chunks.length === 1) {
    out.push(pyRepr({ kind: "str", value: text }));
    return;
  }
  if (level === 2) out.push("(");
  out.push(chunks.join("\n" + " ".repeat(indent)));
  if (level === 2) out.push(")");
}

function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** pprint's repr: dicts with sorted keys at every depth, everything else as repr(). */
function safeRepr(value: PyValue): string {
  switch (value.kind) {
    case "dict":
      if (value.entries.size === 0) return "{}";
      return "{" + sortedEntries(value).map(([key, item]) => `${safeRepr(key)}: ${safeRepr(item)}`).join(", ") + "}";
    case "list":
      return "[" + value.items.map(safeRepr).join(", ") + "]";
    case "tuple":
      if (value.items.length === 1) return `(${safeRepr(value.items[0]!)},)`;
      return "(" + value.items.map(safeRepr).join(", ") + ")";
    default:
      return pyRepr(value);
  }
}

function sortedEntries(value: Extract<PyValue, { kind: "dict" }>): [PyValue, PyValue][] {
  const entries = [...value.entries.values()].map((entry) => [entry.key, entry.value] as [PyValue, PyValue]);
  return sortedSafely(entries.map(([key]) => key)).map((key) => entries.find(([candidate]) => candidate === key)!);
}

/** pprint's _safe_key order: by value where Python can compare, otherwise by type name. */
function sortedSafely(values: PyValue[]): PyValue[] {
  return [...values].sort((left, right) => {
    try {
      return pyCompare("<", left, right) ? -1 : pyCompare("<", right, left) ? 1 : 0;
    } catch (error) {
      if (!(error instanceof PyError)) throw error;
      return left.kind < right.kind ? -1 : left.kind > right.kind ? 1 : 0;
    }
  });
}

function length(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
