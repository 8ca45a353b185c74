// Flag values from the command line: Guild's decode_flag_val (Python int/float, YAML 1.1, flag functions).
import { parsePythonFloat } from "../../lib/python/float.js";
import { parsePythonInt } from "../../lib/python/int.js";
import { loadYaml } from "../../lib/yaml/yaml.js";
import { PyFloat, type PyValue } from "../../lib/python/values.js";

const NAMED_FUNCTION = /^([a-zA-Z0-9_\-.]+)\[(.*)\]/;
const LIST_CONCAT = /^(\[.*\])\s*\*\s*([0-9]+)$/;

class NotDecoded extends Error {}

/** Python int(text), or NotDecoded. */
export function pythonInt(text: string): number {
  const value = parsePythonInt(text);
  if (value === null) throw new NotDecoded();
  return Number(value);
}

/** Python float(text), or NotDecoded. */
export function pythonFloat(text: string): PyFloat {
  const value = parsePythonFloat(text);
  if (value === null) throw new NotDecoded();
  return new PyFloat(value);
}

function decodeYamlValue(text: string): PyValue {
  try {
    const value = loadYaml(text);
    return (value === undefined ? null : value) as PyValue;
  } catch {
    throw new NotDecoded();
  }
}

function stringForType(text: string): string {
  if ("['\"{".includes(text[0])) throw new NotDecoded();
  return text;
}

function booleanForType(text: string): PyValue {
  const value = decodeYamlValue(text);
  if (typeof value === "boolean" || typeof value === "number") return Boolean(value);
  if (value instanceof PyFloat) return value.value !== 0;
  return value;
}

/** Anonymous `[a:b]` functions stay strings; range/linspace/logspace are not expanded (batch runs). */
function flagFunction(text: string): PyValue {
  if (NAMED_FUNCTION.test(text)) throw new NotDecoded();
  if (text.startsWith("[") && text.endsWith("]") && text.includes(":")) {
    let anonymous = false;
    try {
      const value = loadYaml(text);
      anonymous = Array.isArray(value) && value.length === 1 && (typeof value[0] === "string" || typeof value[0] === "number");
    } catch {
      anonymous = true;
    }
    if (anonymous && text.slice(1, -1).split(":").length >= 2) return text;
  }
  throw new NotDecoded();
}

function concatenatedList(text: string): PyValue {
  const match = LIST_CONCAT.exec(text.trim());
  if (!match) throw new NotDecoded();
  const list = decodeUnfixed(match[1], null);
  if (!Array.isArray(list)) return text;
  const times = Number(match[2]);
  return Array.from({ length: times }, () => list).flat();
}

type Decoder = (text: string) => PyValue;

function decodersForType(flagType: string | null | undefined): Decoder[] {
  switch (flagType) {
    case "string":
    case "path":
    case "existing-path":
      return [stringForType];
    case "int":
      return [pythonInt];
    case "float":
      return [pythonFloat];
    case "number":
      return [pythonInt, pythonFloat];
    case "boolean":
      return [booleanForType];
    default:
      return [];
  }
}

function decodeUnfixed(text: string, flagType: string | null | undefined): PyValue {
  if (text === "") return text;
  const decoders = [...decodersForType(flagType), pythonInt, pythonFloat, flagFunction, concatenatedList, decodeYamlValue];
  for (const decode of decoders) {
    try {
      return decode(text);
    } catch (error) {
      if (!(error instanceof NotDecoded)) throw error;
    }
  }
  return text;
}

/** Guild's decode_flag_val: the typed value of a `NAME=VALUE` assignment's VALUE. */
export function decodeFlagValue(text: string, flagType?: string | null): PyValue {
  const value = decodeUnfixed(text, flagType);
  const numeric = typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat;
  if (numeric && !text.includes("!!") && /[_:]/.test(text)) return text;
  return value;
}
