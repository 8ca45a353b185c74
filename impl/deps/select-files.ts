// Which files of an upstream run a dependency source resolves to: `select` regexes or the run's top-level entries.
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { compilePythonRegex, PythonRegexError } from "../../lib/python/regex.js";
import { parsePythonFloat } from "../../lib/python/float.js";
import { strRepr } from "../../lib/python/repr.js";
import type { SelectSpec } from "./resource.js";

/** Every path under dir (dirs and files, `/` separators), top-down like os.walk; symlinked dirs listed, not entered. */
export function listRunPaths(dir: string): string[] {
  const paths: string[] = [];
  const walk = (absolute: string, relative: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    const dirs: string[] = [];
    const files: string[] = [];
    const linkedDirs = new Set<string>();
    for (const entry of entries) {
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(join(absolute, entry.name)).isDirectory();
        } catch {
          isDir = false;
        }
        if (isDir) linkedDirs.add(entry.name);
      }
      (isDir ? dirs : files).push(entry.name);
    }
    for (const name of [...dirs, ...files]) paths.push(relative ? `${relative}/${name}` : name);
    for (const name of dirs) {
      if (!linkedDirs.has(name)) walk(join(absolute, name), relative ? `${relative}/${name}` : name);
    }
  };
  walk(dir, "");
  return paths;
}

function reduceMatches(matches: RegExpExecArray[], reduce: "min" | "max"): RegExpExecArray[] {
  let best: RegExpExecArray | null = null;
  let bestValue: number | null = null;
  for (const match of matches) {
    if (match.length < 2 || match[1] === undefined) continue;
    const value = parsePythonFloat(match[1]);
    if (value === null) continue;
    if (bestValue === null || (reduce === "min" ? value < bestValue : value > bestValue)) {
      bestValue = value;
      best = match;
    }
  }
  return best ? [best] : [];
}

/**
 * Selected run-relative paths, sorted: each pattern must match a whole path (re.match with `$`).
 * Bad patterns are reported through onError (Guild logs them as errors) and select nothing.
 */
export function selectPaths(paths: string[], select: SelectSpec[], onError: (message: string) => void = () => {}): string[] {
  const sorted = [...paths].sort();
  const selected = new Set<string>();
  for (const spec of select) {
    let regex: RegExp;
    try {
      regex = compilePythonRegex(`${spec.pattern}$`, "y");
    } catch (error) {
      if (!(error instanceof PythonRegexError)) throw error;
      onError(`error compiling regular expression ${strRepr(spec.pattern)}: ${error.message}`);
      continue;
    }
    let matches = sorted.flatMap((path) => {
      regex.lastIndex = 0;
      const match = regex.exec(path);
      return match ? [match] : [];
    });
    if (spec.reduce) matches = reduceMatches(matches, spec.reduce);
    for (const match of matches) selected.add(match.input);
  }
  return [...selected].sort();
}

/** Without `select`: top-level names of the run except `.guild*` and the run's source code files. */
export function defaultRunPaths(topLevelNames: string[], sourcecodeFiles: string[]): string[] {
  const sourcecode = new Set(sourcecodeFiles);
  return [...new Set(topLevelNames)].sort().filter((name) => !name.startsWith(".guild") && !sourcecode.has(name));
}
