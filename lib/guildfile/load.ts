// Loading guild.yml: list or mapping form, models and operations coerced as Guild does, Python flags applied.
import fs from "node:fs";
import path from "node:path";
import { nodeCrypto } from "../builtins.js";
import { loadYaml, yamlKey } from "../yaml/yaml.js";
import { pyRepr, pyStr } from "../python/repr.js";
import { isMapping, type PyValue } from "../python/values.js";
import { coerceFlagsData, coerceOutputScalars, coerceStringList, flagDef, GuildfileError, sourceCodeSpec } from "./coerce.js";
import { coerceStrToList, copyData, expandIncludes, extendedData, resolveSectionIncludes, type ItemsSource } from "./compose.js";
import { applyConfigFlags } from "./config-flags.js";
import { applyPythonFlags, type FlagsImportContext } from "./import-flags.js";
import type { Guildfile, ModelDef, OpDef, RawData } from "./types.js";

export const GUILDFILE_NAME = "guild.yml";
const ITEM_TYPES = ["config", "include", "model", "package"];
const MODEL_TYPES = ["model", "config"];

export interface LoadedGuildfile extends Guildfile {
  /** Lines Guild prints on stderr while loading (`Refreshing flags...`, flag import warnings). */
  messages: string[];
}

export function guildfilePath(dir: string): string {
  return path.join(dir, GUILDFILE_NAME);
}

/** Loads `<dir>/guild.yml`; null when there is none. Throws GuildfileError for bad content. */
export function loadGuildfileIfExists(dir: string, context: FlagsImportContext = {}): LoadedGuildfile | null {
  const file = path.resolve(guildfilePath(dir));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  // Guild finds packages on sys.path, which holds the project directory when it runs there.
  const packageRoots = [path.dirname(file)];
  const items = expandIncludes(coerceTopLevel(decodeYaml(bytes.toString("utf8"), file), file), file, readIncludedItems, packageRoots);
  const guildfile: LoadedGuildfile = {
    path: file,
    dir: path.dirname(file),
    // Only a new run's opref needs the digest: listing and comparing never pay to load node:crypto.
    get md5() {
      const md5 = nodeCrypto().createHash("md5").update(bytes).digest("hex");
      Object.defineProperty(this, "md5", { value: md5, enumerable: true });
      return md5;
    },
    models: [],
    messages: [],
  };
  for (const item of items) applyItem(guildfile, item, items, file);
  for (const model of guildfile.models) {
    for (const opdef of model.operations) {
      applyConfigFlags(opdef, guildfile);
      applyPythonFlags(opdef, guildfile, context);
    }
  }
  return guildfile;
}

/** Loads `<dir>/guild.yml` (throws GuildfileError when it is missing or bad). */
export function loadGuildfile(dir: string, context: FlagsImportContext = {}): LoadedGuildfile {
  const guildfile = loadGuildfileIfExists(dir, context);
  if (!guildfile) throw new GuildfileError(path.resolve(dir), "no models");
  return guildfile;
}

function decodeYaml(text: string, file: string): PyValue {
  try {
    return (loadYaml(text, file) ?? null) as PyValue;
  } catch (error) {
    throw new GuildfileError(file, (error as Error).message);
  }
}

/** The coerced items of a Guild file named by an `include`. */
function readIncludedItems(file: string): PyValue[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new GuildfileError(file, (error as Error).message);
  }
  return coerceTopLevel(decodeYaml(text, file), file);
}

function coerceTopLevel(data: PyValue, file: string): PyValue[] {
  if (data === null) return [];
  const items = isMapping(data) ? [{ model: "", operations: data }] : data;
  if (!Array.isArray(items)) throw new GuildfileError(file, `invalid guildfile data ${pyRepr(data)}: expected a mapping`);
  return items.map((item) => anonymousModelItem(coerceItem(item, file)));
}

