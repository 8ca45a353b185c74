// A YAML writer that lays out values exactly as PyYAML's safe_dump (block style, sorted keys, width 80).
import { floatRepr } from "../python/float.js";
import { PyDate, PyFloat } from "../python/values.js";
import { resolvePlain } from "./resolve.js";

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
const BREAKS = "\n\x85\u2028\u2029";
const WHITESPACE = "\0 \t\r\n\x85\u2028\u2029";

interface ScalarAnalysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

/** Printable ASCII without spaces: most keys and values (paths, names, numbers) are such one-word texts. */
const ONE_WORD = /^[\x21-\x7e]+$/;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * analyzeScalar's block indicators for a ONE_WORD text, which has no space, break or special
 * character: an indicator first, a lone `?`, `:` or `-`, or a `:` last.
 */
function oneWordHasBlockIndicator(text: string): boolean {
  if (text.startsWith("---") || text.startsWith("...")) return true;
  if ("#,[]{}&*!|>'\"%@`".includes(text[0])) return true;
  if (text.length === 1) return "?:-".includes(text);
  return text.endsWith(":");
}

/** PyYAML Emitter.analyze_scalar, reduced to what block-context style choice needs. */
function analyzeScalar(chars: string[]): ScalarAnalysis {
  if (chars.length === 0) return { empty: true, multiline: false, allowBlockPlain: false, allowSingleQuoted: true };
  const text = chars.join("");
  let blockIndicators = text.startsWith("---") || text.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.includes(chars[1]);
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index];
    if (index === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      if ("?:".includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === "-" && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ":" && followedByWhitespace) blockIndicators = true;
      if (ch === "#" && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const code = ch.codePointAt(0)!;
    if (!(ch === "\n" || (code >= 0x20 && code <= 0x7e))) special = true;
    if (ch === " ") {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.includes(chars[index + 2]);
  }
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowBlockPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}

const ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0A": "n", "\x0B": "v", "\x0C": "f",
  "\x0D": "r", "\x1B": "e", '"': '"', "\\": "\\", "\x85": "N", "\xA0": "_", "\u2028": "L", "\u2029": "P",
};

class Writer {
  text = "";
  column = 0;
  whitespace = true;
  indention = true;
  indent: number | null = null;
  openEnded = false;

  write(data: string): void {
    this.text += data;
    this.column += SURROGATE.test(data) ? [...data].length : data.length;
  }

  lineBreak(): void {
    this.text += "\n";
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(" ".repeat(indent - this.column));
    }
  }

  indicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    this.write(!this.whitespace && needWhitespace ? " " + indicator : indicator);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  /** plain() of a ONE_WORD text, which has no space or break to split at. */
  plainWord(text: string): void {
    if (!this.whitespace) this.write(" ");
    this.whitespace = false;
    this.indention = false;
    this.write(text);
  }

  plain(chars: string[], split: boolean): void {
    if (chars.length === 0) return;
    if (!this.whitespace) this.write(" ");
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      if (spaces) {
        if (ch !== " ") {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.write(chars.slice(start, end).join(""));
          }
          start = end;
        }
      } else if (ch === null || " \n\x85\u2028\u2029".includes(ch)) {
        this.write(chars.slice(start, end).join(""));
        start = end;
      }
      if (ch !== null) spaces = ch === " ";
    }
  }

  singleQuoted(chars: string[], split: boolean): void {
    this.indicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      if (spaces) {
        if (ch === null || ch !== " ") {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) {
            this.writeIndent();
          } else {
            this.write(chars.slice(start, end).join(""));
          }
          start = end;
        }
      } else if (breaks) {
        if (ch === null || !BREAKS.includes(ch)) {
          if (chars[start] === "\n") this.lineBreak();
          for (const br of chars.slice(start, end)) {
            if (br === "\n") this.lineBreak();
            else {
              this.text += br;
              this.column = 0;
              this.whitespace = this.indention = true;
            }
          }
          this.writeIndent();
          start = end;
        }
      } else if (ch === null || " \n\x85\u2028\u2029'".includes(ch)) {
        if (start < end) {
          this.write(chars.slice(start, end).join(""));
          start = end;
        }
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== null) {
        spaces = ch === " ";
        breaks = BREAKS.includes(ch);
      }
    }
    this.indicator("'", false);
  }

  doubleQuoted(chars: string[], split: boolean): void {
    this.indicator('"', true);
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      const code = ch === null ? 0 : ch.codePointAt(0)!;
      if (ch === null || '"\\\x85\u2028\u2029\uFEFF'.includes(ch) || !(code >= 0x20 && code <= 0x7e)) {
        if (start < end) {
          this.write(chars.slice(start, end).join(""));
          start = end;
        }
        if (ch !== null) {
          let data: string;
          if (ch in ESCAPES) data = "\\" + ESCAPES[ch];
          else if (code <= 0xff) data = "\\x" + code.toString(16).toUpperCase().padStart(2, "0");
          else if (code <= 0xffff) data = "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
          else data = "\\U" + code.toString(16).toUpperCase().padStart(8, "0");
          this.write(data);
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === " " || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        this.write(chars.slice(start, end).join("") + "\\");
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (chars[start] === " ") this.write("\\");
      }
    }
    this.indicator('"', false);
  }
}

