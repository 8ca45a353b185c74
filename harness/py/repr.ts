// repr() and str() of the interpreter's values, matching CPython's text exactly; scalars use the shared Python primitives.
import { floatRepr } from "../../lib/python/float.js";
import { bytesRepr } from "./bytes.js";
import { strRepr } from "../../lib/python/repr.js";
import { bitLength, checkIntDigits, checkSize, defaultLimits, intMaxStrDigits, recursionError, type Limits } from "./limits.js";
import type { PyValue } from "./values.js";

/** A fake but stable address for reprs like `<function <lambda> at 0x7f...>`. */
export function fakeAddress(id: number): string {
  return "0x7f" + (0x10000000 + id * 0x40).toString(16).padStart(10, "0");
}

/**
 * repr(value). Containers are written with a stack of pending work, not recursion: nesting deeper
 * than maxDepth raises RecursionError and text longer than maxSize MemoryError, as CPython would.
 */
export function pyRepr(value: PyValue, limits: Limits = defaultLimits): string {
  return reprOf(value, limits);
}

/** str(value): strings as-is, everything else as repr (containers repr their items). */
export function pyStrOf(value: PyValue, limits: Limits = defaultLimits): string {
  if (value.kind === "str") return value.value;
  if (value.kind === "exception") return value.message;
  if (value.kind === "object") {
    const custom = value.attrs.get("__str__");
    if (custom?.kind === "str") return custom.value;
  }
  return pyRepr(value, limits);
}

/** The decimal text of an int, refused past CPython's 4300 digits (checked by size before converting). */
export function intText(value: bigint): string {
  if (value < 2n ** 53n && value > -(2n ** 53n)) return value.toString();
  // 2**14287 has more than 4300 decimal digits: no need to write it out to know.
  if (bitLength(value) > Math.ceil(intMaxStrDigits * Math.log2(10)) + 1) checkIntDigits(intMaxStrDigits + 1);
  const text = value.toString();
  checkIntDigits(value < 0n ? text.length - 1 : text.length);
  return text;
}

/** A container being written: its `count` elements, each written as `element(index)`, one at a time. */
interface Cursor { count: number; element: (index: number) => (PyValue | string)[]; index: number; depth: number }

/** Work still to do: text to write, a value to write `depth` levels down, a container's next element, or a container finished. */
type Work = string | { value: PyValue; depth: number } | { cursor: Cursor } | { done: PyValue };

function reprOf(root: PyValue, limits: Limits): string {
  const pieces: string[] = [];
  let length = 0;
  const write = (text: string) => {
    length += text.length;
    checkSize(length, limits);
    pieces.push(text);
  };
  /** Containers being written, so one that holds itself is written `[...]` as CPython does. */
  const active = new Set<PyValue>();
  const work: Work[] = [{ value: root, depth: 0 }];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    if (typeof next === "string") {
      write(next);
    } else if ("done" in next) {
      active.delete(next.done);
    } else if ("cursor" in next) {
      // Elements made of scalars are written at once; the first holding a container is scheduled after the cursor.
      const { cursor } = next;
      while (cursor.index < cursor.count) {
        const parts = cursor.element(cursor.index);
        if (cursor.index > 0) write(", ");
        cursor.index++;
        const nested = parts.findIndex((part) => typeof part !== "string" && containerOf(part) !== undefined);
        if (nested < 0) {
          for (const part of parts) write(typeof part === "string" ? part : scalarRepr(part));
          continue;
        }
        work.push({ cursor });
        for (let index = parts.length - 1; index >= 0; index--) {
          const part = parts[index]!;
          work.push(typeof part === "string" ? part : { value: part, depth: cursor.depth + 1 });
        }
        break;
      }
    } else {
      const { value, depth } = next;
      const container = containerOf(value);
      if (container === undefined) {
        write(scalarRepr(value));
        continue;
      }
      if (active.has(value)) {
        write(value.kind === "list" ? "[...]" : "{...}");
        continue;
      }
      if (depth >= limits.maxDepth) throw recursionError("while getting the repr of an object");
      if (value.kind === "list" || value.kind === "dict") {
        active.add(value);
        work.push({ done: value });
      }
      work.push(container.close, { cursor: { count: container.count, element: container.element, index: 0, depth } });
      write(container.open);
    }
  }
  return pieces.join("");
}

/** A container's brackets and how to write each element; undefined for other values. */
function containerOf(value: PyValue): { open: string; count: number; element: (index: number) => (PyValue | string)[]; close: string } | undefined {
  switch (value.kind) {
    case "list": return { open: "[", count: value.items.length, element: (index) => [value.items[index]!], close: "]" };
    case "tuple":
      return { open: "(", count: value.items.length, element: (index) => [value.items[index]!], close: value.items.length === 1 ? ",)" : ")" };
    case "dict": {
      const entries = [...value.entries.values()];
      return { open: "{", count: entries.length, element: (index) => [entries[index]!.key, ": ", entries[index]!.value], close: "}" };
    }
    case "set": {
      if (value.entries.size === 0) return undefined;
      const items = [...value.entries.values()];
      return { open: "{", count: items.length, element: (index) => [items[index]!], close: "}" };
    }
    case "dictview": {
      const entries = [...value.dict.entries.values()];
      const element = (index: number): (PyValue | string)[] => {
        const entry = entries[index]!;
        return value.which === "keys" ? [entry.key] : value.which === "values" ? [entry.value] : ["(", entry.key, ", ", entry.value, ")"];
      };
      return { open: `dict_${value.which}([`, count: entries.length, element, close: "])" };
    }
    case "exception": return { open: `${value.type.name}(`, count: value.args.length, element: (index) => [value.args[index]!], close: ")" };
    default: return undefined;
  }
}

function scalarRepr(value: PyValue): string {
  switch (value.kind) {
    case "none": return "None";
    case "bool": return value.value ? "True" : "False";
    case "int": return intText(value.value);
    case "float": return floatRepr(value.value);
    case "str": return strRepr(value.value);
    case "bytes": return bytesRepr(value.value);
    case "set": return "set()";
    case "range": {
      const bounds = [value.start, value.stop].map(intText).join(", ");
      return value.step === 1n ? `range(${bounds})` : `range(${bounds}, ${intText(value.step)})`;
    }
    case "iterator": return `<${value.typeName} object at ${fakeAddress(value.id)}>`;
    case "function":
      if (value.flavor === "lambda") return `<function ${value.name} at ${fakeAddress(value.id)}>`;
      if (value.flavor === "method" && value.self) {
        return `<built-in method ${value.name} of ${typeLabel(value.self)} object at ${fakeAddress(value.id)}>`;
      }
      return `<built-in function ${value.name}>`;
    case "type": return `<class '${value.name}'>`;
    case "object": {
      const custom = value.attrs.get("__repr__");
      if (custom?.kind === "str") return custom.value;
      if (value.typeName === "module") {
        const name = value.attrs.get("__name__");
        return `<module '${name?.kind === "str" ? name.value : "?"}'>`;
      }
      return `<${value.typeName} object at ${fakeAddress(value.id)}>`;
    }
    default: return "";
  }
}

function typeLabel(value: PyValue): string {
  return value.kind === "none" ? "NoneType" : value.kind === "object" ? value.typeName : value.kind;
}
