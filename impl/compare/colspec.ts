// Guild's compare column language: `.attr`, `attr:x`, `=flag`, `flag:x`, `[qualifier] scalar [step]`, `as NAME`.
import { loadYaml } from "../../lib/yaml/yaml.js";
import { shellQuote } from "../../lib/python/shlex.js";

export type Column =
  | { kind: "attr"; name: string; namedAs: string | null }
  | { kind: "flag"; name: string; namedAs: string | null }
  | { kind: "scalar"; key: string; qualifier: string | null; step: boolean; namedAs: string | null };

export class ColspecError extends Error {}

const RESERVED = ["select", "min", "max", "first", "last", "avg", "total", "count", "step", "as"];
const QUALIFIERS = new Set(["min", "max", "first", "last", "avg", "total", "count"]);

interface Token {
  type: string;
  value: string;
  pos: number;
}

const QUOTED = /^(?:"(?:[^\\\n]|\\.)*?"|'(?:[^\\\n]|\\.)*?')/;
const UNQUOTED = /^[^'",\n][^ ,\n]*/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const char = text[pos];
    if (char === " " || char === "\t") {
      pos += 1;
      continue;
    }
    const rest = text.slice(pos);
    const fixed = [["scalar:", "SCALAR_PREFIX"], ["attr:", "ATTR_PREFIX"], ["flag:", "FLAG_PREFIX"], [".", "DOT"], [",", "COMMA"], ["=", "EQUALS"]].find(([literal]) => rest.startsWith(literal));
    if (fixed) {
      tokens.push({ type: fixed[1], value: fixed[0], pos });
      pos += fixed[0].length;
      continue;
    }
    const unquoted = UNQUOTED.exec(rest);
    if (unquoted) {
      const value = unquoted[0];
      tokens.push({ type: RESERVED.includes(value) ? value.toUpperCase() : "UNQUOTED", value, pos });
      pos += value.length;
      continue;
    }
    const newlines = /^\n+/.exec(rest);
    if (newlines) {
      pos += newlines[0].length;
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      tokens.push({ type: "QUOTED", value: quoted[0], pos });
      pos += quoted[0].length;
      continue;
    }
    throw new ColspecError(`illegal character '${char}' at position ${pos}`);
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private fail(): never {
    const token = this.peek();
    if (!token) throw new ColspecError("query string cannot be empty");
    throw new ColspecError(`unexpected token '${token.value}', line 1, pos ${token.pos}`);
  }

  private take(type: string): Token {
    const token = this.peek();
    if (!token || token.type !== type) this.fail();
    this.index += 1;
    return token;
  }

  private isAt(...types: string[]): boolean {
    const token = this.peek();
    return token !== undefined && types.includes(token.type);
  }

  private term(): string {
    const token = this.peek();
    if (token?.type === "UNQUOTED") {
      this.index += 1;
      return token.value;
    }
    if (token?.type === "QUOTED") {
      this.index += 1;
      return String(loadYaml(token.value));
    }
    this.fail();
  }

  select(): Column[] {
    this.take("SELECT");
    const columns = [this.column()];
    while (this.isAt("COMMA")) {
      this.index += 1;
      columns.push(this.column());
    }
    if (this.peek()) this.fail();
    return columns;
  }

  private column(): Column {
    const column = this.baseColumn();
    while (this.isAt("AS")) {
      this.index += 1;
      column.namedAs = this.columnName();
    }
    return column;
  }

  private columnName(): string {
    const token = this.peek();
    if (token && (QUALIFIERS.has(token.value) && token.type !== "UNQUOTED" || token.type === "STEP")) {
      this.index += 1;
      return token.value;
    }
    return this.term();
  }

  private baseColumn(): Column {
    const token = this.peek();
    if (!token) this.fail();
    switch (token.type) {
      case "DOT":
      case "ATTR_PREFIX":
        this.index += 1;
        return { kind: "attr", name: this.term(), namedAs: null };
      case "EQUALS":
      case "FLAG_PREFIX":
        this.index += 1;
        return { kind: "flag", name: this.take("UNQUOTED").value, namedAs: null };
      case "SCALAR_PREFIX":
        this.index += 1;
        return this.scalarStep({ kind: "scalar", key: this.term(), qualifier: null, step: false, namedAs: null });
    }
    if (QUALIFIERS.has(token.type.toLowerCase()) && token.type !== "UNQUOTED") {
      this.index += 1;
      return this.scalarStep({ kind: "scalar", key: this.term(), qualifier: token.value, step: false, namedAs: null });
    }
    return this.scalarStep({ kind: "scalar", key: this.term(), qualifier: null, step: false, namedAs: null });
  }

  private scalarStep(column: Column & { kind: "scalar" }): Column {
    if (this.isAt("STEP")) {
      this.index += 1;
      column.step = true;
    }
    return column;
  }
}

/** Parses a comma-separated column spec; errors read as Guild's (positions count the `select ` prefix). */
export function parseColspec(colspec: string): Column[] {
  return new Parser(tokenize(`select ${colspec}`)).select();
}

/** The column's header: `as` name, else attr/flag name, else scalar key with `#` as space (+ ` step`). */
export function columnHeader(column: Column): string {
  if (column.namedAs) return column.namedAs;
  if (column.kind !== "scalar") return column.name;
  const key = column.key.replace(/#/g, " ").trim();
  return column.step ? `${key} step` : key;
}

/** Guild's str() of a column, e.g. `scalar:max loss step as 'best step'`. */
export function formatColumn(column: Column): string {
  const suffix = column.namedAs ? ` as ${shellQuote(column.namedAs)}` : "";
  if (column.kind === "attr") return `attr:${column.name}${suffix}`;
  if (column.kind === "flag") return `flag:${column.name}${suffix}`;
  const qualifier = column.qualifier ? `${column.qualifier} ` : "";
  return `scalar:${qualifier}${column.key}${column.step ? " step" : ""}${suffix}`;
}

/** Splits a scalar key into (prefix, tag): `train#loss` -> ["train", "loss"], `loss` -> [null, "loss"]. */
export function splitScalarKey(key: string): [string | null, string] {
  const hash = key.indexOf("#");
  return hash < 0 ? [null, key] : [key.slice(0, hash), key.slice(hash + 1)];
}
