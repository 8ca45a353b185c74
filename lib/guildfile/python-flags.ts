// Flags of a Python `main` module read from its source text: flags dest (args, args:click, globals) and flag data.
import fs from "node:fs";
import path from "node:path";
import { parsePythonLiteral, splitArguments, NotLiteral } from "./python-literal.js";
import { PyFloat, type PyValue } from "../python/values.js";
import type { RawData } from "./types.js";

export interface ModuleLocation {
  /** Absolute path of the module file. */
  file: string;
}

/** Finds a main module (`pkg.mod`, `sub/dir/mod`) under one of the search dirs. */
export function findPythonModule(mainModule: string, searchDirs: string[]): ModuleLocation | null {
  const slash = mainModule.lastIndexOf("/");
  const subdir = slash >= 0 ? mainModule.slice(0, slash) : "";
  const parts = (slash >= 0 ? mainModule.slice(slash + 1) : mainModule).split(".");
  for (const dir of searchDirs) {
    const base = path.join(dir, subdir, ...parts);
    for (const candidate of [base + ".py", path.join(base, "__main__.py")]) {
      try {
        if (fs.statSync(candidate).isFile()) return { file: candidate };
      } catch {
        // keep looking
      }
    }
  }
  return null;
}

/** Top-level names of `import X` and `from X import ...` statements. */
export function moduleImports(source: string): Set<string> {
  const imports = new Set<string>();
  for (const match of source.matchAll(/^\s*import\s+([\w., \t]+)/gm)) {
    for (const name of match[1].split(",")) imports.add(name.trim().split(/\s+/)[0]);
  }
  for (const match of source.matchAll(/^\s*from\s+([\w.]+)\s+import\b/gm)) imports.add(match[1]);
  return imports;
}

export function detectFlagsDest(source: string): string {
  const imports = moduleImports(source);
  if (imports.has("argparse")) return "args";
  if (imports.has("click")) return "args:click";
  return "globals";
}

function flagTypeForValue(value: PyValue): string | null {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number" || value instanceof PyFloat) return "number";
  return null;
}

/** Module-level `NAME = literal` assignments as flag data (names starting with `_` skipped). */
export function globalsFlagsData(source: string): RawData {
  const data: RawData = {};
  for (const match of source.matchAll(/^([A-Za-z]\w*)[ \t]*=[ \t]*([^\n#]+?)[ \t]*(?:#.*)?$/gm)) {
    let value: PyValue;
    try {
      value = parsePythonLiteral(match[2]);
    } catch (error) {
      if (error instanceof NotLiteral) continue;
      throw error;
    }
    const flag: RawData = { default: value, type: flagTypeForValue(value), "arg-split": Array.isArray(value) ? true : null };
    data[match[1]] = flag;
  }
  return data;
}

function callBodies(source: string, callee: string): string[] {
  const bodies: string[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf(callee + "(", from);
    if (start < 0) return bodies;
    let depth = 0;
    let index = start + callee.length;
    for (; index < source.length; index++) {
      if (source[index] === "(") depth++;
      else if (source[index] === ")" && --depth === 0) break;
    }
    bodies.push(source.slice(start + callee.length + 1, index));
    from = index;
  }
}

/** argparse `add_argument("--name", ...)` calls with literal options as flag data. */
export function argparseFlagsData(source: string): RawData {
  const data: RawData = {};
  for (const body of callBodies(source, ".add_argument")) {
    const args = splitArguments(body);
    const names: string[] = [];
    const options: Record<string, string> = {};
    for (const arg of args) {
      const keyword = /^(\w+)\s*=\s*([\s\S]+)$/.exec(arg);
      if (keyword) options[keyword[1]] = keyword[2];
      else {
        try {
          const value = parsePythonLiteral(arg);
          if (typeof value === "string") names.push(value);
        } catch {
          // not a literal option name
        }
      }
    }
    const longName = names.find((name) => name.startsWith("--"));
    if (!longName) continue;
    const flag: RawData = {};
    const literal = (text: string | undefined): PyValue | undefined => {
      if (text === undefined) return undefined;
      try {
        return parsePythonLiteral(text);
      } catch {
        return undefined;
      }
    };
    const help = literal(options.help);
    if (typeof help === "string") flag.description = help;
    const action = literal(options.action);
    if (action === "store_true" || action === "store_false") {
      flag.default = action === "store_false";
      flag.type = "boolean";
      flag["arg-switch"] = action === "store_true";
    } else {
      const defaultValue = literal(options.default);
      if (defaultValue !== undefined) flag.default = defaultValue;
      const type = options.type?.trim();
      if (type === "int") flag.type = "int";
      else if (type === "float") flag.type = "float";
      else if (type === "str") flag.type = "string";
      const choices = literal(options.choices);
      if (Array.isArray(choices)) flag.choices = choices;
      if (options.required && literal(options.required) === true) flag.required = true;
    }
    data[longName.slice(2)] = flag;
  }
  return data;
}
