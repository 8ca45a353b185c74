// Methods of list, tuple, dict and set objects.
import { bindArgs, show, toIndex } from "./args.js";
import { dictDelete, dictGet, dictSet, hashKey, pySet, setAdd } from "./dict.js";
import { PyError, keyError } from "./errors.js";
import type { Budget } from "./limits.js";
import { pyEquals } from "./compare.js";
import { iterate } from "./iteration.js";
import type { MethodImpl, Runtime } from "./runtime.js";
import { sortValues } from "./sort.js";
import { pyBool, pyInt, pyList, pyNone, pyTuple, type PyDict, type PyList, type PySet, type PyValue } from "./values.js";
import { pyDict } from "./dict.js";

function noArgs(name: string, args: PyValue[], kwargs: Map<string, PyValue>): void {
  bindArgs({ name, params: [] }, args, kwargs);
}

function indexOf(name: string, items: readonly PyValue[], args: PyValue[], kwargs: Map<string, PyValue>, kind: string): PyValue {
  const [value, start, end] = bindArgs({ name, params: ["value", "start", "stop"], required: 1 }, args, kwargs);
  const resolve = (bound: PyValue | undefined, fallback: number) => {
    if (bound === undefined) return fallback;
    const index = toIndex(bound);
    return Math.max(index < 0 ? index + items.length : index, 0);
  };
  const from = resolve(start, 0);
  const to = Math.min(resolve(end, items.length), items.length);
  for (let index = from; index < to; index++) if (pyEquals(items[index]!, value!)) return pyInt(index);
  throw new PyError("ValueError", kind === "list" ? `${show(value!)} is not in list` : "tuple.index(x): x not in tuple");
}

function countOf(name: string, items: readonly PyValue[], args: PyValue[], kwargs: Map<string, PyValue>): PyValue {
  const [value] = bindArgs({ name, params: ["value"] }, args, kwargs);
  return pyInt(items.filter((item) => pyEquals(item, value!)).length);
}

type ListMethod = (list: PyList, args: PyValue[], kwargs: Map<string, PyValue>, runtime: Runtime) => PyValue | Promise<PyValue>;

const listMethods = new Map<string, ListMethod>([
  ["append", (list, args, kwargs) => {
    const [item] = bindArgs({ name: "list.append", params: ["object"] }, args, kwargs);
    list.items.push(item!);
    return pyNone;
  }],
  ["extend", (list, args, kwargs, runtime) => {
    const [iterable] = bindArgs({ name: "list.extend", params: ["iterable"] }, args, kwargs);
    const added = iterate(iterable!, runtime.budget);
    runtime.budget.build(list.items.length + added.length);
    for (const item of added) list.items.push(item);
    return pyNone;
  }],
  ["insert", (list, args, kwargs) => {
    const [index, item] = bindArgs({ name: "insert", params: ["index", "object"] }, args, kwargs);
    let position = toIndex(index!);
    if (position < 0) position = Math.max(position + list.items.length, 0);
    list.items.splice(Math.min(position, list.items.length), 0, item!);
    return pyNone;
  }],
  ["pop", (list, args, kwargs) => {
    const [index] = bindArgs({ name: "pop", params: ["index"], required: 0 }, args, kwargs);
    if (list.items.length === 0) throw new PyError("IndexError", "pop from empty list");
    let position = index === undefined ? -1 : toIndex(index);
    if (position < 0) position += list.items.length;
    if (position < 0 || position >= list.items.length) throw new PyError("IndexError", "pop index out of range");
    return list.items.splice(position, 1)[0]!;
  }],
  ["remove", (list, args, kwargs) => {
    const [value] = bindArgs({ name: "list.remove", params: ["value"] }, args, kwargs);
    const position = list.items.findIndex((item) => pyEquals(item, value!));
    if (position < 0) throw new PyError("ValueError", "list.remove(x): x not in list");
    list.items.splice(position, 1);
    return pyNone;
  }],
  ["index", (list, args, kwargs) => indexOf("index", list.items, args, kwargs, "list")],
  ["count", (list, args, kwargs) => countOf("count", list.items, args, kwargs)],
  ["reverse", (list, args, kwargs) => (noArgs("reverse", args, kwargs), list.items.reverse(), pyNone)],
  ["clear", (list, args, kwargs) => (noArgs("clear", args, kwargs), list.items.splice(0), pyNone)],
  ["copy", (list, args, kwargs) => (noArgs("copy", args, kwargs), pyList([...list.items]))],
  ["sort", async (list, args, kwargs, runtime) => {
    if (args.length > 0) throw new PyError("TypeError", "sort() takes no positional arguments");
    const [key, reverse] = bindArgs({ name: "sort", params: ["key", "reverse"], required: 0, keywords: ["key", "reverse"] }, [], kwargs);
    const sorted = await sortValues(list.items, key, reverse, runtime);
    sorted.forEach((item, index) => (list.items[index] = item));
    list.items.length = sorted.length;
    return pyNone;
  }],
]);

