// Parser: statement and expression shapes, precedence, and syntax errors with their line offsets.
import { describe, expect, test } from "vitest";
import type { Expr, Stmt } from "./ast.js";
import { parse } from "./parse.js";
import { pyRepr } from "./repr.js";
import { PySyntaxError } from "./tokenize.js";

/** A compact Lisp-like rendering of the tree, enough to pin structure and precedence. */
function expr(node: Expr): string {
  switch (node.type) {
    case "name": return node.name;
    case "constant": return pyRepr(node.value);
    case "fstring": return `(f ${node.parts.map((part) => (typeof part === "string" ? JSON.stringify(part) : `{${expr(part.expr)}${part.conversion ? "!" + part.conversion : ""}${part.spec ? ":" + part.spec.map((piece) => (typeof piece === "string" ? piece : "{}")).join("") : ""}}`)).join(" ")})`;
    case "list": case "tuple": case "set": return `(${node.type} ${node.items.map(expr).join(" ")})`;
    case "dict": return `(dict ${node.entries.map((entry) => (entry.key ? `${expr(entry.key)}:${expr(entry.value)}` : `**${expr(entry.value)}`)).join(" ")})`;
    case "comprehension": return `(${node.kind}comp ${expr(node.element)}${node.value ? ":" + expr(node.value) : ""} ${node.clauses.map((clause) => `for ${expr(clause.target)} in ${expr(clause.iter)}${clause.conditions.map((condition) => " if " + expr(condition)).join("")}`).join(" ")})`;
    case "attribute": return `(. ${expr(node.object)} ${node.name})`;
    case "subscript": return `([] ${expr(node.object)} ${expr(node.index)})`;
    case "slice": return `(slice ${node.lower ? expr(node.lower) : "_"} ${node.upper ? expr(node.upper) : "_"} ${node.step ? expr(node.step) : "_"})`;
    case "call": return `(call ${expr(node.func)}${node.args.map((arg) => " " + (arg.kind === "keyword" ? `${arg.name}=` : arg.kind === "star" ? "*" : arg.kind === "doublestar" ? "**" : "") + expr(arg.value)).join("")})`;
    case "unary": return `(${node.op} ${expr(node.operand)})`;
    case "binary": return `(${node.op} ${expr(node.left)} ${expr(node.right)})`;
    case "boolop": return `(${node.op} ${node.values.map(expr).join(" ")})`;
    case "compare": return `(${[expr(node.left), ...node.ops.map((op, index) => `${op} ${expr(node.comparators[index]!)}`)].join(" ")})`;
    case "ifexp": return `(if ${expr(node.test)} ${expr(node.body)} ${expr(node.orelse)})`;
    case "lambda": return `(lambda ${node.params.map((param) => param.name).join(",")} ${expr(node.body)})`;
    case "starred": return `(* ${expr(node.value)})`;
  }
}

function statement(node: Stmt): string {
  switch (node.type) {
    case "expr": return expr(node.value);
    case "assign": return `(= ${node.targets.map(expr).join(" ")} ${expr(node.value)})`;
    case "augassign": return `(${node.op}= ${expr(node.target)} ${expr(node.value)})`;
    case "if": return `(if@${node.line} ${expr(node.test)} [${node.body.map(statement).join(" ")}] [${node.orelse.map(statement).join(" ")}])`;
    case "for": return `(for@${node.line} ${expr(node.target)} ${expr(node.iter)} [${node.body.map(statement).join(" ")}])`;
    case "import": return `(import ${node.names.map((name) => name.name + (name.asName ? " as " + name.asName : "")).join(", ")})`;
    case "importfrom": return `(from ${node.module} import ${node.names.map((name) => name.name + (name.asName ? " as " + name.asName : "")).join(", ")})`;
    default: return `(${node.type}@${node.line})`;
  }
}

