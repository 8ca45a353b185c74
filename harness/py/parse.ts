// Parses tokens into statements of the Python subset (recursive descent following CPython's grammar).
import type { BinaryOp, CallArg, CompareOp, DictEntry, ExceptHandler, Expr, ImportName, Param, Stmt, ComprehensionClause } from "./ast.js";
import { parseFString } from "./fstring.js";
import { PySyntaxError, tokenize, type Token } from "./tokenize.js";
import { pyFloat, pyInt, pyNone, pyBool, pyStr } from "./values.js";

/** Parses a whole source into statements; throws PySyntaxError. */
export function parse(source: string): Stmt[] {
  return new Parser(tokenize(source)).parseModule();
}

/** Parses a single expression (used for f-string fields); throws PySyntaxError. */
export function parseExpression(source: string, lineOffset: number): Expr {
  const tokens = tokenize(source.trim()).filter((token) => token.type !== "newline");
  for (const token of tokens) token.line += lineOffset;
  const parser = new Parser(tokens);
  const expr = parser.parseTestListExpr();
  parser.expectEnd();
  return expr;
}

const augmentedOperators = new Map<string, BinaryOp>([
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

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.index]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.current;
    if (token.type !== "eof") this.index++;
    return token;
  }

  private isOp(value: string): boolean {
    return this.current.type === "op" && this.current.value === value;
  }

  private isKeyword(value: string): boolean {
    return this.current.type === "name" && this.current.value === value;
  }

  private acceptOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.index++;
    return true;
  }

  private acceptKeyword(value: string): boolean {
    if (!this.isKeyword(value)) return false;
    this.index++;
    return true;
  }

  private fail(message = "invalid syntax", token = this.current): never {
    throw new PySyntaxError(message, token.line);
  }

  private expectOp(value: string): void {
    if (!this.acceptOp(value)) {
      if (value === ":") this.fail("expected ':'");
      this.fail();
    }
  }

  private expectKeyword(value: string): void {
    if (!this.acceptKeyword(value)) this.fail();
  }

  private expectName(): string {
    const token = this.current;
    if (token.type !== "name" || keywords.has(token.value)) this.fail();
    this.index++;
    return token.value;
  }

  expectEnd(): void {
    if (this.current.type !== "eof") this.fail();
  }

  parseModule(): Stmt[] {
    const statements: Stmt[] = [];
    while (this.current.type !== "eof") {
      if (this.current.type === "newline") {
        this.next();
        continue;
      }
      if (this.current.type === "indent") this.fail("unexpected indent");
      statements.push(...this.parseStatement());
    }
    return statements;
  }

  private parseStatement(): Stmt[] {
    const token = this.current;
    if (token.type === "name") {
      switch (token.value) {
        case "if": return [this.parseIf()];
        case "for": return [this.parseFor()];
        case "while": return [this.parseWhile()];
        case "def": return [this.parseDef()];
        case "try": return [this.parseTry()];
      }
    }
    return this.parseSimpleStatements();
  }

  private parseSimpleStatements(): Stmt[] {
    const statements = [this.parseSimpleStatement()];
    while (this.acceptOp(";")) {
      if (this.current.type === "newline" || this.current.type === "eof") break;
      statements.push(this.parseSimpleStatement());
    }
    if (this.current.type === "newline") this.next();
    else if (this.current.type !== "eof") this.fail();
    return statements;
  }

  /** A suite after `keyword ...:` written at `headerLine`: simple statements on the same line, or an indented block. */
  private parseBlock(keyword: string, headerLine: number): Stmt[] {
    this.expectOp(":");
    if (this.current.type !== "newline") return this.parseSimpleStatements();
    this.next();
    const first = this.peek(0);
    if (first.type !== "indent") {
      const message = `expected an indented block after '${keyword}' statement on line ${headerLine + 1}`;
      throw new PySyntaxError(message, first.type === "eof" ? headerLine : first.line);
    }
    this.next();
    const body: Stmt[] = [];
    while (this.peek(0).type !== "dedent" && this.peek(0).type !== "eof") body.push(...this.parseStatement());
    if (this.peek(0).type === "dedent") this.next();
    return body;
  }

  private parseIf(): Stmt {
    const keyword = this.current.value;
    const line = this.next().line;
    const test = this.parseNamedTest();
    const body = this.parseBlock(keyword, line);
    let orelse: Stmt[] = [];
    if (this.isKeyword("elif")) orelse = [this.parseIf()];
    else if (this.isKeyword("else")) orelse = this.parseBlock("else", this.next().line);
    return { type: "if", line, test, body, orelse };
  }

  private parseFor(): Stmt {
    const line = this.next().line;
    const target = this.parseTargetList();
    this.expectKeyword("in");
    const iter = this.parseTestList();
    const body = this.parseBlock("for", line);
    const orelse = this.isKeyword("else") ? this.parseBlock("else", this.next().line) : [];
    return { type: "for", line, target, iter, body, orelse };
  }

  private parseWhile(): Stmt {
    const line = this.next().line;
    const test = this.parseNamedTest();
    const body = this.parseBlock("while", line);
    const orelse = this.isKeyword("else") ? this.parseBlock("else", this.next().line) : [];
    return { type: "while", line, test, body, orelse };
  }

  private parseDef(): Stmt {
    const line = this.next().line;
    const name = this.expectName();
    this.expectOp("(");
    const params = this.parseParams(")");
    this.expectOp(")");
    if (this.acceptOp("->")) this.parseTest();
    const body = this.parseBlock("function definition", line);
    return { type: "def", line, name, params, body };
  }

  private parseTry(): Stmt {
    const line = this.next().line;
    const body = this.parseBlock("try", line);
    const handlers: ExceptHandler[] = [];
    while (this.isKeyword("except")) {
      const handlerLine = this.next().line;
      const handler: ExceptHandler = { line: handlerLine, body: [] };
      if (!this.isOp(":")) {
        handler.exceptionType = this.parseTest();
        if (this.isOp(",")) {
          const items = [handler.exceptionType];
          while (this.acceptOp(",")) items.push(this.parseTest());
          handler.exceptionType = { type: "tuple", line: handlerLine, items };
        }
        if (this.acceptKeyword("as")) handler.name = this.expectName();
      }
      handler.body = this.parseBlock("except", handlerLine);
      handlers.push(handler);
    }
    const orelse = handlers.length > 0 && this.isKeyword("else") ? this.parseBlock("else", this.next().line) : [];
    const finalbody = this.isKeyword("finally") ? this.parseBlock("finally", this.next().line) : [];
    if (handlers.length === 0 && finalbody.length === 0) this.fail("expected 'except' or 'finally' block");
    return { type: "try", line, body, handlers, orelse, finalbody };
  }

  private parseSimpleStatement(): Stmt {
    const token = this.current;
    const line = token.line;
    if (token.type === "name") {
      switch (token.value) {
        case "pass": case "break": case "continue":
          this.next();
          return { type: token.value, line };
        case "return": {
          this.next();
          const atEnd = this.current.type === "newline" || this.current.type === "eof" || this.isOp(";");
          return atEnd ? { type: "return", line } : { type: "return", line, value: this.parseTestList() };
        }
        case "raise": {
          this.next();
          const atEnd = this.current.type === "newline" || this.current.type === "eof" || this.isOp(";");
          if (atEnd) return { type: "raise", line };
          const exception = this.parseTest();
          if (this.acceptKeyword("from")) this.parseTest();
          return { type: "raise", line, exception };
        }
        case "assert": {
          this.next();
          const test = this.parseTest();
          return this.acceptOp(",") ? { type: "assert", line, test, message: this.parseTest() } : { type: "assert", line, test };
        }
        case "del": {
          this.next();
          const targets = [this.parseExpr()];
          while (this.acceptOp(",")) targets.push(this.parseExpr());
          targets.forEach((target) => this.checkTarget(target, "delete"));
          return { type: "del", line, targets };
        }
        case "global": case "nonlocal": {
          this.next();
          const names = [this.expectName()];
          while (this.acceptOp(",")) names.push(this.expectName());
          return { type: "global", line, names };
        }
        case "import": return this.parseImport();
        case "from": return this.parseFromImport();
      }
    }
    const first = this.parseTestListStarExpr();
    const augmented = this.current.type === "op" ? augmentedOperators.get(this.current.value) : undefined;
    if (augmented) {
      this.next();
      if (first.type !== "name" && first.type !== "attribute" && first.type !== "subscript") {
        this.fail(`'${describe(first)}' is an illegal expression for augmented assignment`, token);
      }
      return { type: "augassign", line, target: first, op: augmented, value: this.parseTestList() };
    }
    if (this.isOp(":")) this.fail("annotations are not supported");
    if (!this.isOp("=")) return { type: "expr", line, value: first };
    const targets = [first];
    let value = first;
    while (this.acceptOp("=")) {
      value = this.parseTestListStarExpr();
      targets.push(value);
    }
    targets.pop();
    targets.forEach((target) => this.checkTarget(target, "assign to"));
    return { type: "assign", line, targets, value };
  }

  private checkTarget(target: Expr, verb: string): void {
    switch (target.type) {
      case "name": case "attribute": case "subscript": return;
      case "starred": return this.checkTarget(target.value, verb);
      case "tuple": case "list": return target.items.forEach((item) => this.checkTarget(item, verb));
      default: throw new PySyntaxError(`cannot ${verb} ${describe(target)}`, target.line);
    }
  }

  private parseDottedName(): string {
    let name = this.expectName();
    while (this.acceptOp(".")) name += "." + this.expectName();
    return name;
  }

  private parseImport(): Stmt {
    const line = this.next().line;
    const names: ImportName[] = [];
    do {
      const name = this.parseDottedName();
      names.push(this.acceptKeyword("as") ? { name, asName: this.expectName() } : { name });
    } while (this.acceptOp(","));
    return { type: "import", line, names };
  }

  private parseFromImport(): Stmt {
    const line = this.next().line;
    const module = this.parseDottedName();
    this.expectKeyword("import");
    if (this.isOp("*")) this.fail("'import *' is not supported");
    const parenthesized = this.acceptOp("(");
    const names: ImportName[] = [];
    do {
      if (parenthesized && this.isOp(")")) break;
      const name = this.expectName();
      names.push(this.acceptKeyword("as") ? { name, asName: this.expectName() } : { name });
    } while (this.acceptOp(","));
    if (parenthesized) this.expectOp(")");
    return { type: "importfrom", line, module, names };
  }

  private parseTargetList(): Expr {
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

  private parseStarOr(parseItem: () => Expr): Expr {
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

  private parseTestListStarExpr(): Expr {
    return this.parseSequence(() => this.parseStarOr(() => this.parseTest()));
  }

  parseTestListExpr(): Expr {
    return this.parseTestListStarExpr();
  }

  private parseSequence(parseItem: () => Expr): Expr {
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

  private atSequenceEnd(): boolean {
    const token = this.current;
    if (token.type === "newline" || token.type === "eof") return true;
    return token.type === "op" && [")", "]", "}", "=", ";", ":"].includes(token.value) || augmentedOperators.has(token.value);
  }

  private parseNamedTest(): Expr {
    return this.parseTest();
  }

  parseTest(): Expr {
    if (this.isKeyword("lambda")) return this.parseLambda();
    const line = this.current.line;
    const body = this.parseOrTest();
    if (!this.acceptKeyword("if")) return body;
    const test = this.parseOrTest();
    if (!this.acceptKeyword("else")) this.fail("expected 'else' after 'if' expression");
    return { type: "ifexp", line, test, body, orelse: this.parseTest() };
  }

  private parseTestNoCondition(): Expr {
    return this.isKeyword("lambda") ? this.parseLambda() : this.parseOrTest();
  }

  private parseLambda(): Expr {
    const line = this.next().line;
    const params = this.parseParams(":");
    this.expectOp(":");
    return { type: "lambda", line, params, body: this.parseTest() };
  }

  private parseParams(end: string): Param[] {
    const params: Param[] = [];
    while (!this.isOp(end)) {
      if (this.acceptOp("**")) params.push({ name: this.expectName(), kind: "doublestar" });
      else if (this.acceptOp("*")) params.push({ name: this.expectName(), kind: "star" });
      else {
        const name = this.expectName();
        if (end === ")" && this.acceptOp(":")) this.parseTest();
        const param: Param = { name, kind: "normal" };
        if (this.acceptOp("=")) param.default = this.parseTest();
        else if (params.some((earlier) => earlier.default && earlier.kind === "normal")) {
          this.fail("non-default argument follows default argument");
        }
        params.push(param);
      }
      if (!this.acceptOp(",")) break;
    }
    return params;
  }

  private parseOrTest(): Expr {
    return this.parseBoolOp("or", () => this.parseAndTest());
  }

  private parseAndTest(): Expr {
    return this.parseBoolOp("and", () => this.parseNotTest());
  }

  private parseBoolOp(op: "and" | "or", parseOperand: () => Expr): Expr {
    const line = this.current.line;
    const first = parseOperand();
    if (!this.isKeyword(op)) return first;
    const values = [first];
    while (this.acceptKeyword(op)) values.push(parseOperand());
    return { type: "boolop", line, op, values };
  }

  private parseNotTest(): Expr {
    if (this.isKeyword("not")) {
      const line = this.next().line;
      return { type: "unary", line, op: "not", operand: this.parseNotTest() };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
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

  private acceptCompareOperator(): CompareOp | undefined {
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
    for (;;) {
      const token = this.current;
      if (token.type !== "op" || !binaryLevels[level]!.includes(token.value as BinaryOp)) return left;
      this.next();
      left = { type: "binary", line, op: token.value as BinaryOp, left, right: this.parseExpr(level + 1) };
    }
  }

  private parseFactor(): Expr {
    const token = this.current;
    if (token.type === "op" && (token.value === "-" || token.value === "+" || token.value === "~")) {
      this.next();
      return { type: "unary", line: token.line, op: token.value, operand: this.parseFactor() };
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const line = this.current.line;
    const base = this.parsePrimary();
    if (!this.acceptOp("**")) return base;
    return { type: "binary", line, op: "**", left: base, right: this.parseFactor() };
  }

  private parsePrimary(): Expr {
    let expr = this.parseAtom();
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
        return expr;
      }
    }
  }

  private parseCallArgs(): CallArg[] {
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

  private parseSubscript(): Expr {
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

  private parseSliceItem(): Expr {
    const line = this.current.line;
    const lower = this.isOp(":") ? undefined : this.parseTest();
    if (!this.acceptOp(":")) return lower!;
    const slice: Expr & { type: "slice" } = { type: "slice", line, lower };
    if (!this.isOp(":") && !this.isOp("]") && !this.isOp(",")) slice.upper = this.parseTest();
    if (this.acceptOp(":") && !this.isOp("]") && !this.isOp(",")) slice.step = this.parseTest();
    return slice;
  }

  private parseComprehensionClauses(): ComprehensionClause[] {
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

  private parseAtom(): Expr {
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

  private parseStrings(): Expr {
    const line = this.current.line;
    const pieces: Token[] = [];
    while (this.current.type === "string") pieces.push(this.next());
    if (pieces.every((piece) => !piece.formatted)) {
      return { type: "constant", line, value: pyStr(pieces.map((piece) => piece.value).join("")) };
    }
    const parts = pieces.flatMap((piece) =>
      piece.formatted ? parseFString(piece.value, piece.raw === true, piece.line) : [piece.value]);
    return { type: "fstring", line, parts };
  }

  private parseParenthesized(): Expr {
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

  private parseListDisplay(): Expr {
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

  private parseBraceDisplay(): Expr {
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

  private parseDictOrSetItem(): DictEntry | { item: Expr } {
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
  return pyInt(BigInt(text));
}

function describe(expr: Expr): string {
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