/** Guild's per-item coercion: include/extends as lists, operations and flags in their long forms. */
function coerceItem(item: PyValue, file: string): PyValue {
  if (!isMapping(item)) return item;
  const coerced: RawData = {};
  for (const [name, value] of Object.entries(item)) {
    let result = value;
    if (name === "include" || name === "extends") result = coerceStrToList(value, file, name);
    else if (name === "operations") result = coerceOperations(value, file);
    else if (name === "flags") result = coerceFlagsData(value, file);
    Object.defineProperty(coerced, name, { value: result, enumerable: true, writable: true, configurable: true });
  }
  return coerced;
}

function coerceOperations(data: PyValue, file: string): RawData {
  if (!isMapping(data)) throw new GuildfileError(file, `invalid operations value ${pyRepr(data)}: expected a mapping`);
  const coerced: RawData = {};
  for (const [name, value] of Object.entries(data)) {
    const opData = name === "$include" ? value : checkOperationName(data, name, coerceOperation(name, value, file), file);
    Object.defineProperty(coerced, name, { value: opData, enumerable: true, writable: true, configurable: true });
  }
  return coerced;
}

/** An item with `operations` and neither `model` nor `config` is a model named '' (Guild appends `model: ''`). */
function anonymousModelItem(item: PyValue): PyValue {
  if (!isMapping(item) || !("operations" in item) || MODEL_TYPES.some((type) => type in item)) return item;
  return { ...item, model: "" };
}

function applyItem(guildfile: LoadedGuildfile, item: PyValue, items: PyValue[], file: string): void {
  const used = isMapping(item) ? ITEM_TYPES.filter((type) => type in item) : [];
  if (used.length === 0) throw new GuildfileError(file, `missing required type (one of: ${ITEM_TYPES.join(", ")}) in ${pyRepr(item)}`);
  if (used.length > 1) throw new GuildfileError(file, `multiple types (${used.join(", ")}) in ${pyRepr(item)}`);
  const data = item as RawData;
  const name = data[used[0]];
  if (typeof name !== "string") throw new GuildfileError(file, `invalid ${used[0]} name $${pyRepr(name)}: expected a string`);
  if (used[0] === "package") {
    if (guildfile.packageName !== undefined) throw new GuildfileError(file, "mutiple package definitions");
    guildfile.packageName = name;
    guildfile.packageData = data;
  }
  if (used[0] !== "model") return;
  if (guildfile.models.some((model) => model.name === name)) throw new GuildfileError(file, `duplicate model '${name}'`);
  const source = { file, items };
  const parents: ItemsSource[] = [];
  const roots = [path.dirname(file)];
  const packages = { roots, read: (pkgFile: string) => expandIncludes(readIncludedItems(pkgFile), pkgFile, readIncludedItems, roots) };
  const extended = extendedData(data, source, packages, parents);
  guildfile.models.push(modelDef(name, extended, [source, ...parents], guildfile, file));
}

function modelDef(name: string, data: RawData, searchPath: ItemsSource[], guildfile: Guildfile, file: string): ModelDef {
  const operationsData = resolveSectionIncludes(data, "operations", searchPath);
  if (isMapping(data.resources)) data.resources = resolveSectionIncludes(data, "resources", searchPath);
  const model: ModelDef = {
    name,
    description: typeof data.description === "string" ? data.description.trim() : "",
    default: Boolean(data.default),
    operations: [],
    sourcecode: sourceCodeSpec(data.sourcecode, file),
    guildfile,
    raw: data,
  };
  const defaults = isMapping(data["operation-defaults"]) ? coerceOperation("operation-defaults", data["operation-defaults"], file) : {};
  model.operations = Object.keys(operationsData)
    .sort()
    .map((opName) => opDef(opName, operationDef(opName, operationsData[opName], file), defaults, model, searchPath, file));
  return model;
}

/** Guild takes only string keys as operation names (`yes:`, `~:`, `12:`, `2020-01-01:` are not); passes the op's data on. */
function checkOperationName(operations: object, opName: string, data: RawData, file: string): RawData {
  const key = yamlKey(operations, opName);
  if (typeof key !== "string") throw new GuildfileError(file, `invalid operation name ${pyRepr(key as PyValue)}: expected a string`);
  return data;
}

