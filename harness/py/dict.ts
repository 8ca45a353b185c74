// Dicts and sets: hashing Python keys so that equal keys (1, 1.0, True) share one entry.
import { PyError } from "./errors.js";
import { typeNameOf, type PyDict, type PySet, type PyValue } from "./values.js";

/**
 * A string that is equal for equal hashable Python values; raises TypeError for unhashable ones.
 * Tuples are walked with a stack, not recursion: CPython hashes a tuple nested any depth.
 */
export function hashKey(value: PyValue): string {
  if (value.kind !== "tuple") return scalarKey(value);
  const pieces: string[] = [];
  const work: (PyValue | string)[] = [value];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    if (typeof next === "string") pieces.push(next);
    else if (next.kind !== "tuple") pieces.push(scalarKey(next));
    else {
      work.push(")");
      for (let index = next.items.length - 1; index >= 0; index--) {
        work.push(next.items[index]!);
        if (index > 0) work.push(",");
      }
      work.push("t:(");
    }
  }
  return pieces.join("");
}

function scalarKey(value: PyValue): string {
  switch (value.kind) {
    case "none": return "None";
    case "bool": return value.value ? "n:1" : "n:0";
    case "int": return `n:${value.value.toString(16)}`;
    case "float":
      if (Number.isInteger(value.value)) return `n:${BigInt(value.value).toString(16)}`;
      return `f:${value.value}`;
    case "str": return `s:${value.value}`;
    case "bytes": return `b:${Array.from(value.value, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
    case "range": return `r:${value.start}:${value.stop}:${value.step}`;
    case "function": case "object": case "iterator": return `o:${value.id}`;
    case "type": return `c:${value.name}`;
    default: throw new PyError("TypeError", `unhashable type: '${typeNameOf(value)}'`);
  }
}

export function pyDict(entries: readonly (readonly [PyValue, PyValue])[]): PyDict {
  const dict: PyDict = { kind: "dict", entries: new Map() };
  for (const [key, value] of entries) dictSet(dict, key, value);
  return dict;
}

export function dictSet(dict: PyDict, key: PyValue, value: PyValue): void {
  const hash = hashKey(key);
  const existing = dict.entries.get(hash);
  if (existing) existing.value = value;
  else dict.entries.set(hash, { key, value });
}

export function dictGet(dict: PyDict, key: PyValue): PyValue | undefined {
  return dict.entries.get(hashKey(key))?.value;
}

export function dictDelete(dict: PyDict, key: PyValue): boolean {
  return dict.entries.delete(hashKey(key));
}

export function pySet(items: readonly PyValue[]): PySet {
  const set: PySet = { kind: "set", entries: new Map() };
  for (const item of items) setAdd(set, item);
  return set;
}

export function setAdd(set: PySet, item: PyValue): void {
  const hash = hashKey(item);
  if (!set.entries.has(hash)) set.entries.set(hash, item);
}

export function setHas(set: PySet, item: PyValue): boolean {
  return set.entries.has(hashKey(item));
}
