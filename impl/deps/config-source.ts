// Resolving a `config:FILE` source (Guild's ConfigResolver): the file with the run's flag values, written under .guild/generated.
import fs from "node:fs";
import path from "node:path";
import { decodeFlagValue } from "../flags/decode.js";
import type { CmdFlag } from "../flags/cmd-encode.js";
import { configFormat } from "../../lib/guildfile/config-flags.js";
import { encodeIni, parseIni, sectionOptions } from "../../lib/python/configparser.js";
import { floatRepr } from "../../lib/python/float.js";
import { pyStr } from "../../lib/python/repr.js";
import { shellSplit } from "../../lib/python/shlex.js";
import { isMapping, PyFloat, type PyValue } from "../../lib/python/values.js";
import { encodeYaml, loadYaml } from "../../lib/yaml/yaml.js";
import { ResolutionError } from "./run-match.js";

export interface ConfigSourceContext {
  runDir: string;
  /** Where the source file is looked up (the resource location). */
  projectDir: string;
  flagValues: Record<string, unknown>;
  cmdFlags: Record<string, CmdFlag>;
  /** A fresh random id; its first 8 characters name the generated folder. */
  newId: () => string;
}

type Config = { [key: string]: PyValue };

/** util.nested_config: dotted names become nested mappings, applied in name order. */
function applyNested(values: Record<string, PyValue>, config: Config): Config {
  for (const name of Object.keys(values).sort()) {
    const parts = name.split(".");
    let current = config;
    for (const part of parts.slice(0, -1)) {
      if (!isMapping(current[part])) {
        if (part in current) throw new ResolutionError(`'${name}' cannot be nested: conflicts with ${part}`);
        current[part] = {};
      }
      current = current[part] as Config;
    }
    current[parts[parts.length - 1]] = values[name];
  }
  return config;
}

function loadConfig(file: string, format: "yaml" | "json" | "ini"): Config {
  const text = fs.readFileSync(file, "utf8");
  if (format !== "ini") {
    const data = loadYaml(text) as PyValue;
    return isMapping(data) ? data : {};
  }
  const ini = parseIni(text);
  const flat: Record<string, PyValue> = Object.fromEntries(ini.defaults);
  for (const section of ini.sections.keys()) for (const [name, value] of sectionOptions(ini, section)) flat[`${section}.${name}`] = value;
  return applyNested(flat, {});
}

/** The run's non-None flags, split lists decoded, under their arg names. */
function flagsForConfig(context: ConfigSourceContext): Record<string, PyValue> {
  const values: Record<string, PyValue> = {};
  for (const [name, value] of Object.entries(context.flagValues)) {
    if (value === null || value === undefined) continue;
    const cmdFlag = context.cmdFlags[name] ?? {};
    let flagValue = value as PyValue;
    const split = cmdFlag.argSplit;
    if (split !== null && split !== undefined && split !== false && typeof flagValue === "string") {
      const parts = split === true || split === "shlex" ? shellSplit(flagValue) : flagValue.split(String(split)).filter(Boolean);
      flagValue = parts.map((part) => decodeFlagValue(part));
    }
    values[cmdFlag.argName || name] = flagValue;
  }
  return values;
}

/** json.dumps(sort_keys=True): Python's separators, float repr and ASCII escapes. */
function pythonJson(value: PyValue): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0"));
  if (Array.isArray(value)) return "[" + value.map(pythonJson).join(", ") + "]";
  if (isMapping(value)) return "{" + Object.keys(value).sort().map((key) => `${JSON.stringify(key)}: ${pythonJson(value[key])}`).join(", ") + "}";
  return JSON.stringify(pyStr(value));
}

function encodeConfig(config: Config, format: "yaml" | "json" | "ini"): string {
  if (format === "yaml") return encodeYaml(config);
  if (format === "json") return pythonJson(config);
  return encodeIni(config, pyStr);
}

/** Finds the source file, writes it with the run's flags applied to `.guild/generated/ID/NAME`, and returns that path. */
export function resolveConfigSource(uriPath: string, context: ConfigSourceContext): string[] {
  const file = path.resolve(context.projectDir, uriPath);
  if (!fs.existsSync(file)) throw new ResolutionError(`cannot find source file '${uriPath}'`);
  const format = configFormat(file);
  if (!format) throw new ResolutionError(`unsupported file type for '${file}'`);
  let config: Config;
  try {
    config = loadConfig(file, format);
  } catch (error) {
    throw new ResolutionError(`error loading config from ${file}: ${(error as Error).message}`);
  }
  applyNested(flagsForConfig(context), config);
  const target = path.join(context.runDir, ".guild", "generated", context.newId().slice(0, 8), path.basename(file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, encodeConfig(config, format));
  return [target];
}
