// A small reader of Python literals (numbers, strings, True/False/None, lists) found in source text.
import { PyFloat, type PyValue } from "../python/values.js";

export class NotLiteral extends Error {}

/** Parses one Python literal expression; throws NotLiteral for anything else. */
export function parsePythonLiteral(text: string): PyValue {
  const reader = new LiteralReader(text.trim());
  const value = reader.value();
  reader.skipSpace();
  if (!reader.atEnd()) throw new NotLiteral();
  return value;
}

class LiteralReader {
  private index = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.index])) this.index++;
  }

  value(): PyValue {
    this.skipSpace();
    const rest = this.text.slice(this.index);
    const number = /^[-+]?(?:\d[\d_]*\.?[\d_]*(?:[eE][-+]?\d+)?|\.\d[\d_]*(?:[eE][-+]?\d+)?)/.exec(rest);
    if (number) {
      this.index += number[0].length;
      const clean = number[0].replace(/_/g, "");
      return /[.eE]/.test(clean) ? new PyFloat(Number(clean)) : Number(clean);
    }
    for (const [word, value] of [["True", true], ["False", false], ["None", null]] as const) {
      if (rest.startsWith(word) && !/\w/.test(rest[word.length] ?? "")) {
        this.index += word.length;
        return value;
      }
    }
    const quote = /^[rRbBuU]?('''|"""|'|")/.exec(rest);
    if (quote) return this.string(quote[0].length, quote[1], /^[rR]/.test(rest));
    if (rest[0] === "[" || rest[0] === "(") return this.list(rest[0] === "[" ? "]" : ")");
    throw new NotLiteral();
  }

  private string(prefixLength: number, quote: string, raw: boolean): string {
    this.index += prefixLength;
    let out = "";
    while (!this.text.startsWith(quote, this.index)) {
      if (this.atEnd()) throw new NotLiteral();
      const char = this.text[this.index];
      if (char === "\\" && !raw) {
        const next = this.text[this.index + 1];
        const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0" };
        out += escapes[next] ?? "\\" + next;
        this.index += 2;
      } else {
        out += char;
        this.index += 1;
      }
    }
    this.index += quote.length;
    return out;
  }

  private list(close: string): PyValue[] {
    this.index += 1;
    const items: PyValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] === close) {
        this.index += 1;
        return items;
      }
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.index] === ",") this.index += 1;
      else if (this.text[this.index] !== close) throw new NotLiteral();
    }
  }
}

/** Splits call arguments at top-level commas (ignores commas inside brackets and strings). */
export function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      current += char;
      if (char === "\\") current += text[++index] ?? "";
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if ("([{".includes(char)) {
      depth++;
      current += char;
    } else if (")]}".includes(char)) {
      depth--;
      current += char;
    } else if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
