// Guild file composition as Guild 0.8.2 does it: `include` items, `extends` parents with `{{ param }}` refs, `$include` in sections.
import fs from "node:fs";
import path from "node:path";
import { pyRepr, pyStr } from "../python/repr.js";
import { isMapping, type PyValue } from "../python/values.js";
import { loadYaml } from "../yaml/yaml.js";
import { GuildfileError } from "./coerce.js";
import type { RawData } from "./types.js";

const MODEL_TYPES = ["model", "config"];
const INHERITABLE = ["description", "extra", "flags", "operation-defaults", "operations", "params", "references", "resources", "sourcecode"];
const INCLUDE_REF_DESC = "CONFIG[#ATTRS] or MODEL:OPERATION[#ATTRS]";

/** Reads one Guild file's top-level items, coerced (the loader's job; composition only moves data around). */
export type ReadItems = (file: string) => PyValue[];

/** Guild's _coerce_str_to_list: a string (`[a, b]` read as YAML), a list, or None; else an error naming `name`. */
export function coerceStrToList(value: PyValue | undefined, file: string, name: string): PyValue[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") {
    if (!(value.startsWith("[") && value.endsWith("]"))) return [value];
    const parsed = loadYaml(value) as PyValue;
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  if (Array.isArray(value)) return value;
  throw new GuildfileError(file, `invalid ${name} value ${pyRepr(value)}: expected a string or list`);
}

/** A deep copy of plain mappings and lists (Python's copy.deepcopy of YAML data); other values are immutable. */
export function copyData<T extends PyValue>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (isMapping(value)) {
    const copy: RawData = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: copyData(item), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return value;
}

/**
 * Replaces each `include` item by the items of the files it names, recursively: a path next to the
 * including file, else a package (`a.b` -> `a/b/guild.yml`, or `gpkg.a.b`) under `packageRoots`.
 * `included` is Guild's shared list of including files, which names a cycle.
 */
export function expandIncludes(items: PyValue[], file: string, readItems: ReadItems, packageRoots: string[] = [], included: string[] = []): PyValue[] {
  const expanded: PyValue[] = [];
  for (const item of items) {
    if (!isMapping(item) || !("include" in item)) {
      expanded.push(item);
      continue;
    }
    included.push(path.resolve(file));
    for (const include of coerceStrToList(item.include, file, "include")) {
      const found = findInclude(pyStr(include), file, packageRoots);
      if (included.includes(found)) throw new GuildfileError("cycle in 'includes'", `${included[0]} (${[...included, found].join(" -> ")})`);
      expanded.push(...expandIncludes(readItems(found), found, readItems, packageRoots, included));
    }
  }
  return expanded;
}

