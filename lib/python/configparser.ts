// Python's configparser for INI/CFG files as Guild uses it: read sections and options, typed reads, write.
import { parsePythonFloat } from "./float.js";
import { parsePythonInt } from "./int.js";
import { PyFloat, type PyValue } from "./values.js";

export const DEFAULT_SECTION = "DEFAULT";

/** Parsed INI data: DEFAULT options, then each section's own options, in file order (option names lowercased). */
export interface IniData {
  defaults: Map<string, string>;
  sections: Map<string, Map<string, string>>;
}

/** ConfigParser.read_string with the default settings (`=`/`:` delimiters, `#`/`;` comments, indented continuations). */
export function parseIni(text: string): IniData {
  const data: IniData = { defaults: new Map(), sections: new Map() };
  let section: Map<string, string> | null = null;
  let lastOption: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const stripped = line.trim();
    if (stripped.startsWith("#") || stripped.startsWith(";")) continue;
    if (stripped === "") {
      lastOption = null;
      continue;
    }
    if (/^\s/.test(line) && section && lastOption !== null) {
      section.set(lastOption, `${section.get(lastOption)}\n${stripped}`);
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(stripped);
    if (header) {
      const name = header[1];
      section = name === DEFAULT_SECTION ? data.defaults : (data.sections.get(name) ?? new Map());
      if (name !== DEFAULT_SECTION) data.sections.set(name, section);
      lastOption = null;
      continue;
    }
    const delimiter = /[=:]/.exec(stripped);
    if (!section || !delimiter) continue;
    lastOption = stripped.slice(0, delimiter.index).trim().toLowerCase();
    section.set(lastOption, stripped.slice(delimiter.index + 1).trim());
  }
  return data;
}

/** ConfigParser.options(section): the section's options, then DEFAULT's that it does not set. */
export function sectionOptions(data: IniData, section: string): [string, string][] {
  const own = data.sections.get(section) ?? new Map<string, string>();
  const options = [...own.entries()];
  for (const [name, value] of data.defaults) if (!own.has(name)) options.push([name, value]);
  return options;
}

const BOOLEANS: Record<string, boolean> = { "1": true, yes: true, true: true, on: true, "0": false, no: false, false: false, off: false };

/** Guild's typed read of an option: getint, else getfloat, else getboolean, else the string. */
export function typedIniValue(text: string): PyValue {
  const int = parsePythonInt(text);
  if (int !== null) return Number(int);
  const float = parsePythonFloat(text);
  if (float !== null) return new PyFloat(float);
  const bool = BOOLEANS[text.toLowerCase()];
  return bool ?? text;
}

/**
 * Guild's util.encode_cfg: top-level mappings become sections, other values DEFAULT options, each
 * sorted by name and written with str(); ConfigParser.write's layout (`key = value`, a blank line after each section).
 */
export function encodeIni(data: Record<string, PyValue>, str: (value: PyValue) => string): string {
  const defaults: string[] = [];
  const sections: string[] = [];
  for (const key of Object.keys(data).sort()) {
    const value = data[key];
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof PyFloat)) {
      const options = Object.keys(value).sort().map((option) => `${option.toLowerCase()} = ${str((value as Record<string, PyValue>)[option])}`);
      sections.push([`[${key}]`, ...options, ""].join("\n"));
    } else {
      defaults.push(`${key.toLowerCase()} = ${str(value)}`);
    }
  }
  const parts = defaults.length ? [[`[${DEFAULT_SECTION}]`, ...defaults, ""].join("\n"), ...sections] : sections;
  return parts.map((part) => part + "\n").join("");
}
