// Output scalars: Guild's patterns that turn lines of run output into scalar values.
import { pyRepr } from "../../lib/python/repr.js";
import { compilePythonRegex, PythonRegexError } from "../../lib/python/regex.js";
import { parsePythonFloat } from "../../lib/python/float.js";

/** Guild's pattern when an operation defines no `output-scalars`. */
export const DEFAULT_OUTPUT_SCALARS: unknown[] = ["^(\\key):\\s+(\\value)$"];

const ALIASES: Array<[RegExp, string]> = [
  [/\\key/g, "[^ \t]+"],
  [/\\value/g, "[0-9\\.e\\-]+"],
  [/\\step/g, "[0-9]+"],
];

export interface ScalarPattern {
  /** The mapping key the pattern was given under; null for a bare string pattern. */
  key: string | null;
  /** Pattern text after alias replacement (as Guild prints it). */
  source: string;
  regex: RegExp;
  namedGroups: boolean;
  groupCount: number;
}

export interface CompiledOutputScalars {
  patterns: ScalarPattern[];
  /** Guild's log warnings, without the `WARNING: ` prefix. */
  warnings: string[];
}

/** Guild file `output-scalars` coercion: null keeps defaults, false disables ([]), string/mapping wrap. */
export function coerceOutputScalars(data: unknown): unknown[] | null {
  if (data === null || data === undefined) return null;
  if (data === false) return [];
  if (typeof data === "string") return [data];
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data.constructor === Object) return [data];
  throw new Error(`invalid output-scalars ${pyRepr(data)}: expected a mapping, list, string, or false`);
}

export function replaceAliases(pattern: string): string {
  return ALIASES.reduce((text, [alias, replacement]) => text.replace(alias, () => replacement), pattern);
}

/** Compiles a config list: mapping items give KEY: PATTERN pairs (sorted by key), strings give bare patterns. */
export function compileOutputScalars(config: unknown[]): CompiledOutputScalars {
  const patterns: ScalarPattern[] = [];
  const warnings: string[] = [];
  for (const item of config) {
    if (typeof item === "string") {
      addPattern(item, null, patterns, warnings);
    } else if (typeof item === "object" && item !== null && !Array.isArray(item) && item.constructor === Object) {
      for (const key of Object.keys(item).sort()) addPattern((item as Record<string, unknown>)[key], key, patterns, warnings);
    } else {
      warnings.push(`invalid item config: ${pyRepr(item)}`);
    }
  }
  return { patterns, warnings };
}

function addPattern(value: unknown, key: string | null, patterns: ScalarPattern[], warnings: string[]): void {
  if (typeof value !== "string") {
    warnings.push(`invalid output scalar pattern: ${pyRepr(value)}`);
    return;
  }
  const source = replaceAliases(value);
  let regex: RegExp;
  try {
    regex = compilePythonRegex(source, "g");
  } catch (error) {
    if (!(error instanceof PythonRegexError)) throw error;
    warnings.push(`error compiling pattern ${source}: ${error.message}`);
    return;
  }
  const groupCount = new RegExp(regex.source + "|", regex.flags.replace(/[gy]/g, "")).exec("")!.length - 1;
  const namedGroups = /\(\?<[A-Za-z_]/.test(regex.source);
  patterns.push({ key, source, regex, namedGroups, groupCount });
}

/** A match that Guild cannot record (its callback fails and is removed). */
export class OutputScalarCallbackError extends Error {}

export interface LineMatch {
  /** Key -> value, in first-match order; later matches of a key overwrite its value. */
  values: Map<string | null, number>;
  warnings: string[];
}

/** Applies every pattern to one line (right-stripped) with finditer semantics. */
export function matchOutputLine(line: string, patterns: ScalarPattern[]): LineMatch {
  const values = new Map<string | null, number>();
  const warnings: string[] = [];
  const text = line.replace(/[\s]+$/, "");
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) applyMatch(match, pattern, values, warnings);
  }
  return { values, warnings };
}

function applyMatch(match: RegExpMatchArray, pattern: ScalarPattern, values: Map<string | null, number>, warnings: string[]): void {
  if (pattern.namedGroups && match.groups) {
    const groups = match.groups;
    if ("_key" in groups && "_val" in groups) {
      applyFloat(groups._val, groups._key ?? null, values);
    } else {
      for (const [name, text] of Object.entries(groups)) applyFloat(text, name, values);
    }
    return;
  }
  if (pattern.groupCount === 1) applyFloat(match[1], pattern.key, values);
  else if (pattern.groupCount === 2) applyFloat(match[2], match[1] ?? null, values);
  else warnings.push(`bad unnamed group count ${pattern.groupCount} for ${pyRepr(pattern.source)} (expected 1 or 2) skipping`);
}

function applyFloat(text: string | undefined, key: string | null, values: Map<string | null, number>): void {
  if (text === undefined) return;
  const value = parsePythonFloat(text);
  if (value !== null) values.set(key, value);
}

/** Where matched scalars go: an event file writer in a run. */
export interface ScalarSink {
  addScalar(tag: string, value: number, step: number | null): void;
}

export interface OutputScalarsOptions {
  /** Keys never recorded (Guild ignores flag names when using its default pattern). */
  ignore?: Iterable<string>;
  warn?: (message: string) => void;
}

/** Feeds output lines to the patterns and records each matched scalar, tracking the `step` key. */
export class OutputScalars {
  private readonly patterns: ScalarPattern[];
  private readonly ignore: Set<string>;
  private readonly warn: (message: string) => void;
  private step: number | null = null;

  constructor(
    config: unknown[],
    private readonly sink: ScalarSink,
    options: OutputScalarsOptions = {},
  ) {
    this.warn = options.warn ?? (() => {});
    const compiled = compileOutputScalars(config);
    compiled.warnings.forEach((message) => this.warn(message));
    this.patterns = compiled.patterns;
    this.ignore = new Set(options.ignore ?? []);
  }

  /** Processes one line of output; throws OutputScalarCallbackError where Guild's callback fails. */
  write(line: string): void {
    const { values, warnings } = matchOutputLine(line, this.patterns);
    warnings.forEach((message) => this.warn(message));
    if (values.has("step")) {
      const step = values.get("step")!;
      values.delete("step");
      if (!Number.isFinite(step)) throw new OutputScalarCallbackError(`cannot convert float ${step} to integer`);
      this.step = Math.trunc(step);
    }
    if (values.has(null)) throw new OutputScalarCallbackError("scalar pattern matched without a key");
    const keys = [...values.keys()] as string[];
    for (const key of keys.sort(compareCodePoints)) {
      if (this.ignore.has(key)) continue;
      this.sink.addScalar(key, values.get(key)!, this.step);
    }
  }
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The output-scalars handler Guild sets up for a run: null when disabled (`output-scalars: false`);
 * with no config, the default pattern ignoring the run's flag names.
 */
export function outputScalarsForRun(config: unknown[] | null, flagNames: Iterable<string>, sink: ScalarSink, warn?: (message: string) => void): OutputScalars | null {
  if (config !== null && config.length === 0) return null;
  if (config === null) return new OutputScalars(DEFAULT_OUTPUT_SCALARS, sink, { ignore: flagNames, warn });
  return new OutputScalars(config, sink, { warn });
}
