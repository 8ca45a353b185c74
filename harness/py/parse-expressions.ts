// Expression parsing (CPython's grammar from `test` down to atoms) and the token helpers statements share.
import type { BinaryOp, CallArg, CompareOp, DictEntry, Expr, Param, ComprehensionClause } from "./ast.js";
import { parseFString } from "./fstring.js";
import { intMaxStrDigits, recursionError } from "./limits.js";
import { PySyntaxError, tokenize, type Token } from "./tokenize.js";
import { pyBytesOfLatin1, pyFloat, pyInt, pyNone, pyBool, pyStr } from "./values.js";

/** How deep the parse is, and how deep it may go, when a parser starts (f-string fields start deeper). */
export interface Nesting {
  readonly depth: number;
  readonly maxDepth: number;
  /** Brackets open around the source being parsed. */
  readonly brackets: number;
}

/** Parses a single expression (used for f-string fields); throws PySyntaxError. */
export function parseExpression(source: string, lineOffset: number, nesting: Nesting): Expr {
  const tokens = tokenize(source.trim(), nesting.brackets).filter((token) => token.type !== "newline");
  for (const token of tokens) token.line += lineOffset;
  const parser = new ExpressionParser(tokens, nesting);
  const expr = parser.parseTestListExpr();
  parser.expectEnd();
  return expr;
}

export const augmentedOperators = new Map<string, BinaryOp>([
  ["+=", "+"], ["-=", "-"], ["*=", "*"], ["/=", "/"], ["//=", "//"], ["%=", "%"], ["**=", "**"],
  ["|=", "|"], ["&=", "&"], ["^=", "^"], ["<<=", "<<"], [">>=", ">>"], ["@=", "@"],
]);
const keywords = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield",
]);
const binaryLevels: BinaryOp[][] = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];
const compareOperators = new Set(["==", "!=", "<", "<=", ">", ">="]);

export class ExpressionParser {
  protected index = 0;
  /** Nesting of the construct being parsed: it bounds the parser's recursion and the depth of the tree. */
  protected depth: number;
  protected readonly maxDepth: number;

  constructor(protected readonly tokens: Token[], nesting: Nesting) {
    this.depth = nesting.depth;
    this.maxDepth = nesting.maxDepth;
  }

  /**
   * One level deeper; past maxDepth, CPython's compile-time RecursionError. A parse that throws is
   * abandoned, so only a parse that returns needs to call leave().
   */
  protected enter(levels = 1): void {
    this.depth += levels;
    if (this.depth > this.maxDepth) throw recursionError("during compilation");
  }

  protected leave(levels = 1): void {
    this.depth -= levels;
  }

  protected get current(): Token {
    return this.tokens[this.index]!;
  }

  protected peek(offset = 1): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  protected next(): Token {
    const token = this.current;
    if (token.type !== "eof") this.index++;
    return token;
  }

  protected isOp(value: string): boolean {
    return this.current.type === "op" && this.current.value === value;
  }

  protected isKeyword(value: string): boolean {
    return this.current.type === "name" && this.current.value === value;
  }