function scalarText(value: unknown): { text: string; isString: boolean } {
  if (value === null || value === undefined) return { text: "null", isString: false };
  if (value === true) return { text: "true", isString: false };
  if (value === false) return { text: "false", isString: false };
  if (value instanceof PyFloat) return { text: floatText(value.value), isString: false };
  if (value instanceof PyDate) return { text: value.text, isString: false };
  if (typeof value === "number") return { text: Number.isInteger(value) ? String(value) : floatText(value), isString: false };
  if (typeof value === "bigint") return { text: String(value), isString: false };
  return { text: String(value), isString: true };
}

/** PyYAML represent_float: repr lower-cased, `.0` before a bare exponent, `.inf`/`.nan`. */
export function floatText(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (value === Infinity) return ".inf";
  if (value === -Infinity) return "-.inf";
  const text = floatRepr(value).toLowerCase();
  return !text.includes(".") && text.includes("e") ? text.replace("e", ".0e") : text;
}

function isCollection(value: unknown): value is unknown[] | Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof PyFloat) && !(value instanceof PyDate);
}

class Emitter {
  out = new Writer();
  private simpleKey = false;

  node(value: unknown, context: { root?: boolean; mapping?: boolean; simpleKey?: boolean }): void {
    this.simpleKey = context.simpleKey ?? false;
    if (Array.isArray(value)) {
      if (value.length === 0) this.out.indicator("[]", true, false);
      else this.blockSequence(value, context.mapping ?? false);
    } else if (isCollection(value)) {
      const entries = Object.entries(value).filter(([, item]) => item !== undefined);
      if (entries.length === 0) this.out.indicator("{}", true, false);
      else this.blockMapping(entries);
    } else {
      this.scalar(value, context.root ?? false);
    }
  }

  private increaseIndent(flow: boolean, indentless = false): number | null {
    const previous = this.out.indent;
    if (previous === null) this.out.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.out.indent = previous + BEST_INDENT;
    return previous;
  }

  private scalar(value: unknown, root: boolean): void {
    const previous = this.increaseIndent(true);
    const { text, isString } = scalarText(value);
    if (ONE_WORD.test(text) && (!isString || (!oneWordHasBlockIndicator(text) && resolvePlain(text) === "str"))) {
      this.out.plainWord(text);
      this.out.openEnded = root;
      this.out.indent = previous;
      return;
    }
    const chars = [...text];
    const split = !this.simpleKey;
    if (!isString) {
      this.out.plain(chars, split);
      this.out.openEnded = root;
    } else {
      const analysis = analyzeScalar(chars);
      const implicit = resolvePlain(text) === "str";
      if (implicit && !(this.simpleKey && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain) {
        this.out.plain(chars, split);
        this.out.openEnded = root;
      } else if (analysis.allowSingleQuoted && !(this.simpleKey && analysis.multiline)) {
        this.out.singleQuoted(chars, split);
      } else {
        this.out.doubleQuoted(chars, split);
      }
    }
    this.out.indent = previous;
  }

  private blockSequence(items: unknown[], mappingContext: boolean): void {
    const previous = this.increaseIndent(false, mappingContext && !this.out.indention);
    for (const item of items) {
      this.out.writeIndent();
      this.out.indicator("-", true, false, true);
      this.node(item, {});
    }
    this.out.indent = previous;
  }

  private blockMapping(entries: [string, unknown][]): void {
    const previous = this.increaseIndent(false);
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, item] of sorted) {
      this.out.writeIndent();
      this.node(key, { mapping: true, simpleKey: true });
      this.out.indicator(":", false);
      this.node(item, { mapping: true });
    }
    this.out.indent = previous;
  }
}

/** The exact text of PyYAML `safe_dump(value, default_flow_style=False)`. */
export function emitYaml(value: unknown): string {
  const emitter = new Emitter();
  emitter.node(value, { root: true });
  let text = emitter.out.text + "\n";
  if (emitter.out.openEnded) text += "...\n";
  return text;
}
