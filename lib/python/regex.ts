// Python `re` patterns as JavaScript RegExps (Unicode mode) that match what CPython's re matches.
import { PYTHON_WHITESPACE } from "./whitespace.js";

/** re.error: its message is Python's where we can tell (`nothing to repeat at position 0`, ...). */
export class PythonRegexError extends Error {}

/** Compiles a Python pattern (as re.compile would) to a RegExp; `extraFlags` adds JavaScript flags such as `g` or `y`. */
export function compilePythonRegex(pattern: string, extraFlags = ""): RegExp {
  const problem = pythonSyntaxProblem(pattern);
  if (problem) throw new PythonRegexError(problem);
  const { source, flags } = translatePythonRegex(pattern);
  try {
    return new RegExp(source, [...new Set(flags + extraFlags)].join(""));
  } catch (error) {
    throw new PythonRegexError((error as Error).message);
  }
}

interface Mode {
  multiline: boolean;
  dotAll: boolean;
  verbose: boolean;
  ascii: boolean;
}

/**
 * The JavaScript source and flags for a Python pattern. Python's meaning is spelt out rather than left to
 * JavaScript's: `.` excludes only \n, `$` also matches before a final \n, `^`/`$` in MULTILINE mode see only
 * \n, `\d \w \s \b` are Unicode (ASCII under `(?a)`), `{,n}` is `{0,n}`; `(?P<n>`, `(?P=n)`, `(?#...)`, `\A`,
 * `\Z`, leading and scoped inline flags and VERBOSE mode are rewritten.
 */
export function translatePythonRegex(pattern: string): { source: string; flags: string } {
  const mode: Mode = { multiline: false, dotAll: false, verbose: false, ascii: false };
  let ignoreCase = false;
  let rest = pattern;
  for (;;) {
    const inline = /^\(\?([aiLmsux]+)\)/.exec(rest);
    if (!inline) break;
    for (const flag of inline[1]!) {
      if (flag === "i") ignoreCase = true;
      else setFlag(mode, flag, true);
    }
    rest = rest.slice(inline[0].length);
  }
  const offset = pattern.length - rest.length;
  const scopes: Mode[] = [];
  let out = "";
  let index = 0;
  while (index < rest.length) {
    const char = String.fromCodePoint(rest.codePointAt(index)!);
    if (char === "\\") {
      const escape = escapeOutsideClass(rest, index, mode, offset);
      out += escape.text;
      index = escape.end;
    } else if (char === "[") {
      const set = characterClass(rest, index, mode, offset);
      out += set.text;
      index = set.end;
    } else if (char === "(") {
      const group = openGroup(rest, index, mode, ignoreCase);
      if (group.scoped) scopes.push(group.outer);
      out += group.text;
      index = group.end;
    } else if (char === ")") {
      const outer = scopes.pop();
      if (outer) Object.assign(mode, outer);
      out += ")";
      index += 1;
    } else if (mode.verbose && " \t\n\r\x0b\x0c".includes(char)) {
      index += 1;
    } else if (mode.verbose && char === "#") {
      const end = rest.indexOf("\n", index);
      index = end < 0 ? rest.length : end + 1;
    } else if (char === "{") {
      const repeat = /^\{(\d*)(?:(,)(\d*))?\}/.exec(rest.slice(index));
      if (repeat && repeat[0] !== "{}") {
        out += `{${repeat[1] || "0"}${repeat[2] ? "," + repeat[3] : ""}}`;
        index += repeat[0].length;
      } else {
        out += "\\{";
        index += 1;
      }
    } else {
      out += SPECIAL[char]?.(mode) ?? char;
      index += char.length;
    }
  }
  return { source: out, flags: ignoreCase ? "iu" : "u" };
}

const SPECIAL: Record<string, (mode: Mode) => string> = {
  ".": (mode) => (mode.dotAll ? "[\\s\\S]" : "[^\\n]"),
  "^": (mode) => (mode.multiline ? "(?:^|(?<=\\n))" : "^"),
  $: (mode) => (mode.multiline ? "(?=\\n|$)" : "(?=\\n?$)"),
  "}": () => "\\}",
  "]": () => "\\]",
};

function setFlag(mode: Mode, flag: string, on: boolean): void {
  if (flag === "m") mode.multiline = on;
  else if (flag === "s") mode.dotAll = on;
  else if (flag === "x") mode.verbose = on;
  else if (flag === "a") mode.ascii = on;
}