type DictMethod = (dict: PyDict, args: PyValue[], kwargs: Map<string, PyValue>, budget: Budget) => PyValue;

/** dict.update / dict(...) semantics: a mapping or iterable of pairs, then keyword arguments. */
export function updateDict(dict: PyDict, source: PyValue | undefined, kwargs: Map<string, PyValue>, budget: Budget): void {
  if (source?.kind === "dict") {
    for (const entry of [...source.entries.values()]) dictSet(dict, entry.key, entry.value);
  } else if (source !== undefined) {
    iterate(source, budget).forEach((pair, index) => {
      const items = pair.kind === "str" || pair.kind === "list" || pair.kind === "tuple" ? iterate(pair, budget) : undefined;
      if (!items) throw new PyError("TypeError", `cannot convert dictionary update sequence element #${index} to a sequence`);
      if (items.length !== 2) {
        throw new PyError("ValueError", `dictionary update sequence element #${index} has length ${items.length}; 2 is required`);
      }
      dictSet(dict, items[0]!, items[1]!);
    });
  }
  for (const [name, value] of kwargs) dictSet(dict, { kind: "str", value: name }, value);
}

const dictMethods = new Map<string, DictMethod>([
  ["keys", (dict, args, kwargs) => (noArgs("keys", args, kwargs), { kind: "dictview", which: "keys", dict })],
  ["values", (dict, args, kwargs) => (noArgs("values", args, kwargs), { kind: "dictview", which: "values", dict })],
  ["items", (dict, args, kwargs) => (noArgs("items", args, kwargs), { kind: "dictview", which: "items", dict })],
  ["get", (dict, args, kwargs) => {
    const [key, fallback] = bindArgs({ name: "get", params: ["key", "default"], required: 1 }, args, kwargs);
    return dictGet(dict, key!) ?? fallback ?? pyNone;
  }],
  ["update", (dict, args, kwargs, budget) => {
    if (args.length > 1) throw new PyError("TypeError", `update expected at most 1 argument, got ${args.length}`);
    updateDict(dict, args[0], kwargs, budget);
    return pyNone;
  }],
  ["pop", (dict, args, kwargs) => {
    const [key, fallback] = bindArgs({ name: "pop", params: ["key", "default"], required: 1 }, args, kwargs);
    const found = dictGet(dict, key!);
    if (found === undefined) {
      if (fallback === undefined) throw keyError(key!);
      return fallback;
    }
    dictDelete(dict, key!);
    return found;
  }],
  ["popitem", (dict, args, kwargs) => {
    noArgs("popitem", args, kwargs);
    const last = [...dict.entries.entries()].pop();
    if (!last) throw new PyError("KeyError", "'popitem(): dictionary is empty'");
    dict.entries.delete(last[0]);
    return pyTuple([last[1].key, last[1].value]);
  }],
  ["setdefault", (dict, args, kwargs) => {
    const [key, fallback] = bindArgs({ name: "setdefault", params: ["key", "default"], required: 1 }, args, kwargs);
    const found = dictGet(dict, key!);
    if (found !== undefined) return found;
    dictSet(dict, key!, fallback ?? pyNone);
    return fallback ?? pyNone;
  }],
  ["copy", (dict, args, kwargs) => (noArgs("copy", args, kwargs), pyDict([...dict.entries.values()].map((entry) => [entry.key, entry.value])))],
  ["clear", (dict, args, kwargs) => (noArgs("clear", args, kwargs), dict.entries.clear(), pyNone)],
]);

