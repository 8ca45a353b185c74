// Splits Python source into tokens, with INDENT/DEDENT and implicit line joining inside brackets.

export type TokenType = "name" | "number" | "string" | "op" | "newline" | "indent" | "dedent" | "eof";

export interface Token {
  type: TokenType;
  /** Names, operators and number text as written; for strings the decoded value (f-strings: the raw body). */
  value: string;
  /** 0-based line within the source. */
  line: number;
  column: number;
  /** Strings only: true for f-strings, whose value is the undecoded body. */
  formatted?: boolean;
  /** Strings only: true for bytes literals (b'...'), whose value holds one char per byte. */
  bytes?: boolean;
  /** Strings only: true for raw strings (r'...'). */
  raw?: boolean;
  /** Strings only: the brackets open where the string starts, which an f-string's fields count on from. */
  brackets?: number;
}

/** A syntax error at a 0-based line of the source. */
export class PySyntaxError extends Error {
  readonly lineOffset: number;
  constructor(message: string, lineOffset: number) {
    super(message);
    this.name = "PySyntaxError";
    this.lineOffset = lineOffset;
  }
}

const operators = [
  "**=", "//=", ">>=", "<<=", "...",
  "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=",
  "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];
const openers = new Map([["(", ")"], ["[", "]"], ["{", "}"]]);
/** CPython's tokenizer limits: MAXLEVEL open brackets, MAXINDENT indentation levels. */
const maxBracketDepth = 200;
const maxIndentDepth = 100;
const namePattern = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const numberPattern = /(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)[jJ]?/y;
const stringPrefixPattern = /(?:[rR][fFbB]?|[fFbB][rR]?|[uU])?(?:'''|"""|'|")/y;

/**
 * Tokenizes a whole source (one or more lines); `openBrackets` are already open around it (an
 * f-string field inside brackets), so CPython's limit on nested brackets holds across f-strings.
 */
export function tokenize(source: string, openBrackets = 0): Token[] {
  const tokens: Token[] = [];
  const indents = [0];
  const brackets: { close: string; line: number }[] = [];
  let position = 0;
  let line = 0;
  let lineStart = 0;
  let atLineStart = true;

  const push = (type: TokenType, value: string, column = position - lineStart, extra: Partial<Token> = {}) =>
    tokens.push({ type, value, line, column, ...extra });

  while (position < source.length) {
    if (atLineStart && brackets.length === 0) {
      let width = 0;
      while (position < source.length && (source[position] === " " || source[position] === "\t")) {
        width = source[position] === "\t" ? (Math.floor(width / 8) + 1) * 8 : width + 1;
        position++;
      }
      const char = source[position];
      if (char === undefined) break;
      if (char === "\n" || char === "#" || (char === "\r" && source[position + 1] === "\n")) {
        // Blank or comment-only line: no tokens, no indentation change.
        while (position < source.length && source[position] !== "\n") position++;
        position++;
        line++;
        lineStart = position;
        continue;
      }
      if (char === "\\" && source[position + 1] === "\n") {
        position += 2;
        line++;
        lineStart = position;
        atLineStart = false;
        continue;
      }
      atLineStart = false;
      if (width > indents[indents.length - 1]!) {
        if (indents.length >= maxIndentDepth) throw new PySyntaxError("too many levels of indentation", line);
        indents.push(width);
        push("indent", "");
      } else {
        while (width < indents[indents.length - 1]!) {
          indents.pop();
          push("dedent", "");
        }
        if (width !== indents[indents.length - 1]) {
          throw new PySyntaxError("unindent does not match any outer indentation level", line);
        }
      }
    }
    const char = source[position]!;
    if (char === " " || char === "\t" || char === "\f" || char === "\r") {
      position++;
      continue;
    }
    if (char === "#") {
      while (position < source.length && source[position] !== "\n") position++;
      continue;
    }
    if (char === "\\") {
      const next = source[position + 1];
      if (next === "\n" || (next === "\r" && source[position + 2] === "\n")) {
        position += next === "\n" ? 2 : 3;
        line++;
        lineStart = position;
        continue;
      }
      throw new PySyntaxError("unexpected character after line continuation character", line);
    }
    if (char === "\n") {
      if (brackets.length === 0) {
        const last = tokens[tokens.length - 1];
        if (last && last.type !== "newline") push("newline", "");
        atLineStart = true;
      }
      position++;
      line++;
      lineStart = position;
      continue;
    }
    stringPrefixPattern.lastIndex = position;
    const prefixMatch = stringPrefixPattern.exec(source);
    if (prefixMatch) {
      const startLine = line;
      const column = position - lineStart;
      const scanned = scanString(source, position, prefixMatch[0], line);
      for (let index = position; index < scanned.end; index++) {
        if (source[index] === "\n") {
          line++;
          lineStart = index + 1;
        }
      }
      position = scanned.end;
      tokens.push({
        type: "string", value: scanned.value, line: startLine, column, formatted: scanned.formatted, raw: scanned.raw, bytes: scanned.bytes,
        brackets: openBrackets + brackets.length,
      });
      continue;
    }
    numberPattern.lastIndex = position;
    const numberMatch = /[0-9]/.test(char) || (char === "." && /[0-9]/.test(source[position + 1] ?? "")) ? numberPattern.exec(source) : null;
    if (numberMatch) {
      push("number", numberMatch[0]);
      position += numberMatch[0].length;
      namePattern.lastIndex = position;
      if (namePattern.exec(source)) throw new PySyntaxError("invalid decimal literal", line);
      continue;
    }
    namePattern.lastIndex = position;
    const nameMatch = namePattern.exec(source);
    if (nameMatch) {
      push("name", nameMatch[0]);
      position += nameMatch[0].length;
      continue;
    }
    const operator = operators.find((candidate) => source.startsWith(candidate, position));
    if (operator) {
      const close = openers.get(operator);
      if (close) {
        if (openBrackets + brackets.length >= maxBracketDepth) throw new PySyntaxError("too many nested parentheses", line);
        brackets.push({ close, line });
      } else if (operator === ")" || operator === "]" || operator === "}") {
        const open = brackets.pop();
        if (!open) throw new PySyntaxError(`unmatched '${operator}'`, line);
        if (open.close !== operator) {
          const opener = [...openers].find(([, closer]) => closer === open.close)![0];
          throw new PySyntaxError(`closing parenthesis '${operator}' does not match opening parenthesis '${opener}'`, line);
        }
      }
      push("op", operator);
      position += operator.length;
      continue;
    }
    throw new PySyntaxError(`invalid character '${char}' (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`, line);
  }
  if (brackets.length > 0) {
    const open = brackets[brackets.length - 1]!;
    const opener = [...openers].find(([, closer]) => closer === open.close)![0];
    throw new PySyntaxError(`'${opener}' was never closed`, open.line);
  }
  const last = tokens[tokens.length - 1];
  if (last && last.type !== "newline" && last.type !== "dedent") push("newline", "");
  while (indents.length > 1) {
    indents.pop();
    push("dedent", "");
  }
  push("eof", "");
  return tokens;
}

interface ScannedString { value: string; end: number; formatted: boolean; raw: boolean; bytes: boolean }

function scanString(source: string, start: number, opening: string, line: number): ScannedString {
  const quoteStart = opening.search(/['"]/);
  const prefix = opening.slice(0, quoteStart).toLowerCase();
  const quote = opening.slice(quoteStart);
  const bytes = prefix.includes("b");
  const raw = prefix.includes("r");
  const formatted = prefix.includes("f");
  const triple = quote.length === 3;
  let position = start + opening.length;
  const bodyStart = position;
  for (;;) {
    if (position >= source.length) {
      throw new PySyntaxError(triple ? "unterminated triple-quoted string literal" : "unterminated string literal", line);
    }
    const char = source[position]!;
    if (char === "\\") {
      position += 2;
      continue;
    }
    if (!triple && char === "\n") throw new PySyntaxError("unterminated string literal", line);
    if (source.startsWith(quote, position)) break;
    position++;
  }
  const body = source.slice(bodyStart, position);
  if (bytes && /[^\x00-\x7f]/.test(body)) throw new PySyntaxError("bytes can only contain ASCII literal characters", line);
  const value = raw || formatted ? body : decodeEscapes(body, line, bytes);
  return { value, end: position + quote.length, formatted, raw, bytes };
}

const simpleEscapes = new Map([
  ["\\", "\\"], ["'", "'"], ['"', '"'], ["a", "\x07"], ["b", "\b"], ["f", "\f"], ["n", "\n"], ["r", "\r"], ["t", "\t"], ["v", "\v"],
]);

/** Up to three octal digits where an escape starts (sticky: read in place, not from a copy of the rest). */
const octalPattern = /[0-7]{1,3}/y;

/** Decodes backslash escapes of a non-raw string body. */
export function decodeEscapes(body: string, line: number, bytes = false): string {
  let out = "";
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char !== "\\") {
      out += char;
      continue;
    }
    const next = body[index + 1];
    if (next === undefined) break;
    const simple = simpleEscapes.get(next);
    if (simple !== undefined) {
      out += simple;
      index++;
    } else if (next === "\n") {
      index++;
    } else if (/[0-7]/.test(next)) {
      octalPattern.lastIndex = index + 1;
      const digits = octalPattern.exec(body)![0];
      out += String.fromCodePoint(parseInt(digits, 8));
      index += digits.length;
    } else if (next === "x" || (!bytes && (next === "u" || next === "U"))) {
      const length = next === "x" ? 2 : next === "u" ? 4 : 8;
      const digits = body.slice(index + 2, index + 2 + length);
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) {
        throw new PySyntaxError(`(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\${next}${"X".repeat(length)} escape`, line);
      }
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) {
        throw new PySyntaxError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${index}-${index + 1 + length}: illegal Unicode character`, line);
      }
      out += String.fromCodePoint(code);
      index += 1 + length;
    } else {
      out += char;
    }
  }
  return out;
}
