// Attr file text as Guild writes and reads it: PyYAML's safe_dump, read back with a short path for the common shapes.
// The only file in lib/rundir importing the YAML codec.
import { PyFloat } from "../../lib/python/values.js";
import { dumpYaml, loadYaml } from "../yaml/yaml.js";
import { constructBool, constructFloat, constructInt, resolvePlain } from "../yaml/resolve.js";

/** A decimal integer with optional trailing whitespace: most attrs (timestamps, exit status) are one. */
export const PLAIN_INT = /^-?\d+\s*$/;

/** The file text for an attr value. */
export function encodeAttr(value: unknown): string {
  return dumpYaml(value);
}

/**
 * An attr file's value: a run of digits is read as a decimal integer without the YAML parser (PyYAML
 * would read a leading 0 as octal; Guild never writes one), anything else as decodeAttrText does.
 */
export function decodeAttr(text: string): unknown {
  return PLAIN_INT.test(text) ? Number.parseInt(text, 10) : decodeAttrText(text);
}

/** Text YAML reads as one plain scalar on one line, equal to itself: no indicators, quotes, colons or `#`. */
const SAFE_PLAIN = /^(?:[A-Za-z0-9_]|-[0-9])[A-Za-z0-9_.+\-=/ ]*$/;
/** `key: value` with a word-like key. */
const FLAT_ENTRY = /^([A-Za-z_][A-Za-z0-9_\-.]*): (.*)$/;

const NOT_SIMPLE = Symbol("not simple");

/** The value of a safe plain scalar as the YAML 1.1 loader gives it, or NOT_SIMPLE (dates, merge keys...). */
function plainScalar(text: string): unknown {
  if (!SAFE_PLAIN.test(text) || text.endsWith(" ")) return NOT_SIMPLE;
  switch (resolvePlain(text)) {
    case "str":
      return text;
    case "int":
      return constructInt(text);
    case "float":
      return new PyFloat(constructFloat(text));
    case "bool":
      return constructBool(text);
    case "null":
      return null;
    default:
      return NOT_SIMPLE;
  }
}

function flatMapping(lines: string[]): Record<string, unknown> | typeof NOT_SIMPLE {
  const mapping: Record<string, unknown> = {};
  for (const line of lines) {
    const entry = FLAT_ENTRY.exec(line);
    if (!entry) return NOT_SIMPLE;
    const [, key, valueText] = entry;
    if (key === "__proto__" || Object.hasOwn(mapping, key) || resolvePlain(key) !== "str") return NOT_SIMPLE;
    const value = plainScalar(valueText);
    if (value === NOT_SIMPLE) return NOT_SIMPLE;
    mapping[key] = value;
  }
  return mapping;
}

function simpleValue(text: string): unknown {
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body === "" || body.endsWith("\n") || body.includes("\r")) return NOT_SIMPLE;
  if (!body.includes("\n")) {
    if (body === "{}") return {};
    if (body === "[]") return [];
    return FLAT_ENTRY.test(body) ? flatMapping([body]) : plainScalar(body);
  }
  return flatMapping(body.split("\n"));
}

/** The attr file's decoded YAML (as loadYaml gives it); throws YamlError as loadYaml does. */
export function decodeAttrText(text: string): unknown {
  const value = simpleValue(text);
  return value === NOT_SIMPLE ? loadYaml(text) : value;
}
