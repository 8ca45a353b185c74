// Flag values for display: Guild's encode_flag_val, format_flag and flag_assigns.
import { encodeYaml } from "../../lib/yaml/yaml.js";
import { strRepr } from "../../lib/python/repr.js";
import { PyFloat, isMapping } from "../../lib/python/values.js";

/** encode_flag_val: yes/no/null, `[a, b]`, `{k: v}`, else the YAML scalar. */
export function encodeFlagValue(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    return "[" + value.map((item) => {
      const encoded = encodeFlagValue(item);
      return typeof item === "string" && encoded.includes(",") ? strRepr(encoded) : encoded;
    }).join(", ") + "]";
  }
  if (isMapping(value)) {
    const keys = Object.keys(value).sort();
    return "{" + keys.map((key) => `${encodeFlagValue(key)}: ${encodeFlagValue(value[key])}`).join(", ") + "}";
  }
  return encodeYaml(value);
}

export interface FormatOptions {
  /** Cut every `.digits` run of a float to this many digits (labels use 5, compare 6). */
  truncateFloats?: number;
  /** Shorten strings naming existing paths to this length (labels use 20). */
  shortenPaths?: number;
  /** Whether a path exists (relative paths are relative to the guild process cwd). */
  pathExists?: (path: string) => boolean;
}

function truncateFloat(encoded: string, length: number): string {
  return encoded.replace(/\.[0-9]+/g, (part) => (part.length <= length ? part : part.slice(0, length + 1)));
}

function splitPathParts(path: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < path.length; index++) {
    const char = path[index];
    if (char === "/" && current !== "" && !/^\/+$/.test(current)) {
      parts.push(current);
      current = "";
      while (path[index + 1] === "/") {
        current += "/";
        index += 1;
      }
    } else {
      current += char;
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Guild's util.shorten_path: keeps the ends of a path around an ellipsis. */
export function shortenPath(path: string, maxLength: number): string {
  if (path.length <= maxLength) return path;
  const parts = splitPathParts(path);
  if (parts.length === 1) return parts[0];
  const right = [parts.pop()!];
  let left: string[];
  let popRight: boolean;
  if (parts[0][0] === "/") {
    left = [];
    popRight = false;
  } else {
    left = [parts.shift()!];
    popRight = true;
  }
  while (parts.length) {
    const leftLength = left.reduce((total, part) => total + part.length + 1, 0);
    const rightLength = right.reduce((total, part) => total + part.length + 1, 0);
    const part = popRight ? parts.pop()! : parts.shift()!;
    if (leftLength + rightLength + part.length + 1 >= maxLength) break;
    (popRight ? right : left).push(part);
    popRight = !popRight;
  }
  const shortened = [left.join("/"), "\u2026", [...right].reverse().join("/")].join("/");
  return shortened.length >= path.length ? path : shortened;
}

/** format_flag: encode_flag_val, then Python repr when a string's encoding has a space and no quotes. */
export function formatFlag(value: unknown, options: FormatOptions = {}): string {
  let encoded = encodeFlagValue(value);
  if (options.truncateFloats && value instanceof PyFloat) encoded = truncateFloat(encoded, options.truncateFloats);
  if (options.shortenPaths && typeof value === "string" && value.includes("/") && options.pathExists?.(value)) {
    encoded = shortenPath(value, options.shortenPaths);
  }
  if (typeof value === "string" && encoded[0] !== "'" && encoded[0] !== '"' && encoded.includes(" ")) return strRepr(encoded);
  return encoded;
}

export function flagAssign(name: string, value: unknown, options: FormatOptions = {}): string {
  return `${name}=${formatFlag(value, options)}`;
}

/** flag_assigns: `NAME=VALUE` for each flag, sorted by name. */
export function flagAssigns(flags: Record<string, unknown>, options: FormatOptions = {}): string[] {
  return Object.keys(flags).sort().map((name) => flagAssign(name, flags[name], options));
}