function findInclude(include: string, file: string, packageRoots: string[]): string {
  const local = path.resolve(path.dirname(file), include);
  if (fs.existsSync(local)) return local;
  for (const name of [include, `gpkg.${include}`]) {
    for (const root of packageRoots) {
      const candidate = path.join(root, ...name.split("."), "guild.yml");
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new GuildfileError(file, `cannot find include '${include}' (includes must be local to including Guild file or a Guild package on the system path)`);
}

/** The name of a `model` or `config` item, else null. */
function itemName(item: PyValue): PyValue | null {
  if (!isMapping(item)) return null;
  for (const type of MODEL_TYPES) if (type in item) return item[type];
  return null;
}

function itemNamed(items: PyValue[], name: PyValue): RawData | null {
  const item = items.find((candidate) => itemName(candidate) === name);
  return item && isMapping(item) ? item : null;
}

/** A Guild file's items with its path: one place `$include` refs are looked up in. */
export interface ItemsSource {
  file: string;
  items: PyValue[];
}

/** How `extends: PKG/MODEL` finds packages: directories searched for `PKG/guild.yml`, and a reader of its items. */
export interface PackageLookup {
  roots: string[];
  read: ReadItems;
}

/**
 * A model's data with its `extends` parents merged in (inheritable attributes only) and, for the model
 * itself, params resolved. Guild files of packages it extends from are added to `parents` (searched by `$include`).
 */
export function extendedData(
  data: RawData,
  source: ItemsSource,
  packages: PackageLookup,
  parents: ItemsSource[] = [],
  seen: string[] = [],
  resolveParams = true,
): RawData {
  let extended = copyData(data);
  for (const parentName of coerceStrToList(data.extends, source.file, "extends")) {
    const name = pyStr(parentName);
    if (seen.includes(name)) throw new GuildfileError(source.file, `cycle in 'extends' (${[...seen, name].join(" -> ")})`);
    applyParentData(parentData(name, source, packages, parents, seen), extended, INHERITABLE);
  }
  if (resolveParams) extended = resolveParamRefs(extended, modelParams(extended)) as RawData;
  return extended;
}

function parentData(name: string, source: ItemsSource, packages: PackageLookup, parents: ItemsSource[], seen: string[]): RawData {
  if (!name.includes("/")) {
    const parent = itemNamed(source.items, name);
    if (!parent) throw new GuildfileError(source.file, `undefined model or config '${name}'`);
    return extendedData(parent, source, packages, parents, [...seen, name], false);
  }
  const [pkg, modelName] = [name.slice(0, name.indexOf("/")), name.slice(name.indexOf("/") + 1)];
  if (!modelName) throw new GuildfileError(source.file, `invalid model or config reference '${name}': missing model name`);
  const pkgPath = pkg.replace(/-/g, "_").replace(/\./g, path.sep);
  const file = packages.roots.map((root) => path.join(root, pkgPath, "guild.yml")).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new GuildfileError(source.file, `cannot find Guild file for package '${pkg}'`);
  const pkgSource = { file, items: packages.read(file) };
  const parent = itemNamed(pkgSource.items, modelName);
  if (!parent) throw new GuildfileError(source.file, `undefined model or config '${modelName}' in package '${pkg}'`);
  const pkgParents: ItemsSource[] = [];
  const extended = extendedData(parent, pkgSource, packages, pkgParents, [...seen, name], false);
  for (const item of [...pkgParents, pkgSource]) if (!parents.some((known) => path.dirname(known.file) === path.dirname(item.file))) parents.push(item);
  return extended;
}

/** Guild's _apply_parent_data: the child's values win; mappings present in both are merged recursively. */
function applyParentData(parent: PyValue, child: PyValue, attrs: string[] | null): void {
  if (!isMapping(parent) || !isMapping(child)) return;
  for (const [name, parentValue] of Object.entries(parent)) {
    if (attrs && !attrs.includes(name)) continue;
    if (Object.hasOwn(child, name)) applyParentData(parentValue, child[name], null);
    else Object.defineProperty(child, name, { value: copyData(parentValue), enumerable: true, writable: true, configurable: true });
  }
}

function modelParams(data: RawData): RawData {
  const params = isMapping(data.params) ? data.params : {};
  const resolved: RawData = {};
  for (const name of Object.keys(params)) Object.defineProperty(resolved, name, { value: resolveParam(params[name], params), enumerable: true, writable: true, configurable: true });
  return resolved;
}

/** Resolves a param's refs to other params until the value repeats (resolved, or a cycle). */
function resolveParam(value: PyValue, params: RawData): PyValue {
  if (typeof value !== "string") return value;
  const seen = new Set<PyValue>([value]);
  let current: PyValue = value;
  for (let count = 0; count < 100; count++) {
    current = resolveStringParamRefs(pyStr(current), params);
    if (seen.has(current)) return current;
    seen.add(current);
  }
  return current;
}

function resolveParamRefs(value: PyValue, params: RawData): PyValue {
  if (Array.isArray(value)) return value.map((item) => resolveParamRefs(item, params));
  if (isMapping(value)) {
    const resolved: RawData = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(resolved, key, { value: resolveParamRefs(item, params), enumerable: true, writable: true, configurable: true });
    return resolved;
  }
  if (typeof value === "string") return resolveStringParamRefs(value, params);
  return value;
}

/** `{{ name }}` refs in a string: a lone ref is the param's value as is; refs among text are joined as str(). */
function resolveStringParamRefs(text: string, params: RawData): PyValue {
  const parts = text.split(/({{.*?}})/).filter((part) => part !== "");
  const resolved = parts.map((part) => {
    if (!(part.startsWith("{{") && part.endsWith("}}"))) return part;
    const name = part.slice(2, -2).trim();
    return Object.hasOwn(params, name) ? params[name] : part;
  });
  if (resolved.length === 1) return resolved[0];
  return resolved.map((part) => pyStr(part)).join("");
}

/** Guild's _split_include_ref: `CONFIG[#ATTRS]` or `MODEL:OPERATION[#ATTRS]` as [model, op, attrs]. */
export function splitIncludeRef(ref: string, file: string): [string, string | null, string | null] {
  const withOp = /^([^:#]*):([^#]+)(?:#(.+))?/.exec(ref);
  if (withOp) return [withOp[1], withOp[2], withOp[3] ?? null];
  const config = /^([^:#]+)(?:#(.+))?/.exec(ref);
  if (config) return [config[1], null, config[2] ?? null];
  throw new GuildfileError(file, `invalid include reference '${ref}': operation references must be specified as ${INCLUDE_REF_DESC}`);
}

/**
 * A section (`operations`, `flags`, `resources`) of `data` with its `$include` refs replaced by the
 * sections they name, `$include` first, then the section's own entries (Guild's _resolve_includes).
 */
export function resolveSectionIncludes(data: RawData, section: string, searchPath: ItemsSource[]): RawData {
  const resolved: RawData = {};
  const sectionData = data[section];
  applySectionData(isMapping(sectionData) ? sectionData : {}, section, searchPath, new Set(), resolved);
  return resolved;
}

function applySectionData(data: RawData, section: string, searchPath: ItemsSource[], seen: Set<string>, resolved: RawData): void {
  const names = Object.keys(data).sort((a, b) => (a === "$include" ? -1 : b === "$include" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name === "$include") applyIncludes(coerceStrToList(data[name], searchPath[0].file, "$include"), section, searchPath, seen, resolved);
    else applyEntry(name, data[name], resolved);
  }
}

function applyIncludes(refs: PyValue[], section: string, searchPath: ItemsSource[], seen: Set<string>, resolved: RawData): void {
  const file = searchPath[0].file;
  for (const refValue of refs) {
    const ref = pyStr(refValue);
    if (seen.has(ref)) break;
    seen.add(ref);
    const [modelName, opName, attrs] = splitIncludeRef(ref, file);
    let included: RawData | null = null;
    for (const source of searchPath) {
      included = findIncludeData(modelName, opName, section, source.items);
      if (included !== null) break;
    }
    if (included === null) throw new GuildfileError(file, `invalid include reference '${ref}': cannot find target`);
    if (attrs) {
      const wanted = attrs.split(",");
      included = Object.fromEntries(Object.entries(included).filter(([name]) => wanted.includes(name)));
    }
    applySectionData(included, section, searchPath, seen, resolved);
  }
}

function findIncludeData(modelName: string, opName: string | null, section: string, items: PyValue[]): RawData | null {
  for (const item of items) {
    if (!isMapping(item) || itemName(item) !== modelName) continue;
    if (!opName) return sectionOf(item, section);
    const operations = item.operations;
    const opData = isMapping(operations) && Object.hasOwn(operations, opName) ? operations[opName] : undefined;
    if (opData === undefined || opData === null) continue;
    return isMapping(opData) ? sectionOf(opData, section) : {};
  }
  return null;
}

function sectionOf(data: RawData, section: string): RawData {
  const value = data[section];
  return isMapping(value) ? value : {};
}

/** A mapping entry is merged into what is there (later keys win); anything else replaces it. */
function applyEntry(name: string, value: PyValue, resolved: RawData): void {
  const current = resolved[name];
  const entry = isMapping(value) ? (Object.hasOwn(resolved, name) && isMapping(current) ? Object.assign(current, value) : { ...value }) : value;
  Object.defineProperty(resolved, name, { value: entry, enumerable: true, writable: true, configurable: true });
}
