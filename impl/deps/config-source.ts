// Resolving a `config:` dependency source (resolver.ConfigResolver): a project YAML or JSON file rewritten with params and flag values.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { floatRepr } from "../../lib/python/float.js";
import { pyRepr } from "../../lib/python/repr.js";
import { isMapping, PyFloat, type PyValue } from "../../lib/python/values.js";
import { encodeYaml, loadYaml } from "../../lib/yaml/yaml.js";
import { resolveFileSource, type FileSourceContext } from "./file-source.js";
import type { ResourceSource } from "./resource.js";
import { ResolutionError } from "./run-match.js";

export interface ConfigSourceContext extends FileSourceContext {
  runDir: string;
  /** Flags whose `arg-name` differs from their name: the config key is the arg name. */
  flagArgNames: Record<string, string>;
}

type Config = Record<string, unknown>;

/** resolver._config_file_ext: the extension, looking through a trailing `.in`. */
function configExt(path: string): string {
  const ext = extname(path).toLowerCase();
  return ext === ".in" ? configExt(path.slice(0, -3)) : ext;
}

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

/** json.dumps(value, sort_keys=True) with Python's separators and float repr. */
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

function loadConfig(path: string): Config {
  const ext = configExt(path);
  let data: unknown;
  try {
    const text = readFileSync(path, "utf8");
    if (ext === ".yml" || ext === ".yaml") data = loadYaml(text);
    else if (ext === ".json") data = JSON.parse(text);
    else if (ext === ".cfg" || ext === ".ini") throw new ResolutionError(`config files of type '${ext}' are not supported ('${path}')`);
    else throw new ResolutionError(`unsupported file type for '${path}'`);
  } catch (error) {
    if (error instanceof ResolutionError) throw error;
    throw new ResolutionError(`error loading config from ${path}: ${(error as Error).message}`);
  }
  return isMapping(data as PyValue) ? (data as Config) : {};
}

/** A config source's generated files: `.guild/generated/<random>/<name>` in the run, with params then flags applied. */
export function resolveConfigSource(source: ResourceSource, config: unknown, context: ConfigSourceContext): string[] {
  return resolveFileSource(source, config, context).map((path) => {
    const data = loadConfig(path);
    if (source.params !== null) {
      if (isMapping(source.params as PyValue)) nestedConfig(source.params as Config, data);
      else context.warn(`unexpected params ${pyRepr(source.params as PyValue)} - cannot apply to config`);
    }
    const flags: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(context.flagValues)) if (value !== null && value !== undefined) flags[context.flagArgNames[name] || name] = value;
    nestedConfig(flags, data);
    const generatedDir = join(context.runDir, ".guild", "generated");
    mkdirSync(generatedDir, { recursive: true });
    const target = join(mkdtempSync(generatedDir + "/"), basename(path));
    const ext = configExt(path);
    writeFileSync(target, ext === ".json" ? pythonJson(data) : encodeYaml(data));
    return target;
  });
}