describe("parse", () => {
  test.each([
    ["gf = guildfile.for_dir('.')", "(= gf (call (. guildfile for_dir) '.'))"],
    ["gf.models['m1']['steps-basic'].steps", "(. ([] ([] (. gf models) 'm1') 'steps-basic') steps)"],
    ["step_1_link_target == step_1_path", "(step_1_link_target == step_1_path)"],
    ["1 + 2 * 3 ** -2", "(+ 1 (* 2 (** 3 (- 2))))"],
    ["-2 ** 2", "(- (** 2 2))"],
    ["not a and b or c", "(or (and (not a) b) c)"],
    ["a < b <= c != d", "(a < b <= c != d)"],
    ["x not in y is not z", "(x not in y is not z)"],
    ["a if b else c if d else e", "(if b a (if d c e))"],
    ["a, b = b, a", "(= (tuple a b) (tuple b a))"],
    ["x = y = 1", "(= x y 1)"],
    ["first, *rest = items", "(= (tuple first (* rest)) items)"],
    ["x += 1", "(+= x 1)"],
    ["a[1:3], a[::-1], a[:], a[1:]", "(tuple ([] a (slice 1 3 _)) ([] a (slice _ _ (- 1))) ([] a (slice _ _ _)) ([] a (slice 1 _ _)))"],
    ["f(a, *b, c=1, **d)", "(call f a *b c=1 **d)"],
    ["sum(x for x in y)", "(call sum (generatorcomp x for x in y))"],
    ["[x for x in y if x if z for w in x]", "(listcomp x for x in y if x if z for w in x)"],
    ["{k: v for k, v in d.items()}", "(dictcomp k:v for (tuple k v) in (call (. d items)))"],
    ["{1, 2}, {}, {'a': 1, **b}", "(tuple (set 1 2) (dict ) (dict 'a':1 **b))"],
    ["(1,), (), (1)", "(tuple (tuple 1) (tuple ) 1)"],
    ["lambda x, y=1: x + y", "(lambda x,y (+ x y))"],
    ["f'a{b!r:>{w}}c'", "(f \"a\" {b!r:>{}} \"c\")"],
    ["'a' 'b'", "'ab'"],
    ["import a.b as c, d", "(import a.b as c, d)"],
    ["from x import (y as z, w,)", "(from x import y as z, w)"],
    ["for i in range(3):\n    print(i)\n", "(for@0 i (call range 3) [(call print i)])"],
    ["if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n", "(if@0 a [(pass@1)] [(if@2 b [(pass@3)] [(= x 1)])])"],
    ["x = 1; y = 2", "(= x 1) (= y 2)"],
    ["if a: b; c", "(if@0 a [b c] [])"],
  ])("%j", (source, expected) => {
    expect(parse(source).map(statement).join(" ")).toBe(expected);
  });

  test.each([
    ["x = 1 +", "invalid syntax", 0],
    ["1 = x", "cannot assign to literal", 0],
    ["f() = 1", "cannot assign to function call", 0],
    ["x + 1 += 2", "'expression' is an illegal expression for augmented assignment", 0],
    ["for x in y\n    pass", "expected ':'", 0],
    ["if x:\n", "expected an indented block after 'if' statement on line 1", 0],
    ["for x in y:\npass", "expected an indented block after 'for' statement on line 1", 1],
    ["  x = 1", "unexpected indent", 0],
    ["f(a=1, 2)", "positional argument follows keyword argument", 0],
    ["lambda a=1, b: 0", "non-default argument follows default argument", 0],
    ["x = 1\ny = (1 2)", "invalid syntax", 1],
    ["f'{}'", "f-string: empty expression not allowed", 0],
    ["try:\n    pass\n", "expected 'except' or 'finally' block", 2],
  ])("%j fails with %s", (source, message, lineOffset) => {
    let caught: unknown;
    try {
      parse(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PySyntaxError);
    expect({ message: (caught as PySyntaxError).message, lineOffset: (caught as PySyntaxError).lineOffset }).toEqual({ message, lineOffset });
  });
});
