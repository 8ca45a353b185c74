// Doctest option flags as Guild's test runner knows them: names, defaults, directives, skipping.
import { TranscriptError, type Example, type OptionFlags, type Transcript } from "./types.js";

/** Flags of CPython's doctest plus those Guild's `_test.py` registers. */
export const KNOWN_OPTIONS: readonly string[] = [
  // CPython doctest
  "DONT_ACCEPT_TRUE_FOR_1",
  "DONT_ACCEPT_BLANKLINE",
  "NORMALIZE_WHITESPACE",
  "ELLIPSIS",
  "SKIP",
  "IGNORE_EXCEPTION_DETAIL",
  "REPORT_UDIFF",
  "REPORT_CDIFF",
  "REPORT_NDIFF",
  "REPORT_ONLY_FIRST_FAILURE",
  "FAIL_FAST",
  // Guild
  "FIXME",
  "MACOS",
  "NORMALIZE_PATHS",
  "NORMALIZE_PATHSEP",
  "PY3",
  "PY310",
  "PY36",
  "PY37",
  "PY38",
  "PY39",
  "STRICT",
  "STRIP_ANSI_FMT",
  "STRIP_EXIT_0",
  "WINDOWS",
  "WINDOWS_ONLY",
  "KEEP_LF",
];

/** Flags Guild's runner turns on for every example. */
export const DEFAULT_OPTIONS: readonly string[] = [
  "ELLIPSIS",
  "NORMALIZE_WHITESPACE",
  "NORMALIZE_PATHS",
  "STRIP_ANSI_FMT",
  "STRIP_EXIT_0",
  "WINDOWS",
];

const knownOptionSet = new Set(KNOWN_OPTIONS);

export function isKnownOption(name: string): boolean {
  return knownOptionSet.has(name);
}

/**
 * Parses option text such as "+A, -B" the way doctest does: commas count as spaces, every
 * word must be `+NAME` or `-NAME` with a known name. Throws TranscriptError otherwise.
 */
export function parseOptionText(text: string, file: string, line: number): OptionFlags {
  const options: OptionFlags = {};
  for (const word of text.replace(/,/g, " ").split(/\s+/).filter((w) => w !== "")) {
    const sign = word[0];
    const name = word.slice(1);
    if ((sign !== "+" && sign !== "-") || !isKnownOption(name)) {
      throw new TranscriptError(file, line, `invalid doctest option: '${word}'`);
    }
    options[name] = sign === "+";
  }
  return options;
}

/** Option overrides from a front matter `doctest` value: a string or a list of strings. */
export function frontMatterOptions(value: unknown, file: string, line: number): OptionFlags {
  if (value === undefined || value === null || value === "") return {};
  if (typeof value === "string") return parseOptionText(value, file, line);
  if (Array.isArray(value)) {
    const options: OptionFlags = {};
    for (const item of value) {
      if (typeof item !== "string") {
        throw new TranscriptError(file, line, `invalid doctest option: ${JSON.stringify(item)}`);
      }
      Object.assign(options, parseOptionText(item, file, line));
    }
    return options;
  }
  throw new TranscriptError(file, line, `invalid doctest options: ${JSON.stringify(value)}`);
}

/** Every known flag set to true or false: defaults < front matter < the example's directives. */
export function effectiveOptions(transcript: Pick<Transcript, "fileOptions">, example?: Pick<Example, "options">): OptionFlags {
  const options: OptionFlags = {};
  for (const name of KNOWN_OPTIONS) options[name] = false;
  for (const name of DEFAULT_OPTIONS) options[name] = true;
  Object.assign(options, transcript.fileOptions);
  if (example) Object.assign(options, example.options);
  return options;
}

/**
 * Why an example (or a whole transcript, given its front matter options) does not run on this
 * platform, or null when it runs. Python-version flags (PY3, PY36...) never skip here.
 */
export function skipReason(options: Readonly<Record<string, boolean | undefined>>, platform: NodeJS.Platform | string): string | null {
  if (options.WINDOWS === false && platform === "win32") return "disabled on Windows (-WINDOWS)";
  if (options.WINDOWS_ONLY === true && platform !== "win32") return "Windows only (+WINDOWS_ONLY)";
  if (options.MACOS === false && platform === "darwin") return "disabled on macOS (-MACOS)";
  if (options.FIXME === true) return "marked +FIXME";
  if (options.SKIP === true) return "marked +SKIP";
  return null;
}