/** Guild's OpDef check: an operation (after includes) must be a mapping. */
function operationDef(name: string, data: PyValue, file: string): RawData {
  if (!isMapping(data)) throw new GuildfileError(file, `invalid operation def ${pyRepr(data)}: expected a mapping`);
  return copyData(data);
}

function coerceOperation(name: string, data: PyValue, file: string): RawData {
  if (typeof data === "string") return { main: data };
  if (isMapping(data)) {
    const coerced: RawData = { ...data };
    if ("flags" in coerced) coerced.flags = coerceFlagsData(coerced.flags, file);
    return coerced;
  }
  throw new GuildfileError(file, `invalid value for operation '${pyStr(data)}' ${pyRepr(name)}: expected a string or a mapping`);
}

function stepsData(data: RawData, searchPath: ItemsSource[], file: string): PyValue[] | null {
  const steps = data.steps;
  if (steps === undefined || steps === null || steps === false || steps === "" || steps === 0) return null;
  if (isMapping(steps) && Object.keys(steps).length === 0) return null;
  if (Array.isArray(steps) && steps.length === 0) return null;
  if (!Array.isArray(steps)) throw new GuildfileError(file, `invalid steps data ${pyRepr(steps)}: expected a list`);
  return steps.map((step) => {
    if (!isMapping(step) || !isMapping(step.flags)) return step;
    const flags: RawData = {};
    for (const [flagName, value] of Object.entries(resolveSectionIncludes(step, "flags", searchPath))) flags[flagName] = isMapping(value) && "default" in value ? value.default : value;
    return { ...step, flags };
  });
}

function opDef(name: string, given: RawData, defaults: RawData, model: ModelDef, searchPath: ItemsSource[], file: string): OpDef {
  const data: RawData = { ...defaults, ...given };
  const flagsData = resolveSectionIncludes(data, "flags", searchPath);
  const requires = data.requires === undefined || data.requires === null ? [] : Array.isArray(data.requires) ? data.requires : [data.requires];
  const opdef: OpDef = {
    name,
    fullname: model.name ? `${model.name}:${name}` : name,
    model,
    description: typeof data.description === "string" ? data.description.trim() : "",
    default: Boolean(data.default),
    main: typeof data.main === "string" && data.main ? data.main : null,
    exec: typeof data.exec === "string" ? data.exec : null,
    steps: stepsData(data, searchPath, file),
    flags: Object.keys(flagsData).sort().map((flagName) => flagDef(flagName, flagsData[flagName], file)),
    flagsDest: typeof data["flags-dest"] === "string" ? data["flags-dest"] : null,
    flagsImport: data["flags-import"] === undefined ? null : data["flags-import"] === "all" ? true : data["flags-import"] === false ? [] : data["flags-import"],
    flagsImportSkip: data["flags-import-skip"] ?? null,
    requires,
    outputScalars: coerceOutputScalars(data["output-scalars"], file),
    compare: data.compare ?? null,
    sourcecode: sourceCodeSpec(data.sourcecode, file),
    label: typeof data.label === "string" ? data.label : null,
    tags: coerceStringList(data.tags, file, "tags"),
    env: isMapping(data.env) ? data.env : {},
    defaultFlagArgSkip: Boolean(data["default-flag-arg-skip"]),
    deleteOnSuccess: Boolean(data["delete-on-success"]),
    pythonRequires: data["python-requires"] ?? null,
    raw: given,
  };
  if (opdef.main === null && opdef.exec === null && opdef.steps === null) opdef.main = name.replace(/[^A-Za-z0-9_]/g, "_");
  return opdef;
}

/** The model Guild runs when no model is named: the only one, else the first marked `default`. */
export function defaultModel(guildfile: Guildfile): ModelDef | null {
  if (guildfile.models.length === 1) return guildfile.models[0];
  return guildfile.models.find((model) => model.default) ?? null;
}

/** The op marked `default`, else the only op whose name does not start with `_`. */
export function defaultOperation(model: ModelDef): OpDef | null {
  const marked = model.operations.find((opdef) => opdef.default);
  if (marked) return marked;
  const visible = model.operations.filter((opdef) => !opdef.name.startsWith("_"));
  return visible.length === 1 ? visible[0] : null;
}

export { GuildfileError };
