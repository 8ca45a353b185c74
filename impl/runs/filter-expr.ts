// `-F EXPR` run filter expressions (guild/filter.py): tokens, a parser with Guild's precedence, and Python comparisons on run values.
import { CliError } from "../io.js";
import { loadYaml } from "../../lib/yaml/yaml.js";
import { isMapping, numericValue, pyEquals, PyFloat } from "../../lib/python/values.js";
import { compareCodePoints } from "../../lib/python/str-order.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";

/** What an expression reads from a run: attrs (with the index's formatted ones), flags and last scalar values. */
export interface FilterRunValues {
  attr(name: string): unknown;
  flag(name: string): unknown;
  /** The last value of a scalar `[PREFIX#]TAG`, or undefined. */
  scalar(key: string): unknown;
}

type TokenType =
  | "AND" | "OR" | "IN" | "NOT" | "TRUE" | "FALSE" | "IS" | "UNDEFINED" | "CONTAINS"
  | "STR_LITERAL" | "ID" | "NUMBER" | "EQ" | "NEQ" | "LT" | "LTE" | "GT" | "GTE"
  | "LPAREN" | "RPAREN" | "LBRACKET" | "RBRACKET" | "COMMA";

interface Token {
  type: TokenType;
  value: unknown;
  pos: number;
  line: number;
}

/** Tokens up to the first character no rule matches; ply reads tokens as the parser asks, so that error waits its turn. */
interface Tokens {
  tokens: Token[];
  error: FilterSyntaxError | null;
}

const RESERVED = new Set(["and", "or", "in", "not", "true", "false", "is", "undefined", "contains"]);

/** Token rules in filter.py's order: the first that matches at a position wins (ply's master regex). */
const RULES: ReadonlyArray<readonly [TokenType | null, RegExp]> = [
  ["LPAREN", /\(/y],
  ["RPAREN", /\)/y],
  ["LBRACKET", /\[/y],
  ["RBRACKET", /\]/y],
  ["NEQ", /<>|!=/y],
  ["EQ", /=/y],
  ["LTE", /<=/y],
  ["LT", /</y],
  ["GTE", />=/y],
  ["GT", />/y],
  ["COMMA", /,/y],
  ["ID", /[a-zA-Z][^ ,<>!=\n()[\]]*/y],
  ["NUMBER", /-?\.?\d+(\.\d+)?(e(\+|-)?(\d+))?/y],
  ["STR_LITERAL", /("([^\\\n]|(\\.))*?")|('([^\\\n]|(\\.))*?')/y],
  [null, /\n+/y],
];

/** Guild's syntax errors: `line N, pos P: what`, or the end of the expression. */
class FilterSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly pos: number | null,
    readonly what: string,
  ) {
    super(what);
  }
}

function decodeYamlValue(text: string): unknown {
  try {
    return loadYaml(text);
  } catch {
    return text;
  }
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    if (text[pos] === " " || text[pos] === "\t") {
      pos++;
      continue;
    }
    let matched = false;
    for (const [type, pattern] of RULES) {
      pattern.lastIndex = pos;
      const match = pattern.exec(text);
      if (!match) continue;
      matched = true;
      const value = match[0];
      if (type === null) line += value.length;
      else if (type === "ID") tokens.push({ type: RESERVED.has(value.toLowerCase()) ? (value.toUpperCase() as TokenType) : "ID", value, pos, line });
      else if (type === "NUMBER" || type === "STR_LITERAL") tokens.push({ type, value: decodeYamlValue(value), pos, line });
      else tokens.push({ type, value, pos, line });
      pos += value.length;
      break;
    }
    if (!matched) return { tokens, error: new FilterSyntaxError(line, pos, `unexpected character '${text[pos]}'`) };
  }
  return { tokens, error: null };
}

/** A parsed expression: evaluated per run. */
export type FilterExpr = (run: FilterRunValues) => unknown;

const COMPARISONS: Partial<Record<TokenType, (a: unknown, b: unknown) => boolean>> = {
  EQ: (a, b) => pyEquals(a, b),
  NEQ: (a, b) => !pyEquals(a, b),
  LT: (a, b) => pyCompare(a, b, (order) => order < 0),
  LTE: (a, b) => pyCompare(a, b, (order) => order <= 0),
  GT: (a, b) => pyCompare(a, b, (order) => order > 0),
  GTE: (a, b) => pyCompare(a, b, (order) => order >= 0),
};

class Parser {
  private index = 0;
  private readonly tokens: Token[];
  private readonly lexError: FilterSyntaxError | null;
  constructor(lexed: Tokens) {
    this.tokens = lexed.tokens;
    this.lexError = lexed.error;
  }

  parse(): FilterExpr {
    const expr = this.expression();
    if (this.index < this.tokens.length) this.unexpected();
    return expr;
  }

  private peek(offset = 0): Token | undefined {
    const token = this.tokens[this.index + offset];
    if (!token && this.lexError) throw this.lexError;
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (!token) throw new FilterSyntaxError(1, null, "EOF");
    this.index++;
    return token;
  }

  private unexpected(): never {
    const token = this.peek();
    if (!token) throw new FilterSyntaxError(1, null, "EOF");
    throw new FilterSyntaxError(token.line, token.pos, `unexpected token ${pyRepr(token.value)}`);
  }

  private expect(type: TokenType): Token {
    if (this.peek()?.type !== type) this.unexpected();
    return this.next();
  }

