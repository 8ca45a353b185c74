// Parses tokens into statements of the Python subset (recursive descent following CPython's grammar).
import type { ExceptHandler, ImportName, Stmt, WithItem } from "./ast.js";
import { defaultLimits } from "./limits.js";
import { ExpressionParser, augmentedOperators, describe } from "./parse-expressions.js";
import { PySyntaxError, tokenize } from "./tokenize.js";

export { parseExpression } from "./parse-expressions.js";

/**
 * Parses a whole source into statements; throws PySyntaxError, or CPython's RecursionError
 * (a PyError) when code nests deeper than `maxDepth`.
 */
export function parse(source: string, maxDepth = defaultLimits.maxDepth): Stmt[] {
  return new StatementParser(tokenize(source), { depth: 0, maxDepth, brackets: 0 }).parseModule();
}

/** CPython compiles at most this many loops and try statements nested in one function (CO_MAXBLOCKS). */
const maxNestedBlocks = 20;

class StatementParser extends ExpressionParser {
  /** Loops and try statements around the statement being parsed, within the current function. */
  private blocks = 0;

  parseModule(): Stmt[] {
    const statements: Stmt[] = [];
    while (this.current.type !== "eof") {
      if (this.current.type === "newline") {
        this.next();
        continue;
      }
      if (this.current.type === "indent") this.fail("unexpected indent");
      for (const statement of this.parseStatement()) statements.push(statement);
    }
    return statements;
  }

  private parseStatement(): Stmt[] {
    const token = this.current;
    if (token.type === "name") {
      switch (token.value) {
        case "if": return [this.parseIf()];
        case "for": return [this.nestedBlock(() => this.parseFor())];
        case "while": return [this.nestedBlock(() => this.parseWhile())];
        case "def": return [this.parseDef()];
        case "try": return [this.nestedBlock(() => this.parseTry())];
        case "with": return [this.nestedBlock(() => this.parseWith())];
      }
    }
    return this.parseSimpleStatements();
  }

  private nestedBlock(parse: () => Stmt): Stmt {
    if (this.blocks >= maxNestedBlocks) this.fail("too many statically nested blocks");
    this.blocks++;
    const statement = parse();
    this.blocks--;
    return statement;
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

  /** A suite after `keyword ...:` written at `headerLine`, one level deeper. */
  private parseBlock(keyword: string, headerLine: number): Stmt[] {
    this.expectOp(":");
    this.enter();
    const body = this.parseSuite(keyword, headerLine);
    this.leave();
    return body;
  }

  /** Simple statements on the same line as the header, or an indented block. */
  private parseSuite(keyword: string, headerLine: number): Stmt[] {
    if (this.current.type !== "newline") return this.parseSimpleStatements();
    this.next();
    const first = this.peek(0);
    if (first.type !== "indent") {
      const message = `expected an indented block after '${keyword}' statement on line ${headerLine + 1}`;
      throw new PySyntaxError(message, first.type === "eof" ? headerLine : first.line);
    }
    this.next();
    const body: Stmt[] = [];
    while (this.peek(0).type !== "dedent" && this.peek(0).type !== "eof") {
      for (const statement of this.parseStatement()) body.push(statement);
    }
    if (this.peek(0).type === "dedent") this.next();
    return body;
  }

  private parseIf(): Stmt {
    const keyword = this.current.value;
    const line = this.next().line;
    const test = this.parseNamedTest();
    const body = this.parseBlock(keyword, line);
    let orelse: Stmt[] = [];
    if (this.isKeyword("elif")) {
      // An elif chain nests each `if` in the one before.
      this.enter();
      orelse = [this.parseIf()];
      this.leave();
    } else if (this.isKeyword("else")) orelse = this.parseBlock("else", this.next().line);
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
    const outerBlocks = this.blocks;
    this.blocks = 0;
    const body = this.parseBlock("function definition", line);
    this.blocks = outerBlocks;
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

  private parseWith(): Stmt {
    const line = this.next().line;
    const items: WithItem[] = [];
    do {
      const item: WithItem = { context: this.parseTest() };
      if (this.acceptKeyword("as")) {
        item.target = this.parseExpr();
        this.checkTarget(item.target, "assign to");
      }
      items.push(item);
    } while (this.acceptOp(","));
    const body = this.parseBlock("with", line);
    return { type: "with", line, items, body };
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

}
