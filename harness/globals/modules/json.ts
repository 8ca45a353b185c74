// The json module: loads/load/dumps/dump with Python's output format (separators, indent, sort_keys, ensure_ascii).
import { floatRepr } from "../../../lib/python/float.js";
import { PyError, pyFunction, pyModule, pyStr, typeNameOf, type PyValue } from "../../py/index.js";
import { expectStr } from "../convert.js";
import { readStream, writeStream } from "./streams.js";
import { parseJson } from "./json-parse.js";

interface DumpOptions {
  indent: string | null;
  itemSeparator: string;
  keySeparator: string;
  sortKeys: boolean;
  ensureAscii: boolean;
}

export function jsonModule(): PyValue {
  const loads = (text: string) => parseJson(text);
  return pyModule("json", {
    loads: pyFunction("loads", (args) => loads(textArg(args[0]))),
    load: pyFunction("load", async (args) => loads(await readStream(args[0], "load"))),
    dumps: pyFunction("dumps", (args, kwargs) => pyStr(dumps(args[0], dumpOptions(kwargs)))),
    dump: pyFunction("dump", async (args, kwargs) => {
      await writeStream(args[1], dumps(args[0], dumpOptions(kwargs)), "dump");
    }),
  });
}

function textArg(value: PyValue | undefined): string {
  if (value?.kind === "bytes") return new TextDecoder().decode(value.value);
  return expectStr(value ?? { kind: "none" }, "the JSON object");
}

function dumpOptions(kwargs: Map<string, PyValue>): DumpOptions {
  const indentValue = kwargs.get("indent");
  let indent: string | null = null;
  if (indentValue?.kind === "int") indent = " ".repeat(Number(indentValue.value));
  else if (indentValue?.kind === "str") indent = indentValue.value;
  let itemSeparator = indent === null ? ", " : ",";
  let keySeparator = ": ";
  const separators = kwargs.get("separators");
  if (separators?.kind === "tuple" || separators?.kind === "list") {
    itemSeparator = expectStr(separators.items[0]!, "separators");
    keySeparator = expectStr(separators.items[1]!, "separators");
  }
  const flag = (name: string, fallback: boolean) => {
    const value = kwargs.get(name);
    return value === undefined ? fallback : value.kind === "bool" ? value.value : value.kind !== "none";
  };
  return { indent, itemSeparator, keySeparator, sortKeys: flag("sort_keys", false), ensureAscii: flag("ensure_ascii", true) };
}

/** json.dumps(value, ...) as CPython writes it. */
export function dumps(value: PyValue | undefined, options: DumpOptions, depth = 0): string {
  if (value === undefined) throw new PyError("TypeError", "dumps() missing 1 required positional argument: 'obj'");
  const newline = (level: number) => (options.indent === null ? "" : "\n" + options.indent.repeat(level));
  switch (value.kind) {
    case "none": return "null";
    case "bool": return value.value ? "true" : "false";
    case "int": return value.value.toString();
    case "float":
      if (Number.isNaN(value.value)) return "NaN";
      if (!Number.isFinite(value.value)) return value.value > 0 ? "Infinity" : "-Infinity";
      return floatRepr(value.value);
    case "str": return quote(value.value, options.ensureAscii);
    case "list": case "tuple": {
      if (value.items.length === 0) return "[]";
      const items = value.items.map((item) => dumps(item, options, depth + 1));
      return "[" + newline(depth + 1) + items.join(options.itemSeparator + newline(depth + 1)) + newline(depth) + "]";
    }
    case "dict": {
      if (value.entries.size === 0) return "{}";
      let entries = [...value.entries.values()].map(({ key, value: item }) => [keyText(key), item] as const);
      if (options.sortKeys) entries = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const items = entries.map(([key, item]) => quote(key, options.ensureAscii) + options.keySeparator + dumps(item, options, depth + 1));
      return "{" + newline(depth + 1) + items.join(options.itemSeparator + newline(depth + 1)) + newline(depth) + "}";
    }
    default: throw new PyError("TypeError", `Object of type ${typeNameOf(value)} is not JSON serializable`);
  }
}

function keyText(key: PyValue): string {
  switch (key.kind) {
    case "str": return key.value;
    case "int": return key.value.toString();
    case "float": return floatRepr(key.value);
    case "bool": return key.value ? "true" : "false";
    case "none": return "null";
    default: throw new PyError("TypeError", `keys must be str, int, float, bool or None, not ${typeNameOf(key)}`);
  }
}

const escapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function quote(text: string, ensureAscii: boolean): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const code = char.charCodeAt(0);
    if (escapes[char] !== undefined) out += escapes[char];
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) out += "\\u" + code.toString(16).padStart(4, "0");
    else out += char;
  }
  return out + '"';
}