  protected acceptOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.index++;
    return true;
  }

  protected acceptKeyword(value: string): boolean {
    if (!this.isKeyword(value)) return false;
    this.index++;
    return true;
  }

  protected fail(message = "invalid syntax", token = this.current): never {
    throw new PySyntaxError(message, token.line);
  }

  protected expectOp(value: string): void {
    if (!this.acceptOp(value)) {
      if (value === ":") this.fail("expected ':'");
      this.fail();
    }
  }

  protected expectKeyword(value: string): void {
    if (!this.acceptKeyword(value)) this.fail();
  }

  protected expectName(): string {
    const token = this.current;
    if (token.type !== "name" || keywords.has(token.value)) this.fail();
    this.index++;
    return token.value;
  }

  expectEnd(): void {
    if (this.current.type !== "eof") this.fail();
  }


  protected checkTarget(target: Expr, verb: string): void {
    switch (target.type) {
      case "name": case "attribute": case "subscript": return;
      case "starred": return this.checkTarget(target.value, verb);
      case "tuple": case "list": return target.items.forEach((item) => this.checkTarget(item, verb));
      default: throw new PySyntaxError(`cannot ${verb} ${describe(target)}`, target.line);
    }
  }


  protected parseTargetList(): Expr {
    const line = this.current.line;
    const first = this.parseStarOr(() => this.parseExpr());
    if (!this.isOp(",")) {
      this.checkTarget(first, "assign to");
      return first;
    }
    const items = [first];
    while (this.acceptOp(",")) {
      if (this.isKeyword("in") || this.isOp("=")) break;
      items.push(this.parseStarOr(() => this.parseExpr()));
    }
    const target: Expr = { type: "tuple", line, items };
    this.checkTarget(target, "assign to");
    return target;
  }

  protected parseStarOr(parseItem: () => Expr): Expr {
    if (this.isOp("*")) {
      const line = this.next().line;
      return { type: "starred", line, value: this.parseExpr() };
    }
    return parseItem();
  }

  /** Comma-separated tests; a trailing comma or several items make a tuple. */
  parseTestList(): Expr {
    return this.parseSequence(() => this.parseTest());
  }

  protected parseTestListStarExpr(): Expr {
    return this.parseSequence(() => this.parseStarOr(() => this.parseTest()));
  }

  parseTestListExpr(): Expr {
    return this.parseTestListStarExpr();
  }

  protected parseSequence(parseItem: () => Expr): Expr {
    const line = this.current.line;
    const first = parseItem();
    if (!this.isOp(",")) return first;
    const items = [first];
    while (this.acceptOp(",")) {
      if (this.atSequenceEnd()) break;
      items.push(parseItem());
    }
    return { type: "tuple", line, items };
  }

  protected atSequenceEnd(): boolean {
    const token = this.current;
    if (token.type === "newline" || token.type === "eof") return true;
    return token.type === "op" && [")", "]", "}", "=", ";", ":"].includes(token.value) || augmentedOperators.has(token.value);
  }

  protected parseNamedTest(): Expr {
    return this.parseTest();
  }

  parseTest(): Expr {
    this.enter();
    const expr = this.parseTestAt();
    this.leave();
    return expr;
  }

  private parseTestAt(): Expr {
    if (this.isKeyword("lambda")) return this.parseLambda();
    const line = this.current.line;
    const body = this.parseOrTest();
    if (!this.acceptKeyword("if")) return body;
    const test = this.parseOrTest();
    if (!this.acceptKeyword("else")) this.fail("expected 'else' after 'if' expression");
    return { type: "ifexp", line, test, body, orelse: this.parseTest() };
  }

  protected parseTestNoCondition(): Expr {
    return this.isKeyword("lambda") ? this.parseLambda() : this.parseOrTest();
  }

  protected parseLambda(): Expr {
    const line = this.next().line;
    const params = this.parseParams(":");
    this.expectOp(":");
    return { type: "lambda", line, params, body: this.parseTest() };
  }

  protected parseParams(end: string): Param[] {
    const params: Param[] = [];
    // After `*args` or a bare `*`, parameters are keyword-only.
    let keywordOnly = false;
    while (!this.isOp(end)) {
      if (this.acceptOp("**")) params.push({ name: this.expectName(), kind: "doublestar" });
      else if (this.acceptOp("*")) {
        keywordOnly = true;
        if (!this.isOp(",")) params.push({ name: this.expectName(), kind: "star" });
      } else {
        const name = this.expectName();
        if (end === ")" && this.acceptOp(":")) this.parseTest();
        const param: Param = { name, kind: keywordOnly ? "keyword" : "normal" };
        if (this.acceptOp("=")) param.default = this.parseTest();
        else if (!keywordOnly && params.some((earlier) => earlier.default && earlier.kind === "normal")) {
          this.fail("non-default argument follows default argument");
        }
        params.push(param);
      }
      if (!this.acceptOp(",")) break;
    }
    return params;
  }

  protected parseOrTest(): Expr {
    return this.parseBoolOp("or", () => this.parseAndTest());
  }

  protected parseAndTest(): Expr {
    return this.parseBoolOp("and", () => this.parseNotTest());
  }

  protected parseBoolOp(op: "and" | "or", parseOperand: () => Expr): Expr {
    const line = this.current.line;
    const first = parseOperand();
    if (!this.isKeyword(op)) return first;
    const values = [first];
    while (this.acceptKeyword(op)) values.push(parseOperand());
    return { type: "boolop", line, op, values };
  }

  protected parseNotTest(): Expr {
    if (this.isKeyword("not")) {
      const line = this.next().line;
      this.enter();
      const operand = this.parseNotTest();
      this.leave();
      return { type: "unary", line, op: "not", operand };
    }
    return this.parseComparison();
  }

  protected parseComparison(): Expr {
    const line = this.current.line;
    const left = this.parseExpr();
    const ops: CompareOp[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const op = this.acceptCompareOperator();
      if (!op) break;
      ops.push(op);
      comparators.push(this.parseExpr());
    }
    return ops.length === 0 ? left : { type: "compare", line, left, ops, comparators };
  }

  protected acceptCompareOperator(): CompareOp | undefined {
    const token = this.current;
    if (token.type === "op" && compareOperators.has(token.value)) {
      this.next();
      return token.value as CompareOp;
    }
    if (this.acceptKeyword("in")) return "in";
    if (this.isKeyword("not") && this.peek().type === "name" && this.peek().value === "in") {
      this.index += 2;
      return "not in";
    }
    if (this.acceptKeyword("is")) return this.acceptKeyword("not") ? "is not" : "is";
    return undefined;
  }

  /** Bitwise and arithmetic operators, lowest precedence first. */
  parseExpr(level = 0): Expr {
    if (level === binaryLevels.length) return this.parseFactor();
    const line = this.current.line;
    let left = this.parseExpr(level + 1);
    // Each operator makes the tree one level deeper on the left: `1 + 1 + ...` nests as deep as it is long.
    let levels = 0;
    for (;;) {
      const token = this.current;
      if (token.type !== "op" || !binaryLevels[level]!.includes(token.value as BinaryOp)) break;
      this.next();
      this.enter();
      levels++;
      left = { type: "binary", line, op: token.value as BinaryOp, left, right: this.parseExpr(level + 1) };
    }
    this.leave(levels);
    return left;
  }

  protected parseFactor(): Expr {
    const token = this.current;
    if (token.type === "op" && (token.value === "-" || token.value === "+" || token.value === "~")) {
      this.next();
      this.enter();
      const operand = this.parseFactor();
      this.leave();
      return { type: "unary", line: token.line, op: token.value, operand };
    }
    return this.parsePower();
  }

  protected parsePower(): Expr {
    const line = this.current.line;
    const base = this.parsePrimary();
    if (!this.acceptOp("**")) return base;
    this.enter();
    const exponent = this.parseFactor();
    this.leave();
    return { type: "binary", line, op: "**", left: base, right: exponent };
  }

  protected parsePrimary(): Expr {
    let expr = this.parseAtom();
    // Each trailer nests the tree one level deeper: `x.a.b(1)[0]`.
    let levels = 0;
    for (;;) {
      const line = this.current.line;
      if (this.acceptOp(".")) {
        expr = { type: "attribute", line, object: expr, name: this.expectName() };
      } else if (this.acceptOp("(")) {
        expr = { type: "call", line, func: expr, args: this.parseCallArgs() };
      } else if (this.acceptOp("[")) {
        expr = { type: "subscript", line, object: expr, index: this.parseSubscript() };
        this.expectOp("]");
      } else {
        break;
      }
      this.enter();
      levels++;
    }
    this.leave(levels);
    return expr;
  }

  protected parseCallArgs(): CallArg[] {
    const args: CallArg[] = [];
    while (!this.isOp(")")) {
      if (this.acceptOp("**")) args.push({ kind: "doublestar", value: this.parseTest() });
      else if (this.acceptOp("*")) args.push({ kind: "star", value: this.parseTest() });
      else if (this.current.type === "name" && this.peek().type === "op" && this.peek().value === "=") {
        const name = this.expectName();
        this.next();
        args.push({ kind: "keyword", name, value: this.parseTest() });
      } else {
        const line = this.current.line;
        const value = this.parseTest();
        if (this.isKeyword("for")) {
          args.push({ kind: "positional", value: { type: "comprehension", line, kind: "generator", element: value, clauses: this.parseComprehensionClauses() } });
        } else {
          if (args.some((arg) => arg.kind === "keyword" || arg.kind === "doublestar")) {
            this.fail(args.some((arg) => arg.kind === "doublestar") ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument");
          }
          args.push({ kind: "positional", value });
        }
      }
      if (!this.acceptOp(",")) break;
    }
    this.expectOp(")");
    return args;
  }

  protected parseSubscript(): Expr {
    const line = this.current.line;
    const first = this.parseSliceItem();
    if (!this.isOp(",")) return first;
    const items = [first];
    while (this.acceptOp(",")) {
      if (this.isOp("]")) break;
      items.push(this.parseSliceItem());
    }
    return { type: "tuple", line, items };
  }

  protected parseSliceItem(): Expr {
    const line = this.current.line;
    const lower = this.isOp(":") ? undefined : this.parseTest();
    if (!this.acceptOp(":")) return lower!;
    const slice: Expr & { type: "slice" } = { type: "slice", line, lower };
    if (!this.isOp(":") && !this.isOp("]") && !this.isOp(",")) slice.upper = this.parseTest();
    if (this.acceptOp(":") && !this.isOp("]") && !this.isOp(",")) slice.step = this.parseTest();
    return slice;
  }

  protected parseComprehensionClauses(): ComprehensionClause[] {
    const clauses: ComprehensionClause[] = [];
    while (this.acceptKeyword("for")) {
      const target = this.parseTargetList();
      this.expectKeyword("in");
      const iter = this.parseOrTest();
      const conditions: Expr[] = [];
      while (this.acceptKeyword("if")) conditions.push(this.parseTestNoCondition());
      clauses.push({ target, iter, conditions });
    }
    return clauses;
  }

  protected parseAtom(): Expr {
    const token = this.current;
    const line = token.line;
    switch (token.type) {
      case "number":
        this.next();
        return { type: "constant", line, value: parseNumber(token) };
      case "string":
        return this.parseStrings();
      case "name":
        if (token.value === "True" || token.value === "False") {
          this.next();
          return { type: "constant", line, value: pyBool(token.value === "True") };
        }
        if (token.value === "None") {
          this.next();
          return { type: "constant", line, value: pyNone };
        }
        return { type: "name", line, name: this.expectName() };
      case "op":
        if (token.value === "(") return this.parseParenthesized();
        if (token.value === "[") return this.parseListDisplay();
        if (token.value === "{") return this.parseBraceDisplay();
        if (token.value === "...") this.fail("Ellipsis is not supported");
        break;
      case "indent":
        this.fail("unexpected indent");
    }
    if (token.type === "newline" || token.type === "eof") this.fail("invalid syntax");
    return this.fail();
  }

  protected parseStrings(): Expr {
    const line = this.current.line;
    const pieces: Token[] = [];
    while (this.current.type === "string") pieces.push(this.next());
    if (pieces.some((piece) => piece.bytes)) {
      if (!pieces.every((piece) => piece.bytes)) throw new PySyntaxError("cannot mix bytes and nonbytes literals", line);
      return { type: "constant", line, value: pyBytesOfLatin1(pieces.map((piece) => piece.value).join("")) };
    }
    if (pieces.every((piece) => !piece.formatted)) {
      return { type: "constant", line, value: pyStr(pieces.map((piece) => piece.value).join("")) };
    }
    const parts = pieces.flatMap((piece) =>
      piece.formatted ? parseFString(piece.value, piece.raw === true, piece.line, { depth: this.depth, maxDepth: this.maxDepth, brackets: (piece.brackets ?? 0) + 1 }) : [piece.value]);
    return { type: "fstring", line, parts };
  }

  protected parseParenthesized(): Expr {
    const line = this.next().line;
    if (this.acceptOp(")")) return { type: "tuple", line, items: [] };
    const first = this.parseStarOr(() => this.parseTest());
    if (this.isKeyword("for")) {
      const clauses = this.parseComprehensionClauses();
      this.expectOp(")");
      return { type: "comprehension", line, kind: "generator", element: first, clauses };
    }
    if (this.acceptOp(")")) {
      if (first.type === "starred") this.fail("cannot use starred expression here");
      return first;
    }
    const items = [first];
    while (this.acceptOp(",")) {
      if (this.isOp(")")) break;
      items.push(this.parseStarOr(() => this.parseTest()));
    }
    this.expectOp(")");
    return { type: "tuple", line, items };
  }

  protected parseListDisplay(): Expr {
    const line = this.next().line;
    if (this.acceptOp("]")) return { type: "list", line, items: [] };
    const first = this.parseStarOr(() => this.parseTest());
    if (this.isKeyword("for")) {
      const clauses = this.parseComprehensionClauses();
      this.expectOp("]");
      return { type: "comprehension", line, kind: "list", element: first, clauses };
    }
    const items = [first];
    while (this.acceptOp(",")) {
      if (this.isOp("]")) break;
      items.push(this.parseStarOr(() => this.parseTest()));
    }
    this.expectOp("]");
    return { type: "list", line, items };
  }

  protected parseBraceDisplay(): Expr {
    const line = this.next().line;
    if (this.acceptOp("}")) return { type: "dict", line, entries: [] };
    const firstEntry = this.parseDictOrSetItem();
    if (this.isKeyword("for")) {
      const clauses = this.parseComprehensionClauses();
      this.expectOp("}");
      if ("item" in firstEntry) return { type: "comprehension", line, kind: "set", element: firstEntry.item, clauses };
      if (!firstEntry.key) this.fail("dict unpacking cannot be used in dict comprehension");
      return { type: "comprehension", line, kind: "dict", element: firstEntry.key, value: firstEntry.value, clauses };
    }
    const entries = [firstEntry];
    while (this.acceptOp(",")) {
      if (this.isOp("}")) break;
      entries.push(this.parseDictOrSetItem());
    }
    this.expectOp("}");
    const isSet = "item" in firstEntry;
    if (entries.some((entry) => ("item" in entry) !== isSet)) this.fail();
    if (isSet) return { type: "set", line, items: entries.map((entry) => (entry as { item: Expr }).item) };
    return { type: "dict", line, entries: entries as DictEntry[] };
  }

  protected parseDictOrSetItem(): DictEntry | { item: Expr } {
    if (this.acceptOp("**")) return { value: this.parseExpr() };
    const first = this.parseStarOr(() => this.parseTest());
    if (first.type !== "starred" && this.acceptOp(":")) return { key: first, value: this.parseTest() };
    return { item: first };
  }
}

