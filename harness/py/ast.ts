// Syntax tree of the Python subset; every node keeps its 0-based line within the source.
import type { PyValue } from "./values.js";

export type Expr =
  | { type: "name"; line: number; name: string }
  | { type: "constant"; line: number; value: PyValue }
  | { type: "fstring"; line: number; parts: FStringPart[] }
  | { type: "list" | "tuple" | "set"; line: number; items: Expr[] }
  | { type: "dict"; line: number; entries: DictEntry[] }
  | { type: "comprehension"; line: number; kind: "list" | "set" | "generator" | "dict"; element: Expr; value?: Expr; clauses: ComprehensionClause[] }
  | { type: "attribute"; line: number; object: Expr; name: string }
  | { type: "subscript"; line: number; object: Expr; index: Expr }
  | { type: "slice"; line: number; lower?: Expr; upper?: Expr; step?: Expr }
  | { type: "call"; line: number; func: Expr; args: CallArg[] }
  | { type: "unary"; line: number; op: "-" | "+" | "~" | "not"; operand: Expr }
  | { type: "binary"; line: number; op: BinaryOp; left: Expr; right: Expr }
  | { type: "boolop"; line: number; op: "and" | "or"; values: Expr[] }
  | { type: "compare"; line: number; left: Expr; ops: CompareOp[]; comparators: Expr[] }
  | { type: "ifexp"; line: number; test: Expr; body: Expr; orelse: Expr }
  | { type: "lambda"; line: number; params: Param[]; body: Expr }
  | { type: "starred"; line: number; value: Expr };

export type BinaryOp = "+" | "-" | "*" | "/" | "//" | "%" | "**" | "|" | "&" | "^" | "<<" | ">>" | "@";
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in" | "is" | "is not";

/** One piece of an f-string: literal text or a replacement field. */
export type FStringPart = string | { expr: Expr; conversion?: "r" | "s" | "a"; spec?: FStringPart[] };

/** `key: value`, or `**value` when key is undefined. */
export interface DictEntry { key?: Expr; value: Expr }
export interface ComprehensionClause { target: Expr; iter: Expr; conditions: Expr[] }
export interface CallArg { kind: "positional" | "star" | "keyword" | "doublestar"; name?: string; value: Expr }
/** A parameter; "keyword" ones come after `*args` or a bare `*` and are passed by name only. */
export interface Param { name: string; kind: "normal" | "keyword" | "star" | "doublestar"; default?: Expr }
export interface ImportName { name: string; asName?: string }
export interface ExceptHandler { line: number; exceptionType?: Expr; name?: string; body: Stmt[] }

export type Stmt =
  | { type: "expr"; line: number; value: Expr }
  | { type: "assign"; line: number; targets: Expr[]; value: Expr }
  | { type: "augassign"; line: number; target: Expr; op: BinaryOp; value: Expr }
  | { type: "if"; line: number; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "for"; line: number; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "while"; line: number; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { type: "break" | "continue" | "pass"; line: number }
  | { type: "import"; line: number; names: ImportName[] }
  | { type: "importfrom"; line: number; module: string; names: ImportName[] }
  | { type: "def"; line: number; name: string; params: Param[]; body: Stmt[] }
  | { type: "return"; line: number; value?: Expr }
  | { type: "try"; line: number; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { type: "raise"; line: number; exception?: Expr }
  | { type: "assert"; line: number; test: Expr; message?: Expr }
  | { type: "del"; line: number; targets: Expr[] }
  | { type: "global"; line: number; names: string[] }
  | { type: "with"; line: number; items: WithItem[]; body: Stmt[] };

/** `context as target` in a with statement. */
export interface WithItem { context: Expr; target?: Expr }