/** `(`, `(?P<name>`, `(?P=name)`, `(?#...)` or `(?flags-flags:`; lookarounds and `(?:` pass through as they are. */
function openGroup(rest: string, index: number, mode: Mode, ignoreCase: boolean): { text: string; end: number; scoped: boolean; outer: Mode } {
  const outer = { ...mode };
  const tail = rest.slice(index);
  if (tail.startsWith("(?P<")) return { text: "(?<", end: index + 4, scoped: true, outer };
  const reference = /^\(\?P=(\w+)\)/.exec(tail);
  if (reference) return { text: `\\k<${reference[1]}>`, end: index + reference[0].length, scoped: false, outer };
  if (tail.startsWith("(?#")) {
    const end = rest.indexOf(")", index);
    return { text: "", end: end < 0 ? rest.length : end + 1, scoped: false, outer };
  }
  const flags = /^\(\?([aimsux]*)(?:-([imsx]*))?:/.exec(tail);
  if (flags && (flags[1] || flags[2])) {
    for (const flag of flags[1]!) setFlag(mode, flag, true);
    for (const flag of flags[2] ?? "") setFlag(mode, flag, false);
    const wantsCase = flags[1]!.includes("i") ? true : (flags[2] ?? "").includes("i") ? false : ignoreCase;
    if (wantsCase !== ignoreCase) throw new PythonRegexError("scoped case-insensitivity ((?i:...), (?-i:...)) is not supported");
    return { text: "(?:", end: index + flags[0].length, scoped: true, outer };
  }
  return { text: "(", end: index + 1, scoped: true, outer };
}

const WORD = (mode: Mode) => (mode.ascii ? "A-Za-z0-9_" : "\\p{L}\\p{N}_");
const DIGIT = (mode: Mode) => (mode.ascii ? "0-9" : "\\p{Nd}");
const SPACE = (mode: Mode) => (mode.ascii ? " \\t\\n\\r\\f\\v" : [...PYTHON_WHITESPACE].map(codePointEscape).join(""));

/** One escape outside a class, as JavaScript source. */
function escapeOutsideClass(rest: string, index: number, mode: Mode, offset: number): { text: string; end: number } {
  const next = String.fromCodePoint(rest.codePointAt(index + 1)!);
  const end = index + 1 + next.length;
  const word = `[${WORD(mode)}]`;
  switch (next) {
    case "A": return { text: "(?<![\\s\\S])", end };
    case "Z": return { text: "(?![\\s\\S])", end };
    case "b": return { text: `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`, end };
    case "B": return { text: `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`, end };
    case "d": return { text: `[${DIGIT(mode)}]`, end };
    case "D": return { text: `[^${DIGIT(mode)}]`, end };
    case "w": return { text: word, end };
    case "W": return { text: `[^${WORD(mode)}]`, end };
    case "s": return { text: `[${SPACE(mode)}]`, end };
    case "S": return { text: `[^${SPACE(mode)}]`, end };
  }
  if (/[1-9]/.test(next)) {
    const octal = /^[0-7]{3}/.exec(rest.slice(index + 1));
    if (!octal) {
      const group = /^\d{1,2}/.exec(rest.slice(index + 1))![0];
      return { text: `(?:\\${group})`, end: index + 1 + group.length };
    }
  }
  const code = escapedCode(rest, index, offset, false);
  return { text: codePointEscape(String.fromCodePoint(code.value)), end: code.end };
}

/** The character a literal escape stands for (`\n`, `\x41`, `\u00e9`, `\101`, `\:`), or re's error for a bad one. */
function escapedCode(rest: string, index: number, offset: number, inClass: boolean): { value: number; end: number } {
  const position = offset + index;
  const next = String.fromCodePoint(rest.codePointAt(index + 1)!);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (next in simple && (next !== "b" || inClass)) return { value: simple[next]!, end: index + 2 };
  const hexLength = { x: 2, u: 4, U: 8 }[next as "x" | "u" | "U"];
  if (hexLength) {
    const digits = /^[0-9a-fA-F]*/.exec(rest.slice(index + 2, index + 2 + hexLength))![0];
    if (digits.length < hexLength) throw new PythonRegexError(`incomplete escape \\${next}${digits} at position ${position}`);
    const value = parseInt(digits, 16);
    if (value > 0x10ffff) throw new PythonRegexError(`bad escape \\${next}${digits} at position ${position}`);
    return { value, end: index + 2 + hexLength };
  }
  if (/[0-7]/.test(next)) {
    const digits = /^[0-7]{1,3}/.exec(rest.slice(index + 1))![0];
    const take = next === "0" || inClass ? digits : digits.slice(0, 3);
    const value = parseInt(take, 8);
    if (value > 0o377) throw new PythonRegexError(`octal escape value \\${take} outside of range 0-0o377 at position ${position}`);
    return { value, end: index + 1 + take.length };
  }
  if (next === "N") throw new PythonRegexError(`named Unicode escapes (\\N{...}) are not supported, at position ${position}`);
  if (/[0-9A-Za-z]/.test(next)) throw new PythonRegexError(`bad escape \\${next} at position ${position}`);
  return { value: next.codePointAt(0)!, end: index + 1 + next.length };
}

/** A Python `[...]` class starting at `start`: JavaScript class text, or an alternation where a member is a negated set. */
function characterClass(rest: string, start: number, mode: Mode, offset: number): { text: string; end: number } {
  let index = start + 1;
  const negate = rest[index] === "^";
  if (negate) index += 1;
  const members: string[] = [];
  const complements: string[] = [];
  let first = true;
  for (;;) {
    if (index >= rest.length) throw new PythonRegexError(`unterminated character set at position ${offset + start}`);
    if (rest[index] === "]" && !first) {
      index += 1;
      break;
    }
    first = false;
    const low = classItem(rest, index, mode, offset);
    index = low.end;
    if (rest[index] === "-" && index + 1 < rest.length && rest[index + 1] !== "]") {
      const high = classItem(rest, index + 1, mode, offset);
      if (low.code === null || high.code === null || high.code < low.code) {
        throw new PythonRegexError(`bad character range ${rest.slice(low.start, index)}-${rest.slice(index + 1, high.end)} at position ${offset + low.start}`);
      }
      members.push(`${low.text}-${high.text}`);
      index = high.end;
    } else if (low.complement !== null) {
      complements.push(low.complement);
    } else {
      members.push(low.text);
    }
  }
  if (complements.length === 0) return { text: `[${negate ? "^" : ""}${members.join("")}]`, end: index };
  const alternatives = [...(members.length ? [`[${members.join("")}]`] : []), ...complements.map((set) => `(?![${set}])[\\s\\S]`)];
  const union = `(?:${alternatives.join("|")})`;
  return { text: negate ? `(?:(?!${union})[\\s\\S])` : union, end: index };
}

interface ClassItem {
  start: number;
  end: number;
  /** The member as JavaScript class text. */
  text: string;
  /** The code point when the item is one character (range ends must be). */
  code: number | null;
  /** For \W, \S (and \D under ASCII): the class text of the set this item is the complement of. */
  complement: string | null;
}

function classItem(rest: string, index: number, mode: Mode, offset: number): ClassItem {
  const char = String.fromCodePoint(rest.codePointAt(index)!);
  if (char !== "\\") return { start: index, end: index + char.length, text: codePointEscape(char), code: char.codePointAt(0)!, complement: null };
  if (index + 1 >= rest.length) throw new PythonRegexError(`bad escape (end of pattern) at position ${offset + index}`);
  const next = rest[index + 1]!;
  const set = (text: string, complement: string | null = null): ClassItem => ({ start: index, end: index + 2, text, code: null, complement });
  switch (next) {
    case "d": return set(DIGIT(mode));
    case "D": return mode.ascii ? set("", DIGIT(mode)) : set("\\P{Nd}");
    case "w": return set(WORD(mode));
    case "W": return set("", WORD(mode));
    case "s": return set(SPACE(mode));
    case "S": return set("", SPACE(mode));
  }
  if (/[89]/.test(next)) throw new PythonRegexError(`bad escape \\${next} at position ${offset + index}`);
  const code = escapedCode(rest, index, offset, true);
  return { start: index, end: code.end, text: codePointEscape(String.fromCodePoint(code.value)), code: code.value, complement: null };
}

function codePointEscape(char: string): string {
  return /^[A-Za-z0-9_]$/.test(char) ? char : `\\u{${char.codePointAt(0)!.toString(16)}}`;
}

/** Python's message for the common syntax errors (without compiling), or null. */
export function pythonSyntaxProblem(pattern: string): string | null {
  const openGroups: number[] = [];
  let index = 0;
  let canRepeat = false;
  let lastWasRepeat = false;
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "\\") {
      if (index + 1 >= pattern.length) return `bad escape (end of pattern) at position ${index}`;
      index += 2;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "[") {
      const start = index;
      index += 1;
      if (pattern[index] === "^") index += 1;
      if (pattern[index] === "]") index += 1;
      while (index < pattern.length && pattern[index] !== "]") index += pattern[index] === "\\" ? 2 : 1;
      if (index >= pattern.length) return `unterminated character set at position ${start}`;
      index += 1;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "(") {
      openGroups.push(index);
      index += pattern[index + 1] === "?" ? 2 : 1;
      canRepeat = false;
      lastWasRepeat = false;
      continue;
    }
    if (char === ")") {
      if (openGroups.length === 0) return `unbalanced parenthesis at position ${index}`;
      openGroups.pop();
      index += 1;
      canRepeat = true;
      lastWasRepeat = false;
      continue;
    }
    if (char === "|") {
      canRepeat = false;
      lastWasRepeat = false;
      index += 1;
      continue;
    }
    if (char === "*" || char === "+" || char === "?" || (char === "{" && /^\{\d*,?\d*\}/.test(pattern.slice(index)) && pattern[index + 1] !== "}")) {
      if (char === "?" && lastWasRepeat) {
        lastWasRepeat = false;
        index += 1;
        continue;
      }
      if (lastWasRepeat) return `multiple repeat at position ${index}`;
      if (!canRepeat) return `nothing to repeat at position ${index}`;
      lastWasRepeat = true;
      index += char === "{" ? pattern.indexOf("}", index) - index + 1 : 1;
      continue;
    }
    canRepeat = char !== "^" && char !== "$";
    lastWasRepeat = false;
    index += 1;
  }
  if (openGroups.length > 0) return `missing ), unterminated subpattern at position ${openGroups[openGroups.length - 1]}`;
  return null;
}