type SetMethod = (set: PySet, args: PyValue[], kwargs: Map<string, PyValue>, budget: Budget) => PyValue;

/** The hashes of the items of each argument of a set method. */
function hashesOf(others: PyValue[], budget: Budget): Set<string>[] {
  return others.map((other) => new Set(iterate(other, budget).map(hashKey)));
}

const setMethods = new Map<string, SetMethod>([
  ["add", (set, args, kwargs) => {
    const [item] = bindArgs({ name: "set.add", params: ["object"] }, args, kwargs);
    setAdd(set, item!);
    return pyNone;
  }],
  ["discard", (set, args, kwargs) => {
    const [item] = bindArgs({ name: "set.discard", params: ["object"] }, args, kwargs);
    set.entries.delete(hashKey(item!));
    return pyNone;
  }],
  ["remove", (set, args, kwargs) => {
    const [item] = bindArgs({ name: "set.remove", params: ["object"] }, args, kwargs);
    if (!set.entries.delete(hashKey(item!))) throw keyError(item!);
    return pyNone;
  }],
  ["update", (set, args, _kwargs, budget) => (args.forEach((other) => iterate(other, budget).forEach((item) => setAdd(set, item))), pyNone)],
  ["union", (set, args, _kwargs, budget) => {
    const union = pySet([...set.entries.values()]);
    for (const other of args) for (const item of iterate(other, budget)) setAdd(union, item);
    return union;
  }],
  ["intersection", (set, args, _kwargs, budget) => {
    const others = hashesOf(args, budget);
    return pySet([...set.entries.keys()].filter((hash) => others.every((hashes) => hashes.has(hash))).map((hash) => set.entries.get(hash)!));
  }],
  ["difference", (set, args, _kwargs, budget) => {
    const others = hashesOf(args, budget);
    return pySet([...set.entries.keys()].filter((hash) => !others.some((hashes) => hashes.has(hash))).map((hash) => set.entries.get(hash)!));
  }],
  ["issubset", (set, args, kwargs, budget) => {
    const [other] = bindArgs({ name: "issubset", params: ["other"] }, args, kwargs);
    const hashes = new Set(iterate(other!, budget).map(hashKey));
    return pyBool([...set.entries.keys()].every((hash) => hashes.has(hash)));
  }],
  ["copy", (set) => pySet([...set.entries.values()])],
]);

/** The list, tuple, dict or set method called `name`, or undefined. */
export function collectionMethod(kind: PyValue["kind"], name: string): MethodImpl | undefined {
  if (kind === "list") {
    const method = listMethods.get(name);
    return method && ((self, args, kwargs, runtime) => method(self as PyList, args, kwargs, runtime));
  }
  if (kind === "tuple") {
    if (name === "index") return (self, args, kwargs) => indexOf("index", (self as { items: PyValue[] }).items, args, kwargs, "tuple");
    if (name === "count") return (self, args, kwargs) => countOf("count", (self as { items: PyValue[] }).items, args, kwargs);
    return undefined;
  }
  if (kind === "dict") {
    const method = dictMethods.get(name);
    return method && ((self, args, kwargs, runtime) => method(self as PyDict, args, kwargs, runtime.budget));
  }
  if (kind === "set") {
    const method = setMethods.get(name);
    return method && ((self, args, kwargs, runtime) => method(self as PySet, args, kwargs, runtime.budget));
  }
  return undefined;
}