  /** `and` and `or` share one precedence and group to the right, as filter.py declares them. */
  private expression(): FilterExpr {
    const left = this.unary();
    const op = this.peek()?.type;
    if (op !== "AND" && op !== "OR") return left;
    this.next();
    const right = this.expression();
    return op === "AND" ? (run) => pyTruthy(left(run)) ? right(run) : left(run) : (run) => pyTruthy(left(run)) ? left(run) : right(run);
  }

  private unary(): FilterExpr {
    if (this.peek()?.type === "NOT") {
      this.next();
      const operand = this.unary();
      return (run) => !pyTruthy(operand(run));
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const token = this.peek();
    if (!token) this.unexpected();
    if (token.type === "LPAREN") {
      this.next();
      const expr = this.expression();
      this.expect("RPAREN");
      return expr;
    }
    if (token.type === "ID") {
      const after = this.peek(1)?.type;
      if (after && (after in COMPARISONS || after === "IS" || after === "IN" || after === "NOT" || after === "CONTAINS")) return this.runTest();
    }
    const term = this.term();
    return () => term;
  }

  private runTest(): FilterExpr {
    const ref = String(this.next().value);
    const op = this.next();
    const compare = COMPARISONS[op.type];
    if (compare) {
      const target = this.term();
      return (run) => compare(runValue(run, ref), target);
    }
    if (op.type === "IS") {
      const negate = this.peek()?.type === "NOT" ? (this.next(), true) : false;
      const target = this.term();
      return (run) => pyIs(runValue(run, ref), target) !== negate;
    }
    const negate = op.type === "NOT";
    const kind = negate ? this.next().type : op.type;
    if (kind === "IN") {
      const targets = this.termList();
      return (run) => targets.some((target) => pyEquals(runValue(run, ref), target)) !== negate;
    }
    if (kind !== "CONTAINS") {
      this.index--;
      this.unexpected();
    }
    const target = this.term();
    return (run) => contains(runValue(run, ref), target) !== negate;
  }

  private term(): unknown {
    const token = this.peek();
    if (!token) this.unexpected();
    switch (token.type) {
      case "NUMBER":
      case "STR_LITERAL":
      case "ID":
        this.next();
        return token.value;
      case "TRUE":
        this.next();
        return true;
      case "FALSE":
        this.next();
        return false;
      case "UNDEFINED":
        this.next();
        return null;
      case "LBRACKET":
        return this.termList();
      default:
        this.unexpected();
    }
  }

  private termList(): unknown[] {
    this.expect("LBRACKET");
    const terms = [this.term()];
    while (this.peek()?.type === "COMMA") {
      this.next();
      terms.push(this.term());
    }
    this.expect("RBRACKET");
    return terms;
  }
}

/** filter._get_run_val: `attr:`, `flag:` and `scalar:` name where to look; otherwise attr, then flag, then scalar. */
function runValue(run: FilterRunValues, ref: string): unknown {
  if (ref.startsWith("attr:")) return run.attr(ref.slice(5)) ?? null;
  if (ref.startsWith("flag:")) return run.flag(ref.slice(5)) ?? null;
  if (ref.startsWith("scalar:")) return run.scalar(ref.slice(7)) ?? null;
  const attr = run.attr(ref);
  if (attr !== null && attr !== undefined) return attr;
  const flag = run.flag(ref);
  if (flag !== null && flag !== undefined) return flag;
  return run.scalar(ref) ?? null;
}

/** Python truthiness of a decoded value. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  const number = numericValue(value);
  if (number !== null) return number !== 0;
  if (typeof value === "string" || Array.isArray(value)) return value.length > 0;
  if (isMapping(value)) return Object.keys(value).length > 0;
  return true;
}

/** Python's ordering of two values; a TypeError (mixed kinds) makes the test false, as filter.RunTest does. */
function pyCompare(a: unknown, b: unknown, test: (order: number) => boolean): boolean {
  const order = pyOrder(a, b);
  return order !== null && test(order);
}

function pyOrder(a: unknown, b: unknown): number | null {
  const na = typeof a === "boolean" ? Number(a) : numericValue(a);
  const nb = typeof b === "boolean" ? Number(b) : numericValue(b);
  if (na !== null && nb !== null) return na < nb ? -1 : na > nb ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let index = 0; index < Math.min(a.length, b.length); index++) {
      if (pyEquals(a[index], b[index])) continue;
      return pyOrder(a[index], b[index]);
    }
    return a.length - b.length;
  }
  return null;
}

/** Python `is` for decoded values: None, bools and small ints are singletons; strings compare by value here. */
function pyIs(a: unknown, b: unknown): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) return false;
  if (Array.isArray(a) || Array.isArray(b) || isMapping(a) || isMapping(b)) return false;
  return a === b;
}

/** filter.Contains: list membership, else a case-insensitive substring of the value's text. */
function contains(value: unknown, target: unknown): boolean {
  if (!pyTruthy(value)) return false;
  if (Array.isArray(value)) return value.some((item) => pyEquals(target, item));
  return pyText(value).toLowerCase().includes(pyText(target).toLowerCase());
}

const pyText = (value: unknown) => pyStr(value);

/** Parses a filter expression; bad syntax is Guild's CliError (runs_impl._filter_syntax_error). */
export function parseFilterExpr(text: string): FilterExpr {
  try {
    return new Parser(tokenize(text)).parse();
  } catch (error) {
    if (!(error instanceof FilterSyntaxError)) throw error;
    if (error.pos === null) throw new CliError("syntax error in filter - unexpected end of expresion");
    if (error.line === 1) throw new CliError(`syntax error in filter at position ${error.pos}: ${error.what}`);
    throw new CliError(`syntax error in filter on line ${error.line}, position ${error.pos}: ${error.what}`);
  }
}
