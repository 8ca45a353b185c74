// How flag values reach an operation: argparse-style args, YAML for globals, env values (op_cmd).
import { encodeYaml } from "../../lib/yaml/yaml.js";
import { pyRepr } from "../../lib/python/repr.js";
import { shellQuote } from "../../lib/python/shlex.js";
import { encodeFlagValue } from "./encode.js";
import { isMapping, pyEquals } from "../../lib/python/values.js";

/** Per-flag command settings (Guild's CmdFlag). */
export interface CmdFlag {
  argName?: string | null;
  argSkip?: boolean;
  argSwitch?: unknown;
  argSplit?: unknown;
  envName?: string | null;
  argEncoding?: Record<string, unknown> | null;
  envEncoding?: Record<string, unknown> | null;
}

function lookupEncoding(encoding: Record<string, unknown> | null | undefined, value: unknown): string | undefined {
  if (!encoding) return undefined;
  for (const [key, encoded] of Object.entries(encoding)) {
    if (pyEquals(decodeKey(key), value)) return encoded === null ? "" : String(encoded);
  }
  return undefined;
}

// Mapping keys come back from YAML as strings; yes/no keys were booleans in Python.
function decodeKey(key: string): unknown {
  if (key === "true") return true;
  if (key === "false") return false;
  return key;
}

/** pprint.pformat for the scalar and container values flags hold. */
function pformat(value: unknown): string {
  if (isMapping(value)) {
    const keys = Object.keys(value).sort();
    return "{" + keys.map((key) => `${pyRepr(key)}: ${pformat(value[key])}`).join(", ") + "}";
  }
  return pyRepr(value);
}

function joinSplittable(values: unknown[], split: unknown): string {
  const encoded = values.map(encodeFlagValue);
  if (split === null || split === undefined || split === true || split === "shlex") return encoded.map(shellQuote).join(" ");
  return encoded.join(String(split));
}

/** _encode_flag_arg_for_argparse: true → `1`, false/null → ``, str as is, numbers as Python repr. */
export function encodeArgValue(value: unknown, cmdFlag: CmdFlag = {}): string {
  const mapped = lookupEncoding(cmdFlag.argEncoding, value);
  if (mapped !== undefined) return mapped;
  if (value === true) return "1";
  if (value === false || value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return joinSplittable(value, cmdFlag.argSplit);
  return pformat(value);
}

/** _encode_env_val: env-encoding lookup, else the argparse encoding. */
export function encodeEnvValue(value: unknown, cmdFlag: CmdFlag = {}): string {
  const mapped = lookupEncoding(cmdFlag.envEncoding, value);
  if (mapped !== undefined) return mapped;
  return encodeArgValue(value, cmdFlag);
}

export function isGlobalsDest(dest: string): boolean {
  return dest === "globals" || dest.startsWith("global:") || dest.startsWith("dict:") || dest.startsWith("namespace:");
}

/** The value passed after `--NAME` for the op's flags dest. */
export function encodeFlagArg(value: unknown, dest: string, cmdFlag: CmdFlag = {}): string {
  return isGlobalsDest(dest) ? encodeYaml(value) : encodeArgValue(value, cmdFlag);
}

/** FLAG_<NAME>: upper-cased, anything outside A-Z0-9_ becomes `_`. */
export function flagEnvName(name: string, cmdFlag: CmdFlag = {}): string {
  return cmdFlag.envName || "FLAG_" + name.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}
