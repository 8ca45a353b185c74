// Guild's config_flags plugin at load time: flags imported from the config file an op names as `flags-dest: config:FILE`.
import fs from "node:fs";
import path from "node:path";
import { encodeYaml, loadYaml } from "../yaml/yaml.js";
import { parseIni, sectionOptions, typedIniValue } from "../python/configparser.js";
import { shellQuote } from "../python/shlex.js";
import { isMapping, PyDate, PyFloat, type PyValue } from "../python/values.js";
import { flagDef } from "./coerce.js";
import { mergeFlag, namesToImport } from "./import-flags.js";
import type { Guildfile, OpDef, RawData } from "./types.js";

/** The config file of a `config:FILE` flags dest, else null. */
export function configFlagsSource(opdef: OpDef): string | null {
  return opdef.flagsDest?.startsWith("config:") ? opdef.flagsDest.slice("config:".length) : null;
}

/** The config format of a file name (`.in` looks through): yaml, json or ini; null when unsupported. */
export function configFormat(file: string): "yaml" | "json" | "ini" | null {
  let name = file;
  if (path.extname(name).toLowerCase() === ".in") name = name.slice(0, -3);
  const ext = path.extname(name).toLowerCase();
  if (ext === ".yml" || ext === ".yaml") return "yaml";
  if (ext === ".json") return "json";
  if (ext === ".ini" || ext === ".cfg") return "ini";
  return null;
}

/** Guild's _iter_keyvals: nested mappings flattened to dotted names. */
export function flattenConfig(data: PyValue, prefix = ""): [string, PyValue][] {
  if (!isMapping(data)) return [];
  return Object.entries(data).flatMap(([name, value]) =>
    isMapping(value) ? flattenConfig(value, `${prefix}${name}.`) : [[`${prefix}${name}`, value] as [string, PyValue]],
  );
}

/** Reads a config file's values as flat dotted names; an error names what is wrong (Guild logs it as a warning). */
export function readConfigValues(file: string): [string, PyValue][] {
  const format = configFormat(file);
  if (!format) throw new Error(`config type for ${file} not supported`);
  const text = fs.readFileSync(file, "utf8");
  if (format === "yaml") return flattenConfig(loadYaml(text) as PyValue);
  if (format === "json") return flattenConfig(loadYaml(text) as PyValue);
  const ini = parseIni(text);
  const values: [string, PyValue][] = [...ini.defaults].map(([name, value]) => [name, typedIniValue(value)]);
  for (const section of ini.sections.keys()) {
    for (const [name, value] of sectionOptions(ini, section)) values.push([`${section}.${name}`, typedIniValue(value)]);
  }
  return values;
}

/** Guild's flag_data_for_val: a list becomes a shell-quoted default split back into items. */
function flagDataForValue(value: PyValue): RawData {
  const isList = Array.isArray(value);
  const type = typeof value === "string" ? "string" : typeof value === "boolean" ? "boolean" : typeof value === "number" || value instanceof PyFloat ? "number" : null;
  return {
    default: isList ? value.map((item) => shellQuote(encodeYaml(item))).join(" ") : value,
    type,
    "arg-split": isList ? true : null,
  };
}

function isLegalFlagValue(value: PyValue): boolean {
  return value === null || Array.isArray(value) || (typeof value !== "object" && value !== undefined) || value instanceof PyFloat;
}

/** The op's own flag an imported name merges into: same name, else the flag whose arg-name it is. */
function mergeableFlag(opdef: OpDef, name: string) {
  return opdef.flags.find((flag) => flag.name === name) ?? opdef.flags.find((flag) => flag.argName === name) ?? null;
}

/**
 * Imports flags from the op's config file (relative to the Guild file's directory) and makes sure the op
 * resolves that file: a `config` requirement is added unless the op has one. Problems are warnings.
 */
export function applyConfigFlags(opdef: OpDef, guildfile: Guildfile & { messages: string[] }): void {
  const source = configFlagsSource(opdef);
  if (source === null) return;
  const accept = namesToImport(opdef);
  if (!accept) return;
  let values: [string, PyValue][];
  try {
    values = readConfigValues(path.resolve(guildfile.dir, source));
  } catch (error) {
    const message = (error as Error).message.replace(path.resolve(guildfile.dir, source), source);
    guildfile.messages.push(`WARNING: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? `[Errno 2] No such file or directory: '${source}'` : message}`);
    return;
  }
  ensureConfigRequirement(opdef, source);
  for (const [name, value] of values) {
    if (!isLegalFlagValue(value) || value instanceof PyDate || !accept(name)) continue;
    const imported = flagDef(name, flagDataForValue(value), guildfile.path);
    const existing = mergeableFlag(opdef, name);
    if (existing) mergeFlag(existing, imported);
    else opdef.flags.push(imported);
  }
  opdef.flags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function ensureConfigRequirement(opdef: OpDef, source: string): void {
  const sources = opdef.requires.flatMap((item) => (isMapping(item) && Array.isArray(item.sources) ? item.sources : [item]));
  if (sources.some((item) => isMapping(item) && item.config === source)) return;
  opdef.requires.push({ config: source, "replace-existing": true, "always-resolve": true });
}
