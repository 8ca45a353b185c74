// Resolving a `config:` dependency source (resolver.ConfigResolver): a project YAML, JSON or INI file rewritten with params and flag values under .guild/generated.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { decodeFlagValue } from "../flags/decode.js";
import type { CmdFlag } from "../flags/cmd-encode.js";
import { configFormat } from "../../lib/guildfile/config-flags.js";
import { encodeIni, parseIni, sectionOptions } from "../../lib/python/configparser.js";
import { floatRepr } from "../../lib/python/float.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";
import { shellSplit } from "../../lib/python/shlex.js";
import { isMapping, PyFloat, type PyValue } from "../../lib/python/values.js";
import { encodeYaml, loadYaml } from "../../lib/yaml/yaml.js";
import { resolveFileSource, type FileSourceContext } from "./file-source.js";
import type { ResourceSource } from "./resource.js";
import { ResolutionError } from "./run-match.js";

export interface ConfigSourceContext extends FileSourceContext {
  runDir: string;
  /** The op's `cmd-flags`: a flag's `arg-name` is its config key, its `arg-split` makes a list. */
  cmdFlags: Record<string, CmdFlag>;
  /** A fresh random id; its first 8 characters name the generated folder (Guild's mkdtemp). */
  newId: () => string;
}

type Config = Record<string, unknown>;
type Format = "yaml" | "json" | "ini";

/** util.nested_config: `a.b` keys set nested mappings, applied in sorted key order. */
export function nestedConfig(values: Record<string, unknown>, nested: Config = {}): Config {
  for (const name of Object.keys(values).sort()) {
    const parts = name.split(".");
    let current = nested;
    for (let index = 0; index < parts.length - 1; index++) {
      if (!(parts[index] in current)) current[parts[index]] = {};
      const next = current[parts[index]];
      if (!isMapping(next as PyValue)) {
        throw new ResolutionError(`'${name}' cannot be nested: conflicts with {'${parts.slice(0, index + 1).join(".")}': ${pyRepr(next as PyValue)}}`);
      }
      current = next as Config;
    }
    current[parts[parts.length - 1]] = values[name];
  }
  return nested;
}

/** json.dumps(value, sort_keys=True) with Python's separators, float repr and ASCII escapes. */
function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0"));
  if (Array.isArray(value)) return "[" + value.map(pythonJson).join(", ") + "]";
  if (isMapping(value as PyValue)) {
    const entries = Object.keys(value as Config).sort().map((key) => `${JSON.stringify(key)}: ${pythonJson((value as Config)[key])}`);
    return "{" + entries.join(", ") + "}";
  }
  return JSON.stringify(String(value));
}

/** ConfigResolver._cfg_load: defaults, then `section.option` keys, nested. */
function loadIni(text: string): Config {
  const ini = parseIni(text);
  const flat: Record<string, unknown> = Object.fromEntries(ini.defaults);
  for (const section of ini.sections.keys()) for (const [name, value] of sectionOptions(ini, section)) flat[`${section}.${name}`] = value;
  return nestedConfig(flat);
}

function loadConfig(path: string, format: Format): Config {
  let data: unknown;
  try {
    const text = readFileSync(path, "utf8");
    data = format === "ini" ? loadIni(text) : format === "json" ? JSON.parse(text) : loadYaml(text);
  } catch (error) {
    throw new ResolutionError(`error loading config from ${path}: ${(error as Error).message}`);
  }
  return isMapping(data as PyValue) ? (data as Config) : {};
}

function encodeConfig(config: Config, format: Format): string {
  if (format === "json") return pythonJson(config);
  if (format === "ini") return encodeIni(config as { [key: string]: PyValue }, pyStr);
  return encodeYaml(config);
}

/** ConfigResolver._apply_run_flags: non-None flags under their arg names, arg-split values decoded into lists. */
function flagsForConfig(context: ConfigSourceContext): Config {
  const values: Config = {};
  for (const [name, value] of Object.entries(context.flagValues)) {
    if (value === null || value === undefined) continue;
    const cmdFlag = context.cmdFlags[name] ?? {};
    let flagValue = value;
    const split = cmdFlag.argSplit;
    if (split !== null && split !== undefined && split !== false && typeof flagValue === "string") {
      const parts = split === true || split === "shlex" ? shellSplit(flagValue) : flagValue.split(String(split)).filter(Boolean);
      flagValue = parts.map((part) => decodeFlagValue(part));
    }
    values[cmdFlag.argName || name] = flagValue;
  }
  return values;
}

/** A config source's generated files: `.guild/generated/<random>/<name>` in the run, with params then flags applied. */
export function resolveConfigSource(source: ResourceSource, config: unknown, context: ConfigSourceContext): string[] {
  return resolveFileSource(source, config, context).map((path) => {
    const format = configFormat(path);
    if (!format) throw new ResolutionError(`unsupported file type for '${path}'`);
    const data = loadConfig(path, format);
    if (source.params !== null) {
      if (isMapping(source.params as PyValue)) nestedConfig(source.params as Config, data);
      else context.warn(`unexpected params ${pyRepr(source.params as PyValue)} - cannot apply to config`);
    }
    nestedConfig(flagsForConfig(context), data);
    const target = join(context.runDir, ".guild", "generated", context.newId().slice(0, 8), basename(path));
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, encodeConfig(data, format));
    return target;
  });
}