function parseNumber(token: Token): ReturnType<typeof pyInt> | ReturnType<typeof pyFloat> {
  const text = token.value.replace(/_/g, "");
  if (/[jJ]$/.test(text)) throw new PySyntaxError("complex numbers are not supported", token.line);
  if (/^0[xXoObB]/.test(text)) return pyInt(BigInt(text.toLowerCase()));
  if (/[.eE]/.test(text)) return pyFloat(Number(text));
  if (/^0+\d/.test(text) && /[1-9]/.test(text)) {
    throw new PySyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", token.line);
  }
  if (text.length > intMaxStrDigits) {
    throw new PySyntaxError(
      `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion: value has ${text.length} digits; ` +
        "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
      token.line,
    );
  }
  return pyInt(BigInt(text));
}

export function describe(expr: Expr): string {
  switch (expr.type) {
    case "constant": return expr.value.kind === "none" || expr.value.kind === "bool" ? expr.value.kind === "none" ? "None" : expr.value.value ? "True" : "False" : "literal";
    case "call": return "function call";
    case "binary": case "unary": return "expression";
    case "boolop": return "expression";
    case "compare": return "comparison";
    case "ifexp": return "conditional expression";
    case "lambda": return "lambda";
    case "fstring": return "f-string expression";
    case "comprehension": return expr.kind === "generator" ? "generator expression" : `${expr.kind} comprehension`;
    case "dict": return "dict literal";
    case "set": return "set display";
    default: return "expression";
  }
}

