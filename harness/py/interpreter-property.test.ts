// Property tests: any source gives a value or one Python error, within the example's budget, and only our own values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PyError } from "./errors.js";
import { createInterpreter, type ExecResult } from "./interpreter.js";
import type { Limits } from "./limits.js";
import type { PyValue } from "./values.js";

/** Small limits keep every run short; what holds for them holds for the defaults, which are the same checks. */
const limits: Partial<Limits> = { maxSteps: 5_000, maxSize: 100_000, maxIntBits: 100_000, maxDepth: 200 };

const atom = fc.constantFrom(
  "0", "1", "(-1)", "7", "2**64", "10**9", "9**9**9", "1.5", "1e308", "float('inf')", "float('nan')", "''", "'ab'", "'é\\U0001f600'",
  "'%d'", "'%s%*d'", "'{}'", "'{0[0]}'", "'{:>99999999}'", "'{:.9999999f}'", "'\\n'", "None", "True", "[]", "()", "{}", "x", "y", "f",
  "range(10)", "range(2**70)", "[1, 'a']", "(1,)", "{'a': [1]}", "{1, 2}", "len", "str", "int", "repr", "sorted", "list", "dict", "chr",
  "format", "sum", "min", "zip", "map", "enumerate", "divmod", "round", "hex", "lambda a: a", "lambda *a, **k: k", "Exception('e')",
);
const binary = fc.constantFrom("+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "<", ">=", "!=", "in", "not in", "is", "and", "or");
/** Method calls on receivers of the right type, so that calls get past the attribute lookup. */
const receiverMethod = fc.oneof(
  fc.tuple(fc.constantFrom("y", "'ab'", "'{}'", "'%s'", "'a,b'"), fc.constantFrom(
    "join", "split", "format", "replace", "ljust", "rjust", "center", "zfill", "upper", "find", "count", "startswith", "partition",
    "splitlines", "strip", "rsplit", "index", "removeprefix", "title",
  )),
  fc.tuple(fc.constantFrom("x", "[1, 'a']"), fc.constantFrom("append", "extend", "pop", "insert", "index", "sort", "count", "copy", "remove", "reverse")),
  fc.tuple(fc.constantFrom("{'a': [1]}", "dict(a=1)"), fc.constantFrom("keys", "items", "values", "get", "update", "setdefault", "pop", "copy")),
  fc.tuple(fc.constantFrom("{1, 2}", "set()"), fc.constantFrom("union", "intersection", "difference", "add", "issubset", "discard")),
);

const { expression } = fc.letrec((tie) => ({
  expression: fc.oneof(
    { depthSize: "xsmall" },
    atom,
    fc.tuple(tie("expression"), binary, tie("expression")).map(([left, op, right]) => `(${left} ${op} ${right})`),
    fc.tuple(fc.constantFrom("-", "not ", "~", "+"), tie("expression")).map(([op, operand]) => `(${op}${operand})`),
    fc.tuple(tie("expression"), fc.array(tie("expression"), { maxLength: 3 })).map(([callee, args]) => `${callee}(${args.join(", ")})`),
    fc.tuple(receiverMethod, fc.array(tie("expression"), { maxLength: 2 })).map(([[self, name], args]) => `${self}.${name}(${args.join(", ")})`),
    fc.tuple(tie("expression"), tie("expression")).map(([value, index]) => `${value}[${index}]`),
    fc.tuple(tie("expression"), fc.option(tie("expression")), fc.option(tie("expression"))).map(([value, lower, upper]) => `${value}[${lower ?? ""}:${upper ?? ""}]`),
    fc.tuple(tie("expression"), tie("expression")).map(([element, iterable]) => `[${element} for x in ${iterable}]`),
    fc.tuple(tie("expression"), tie("expression"), tie("expression")).map(([body, test, orelse]) => `(${body} if ${test} else ${orelse})`),
    fc.array(tie("expression"), { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
    fc.tuple(tie("expression"), tie("expression")).map(([key, value]) => `{${key}: ${value}}`),
    tie("expression").map((value) => `f"{${value}!r:>5}"`),
    tie("expression").map((value) => `'%s' % (${value},)`),
  ),
}));

const statement = fc.oneof(
  expression,
  expression.map((value) => `x = ${value}`),
  expression.map((value) => `y = ${value}`),
  expression.map((value) => `x += ${value}`),
  fc.tuple(expression, expression).map(([index, value]) => `x[${index}] = ${value}`),
  fc.tuple(expression, expression).map(([iterable, value]) => `for y in ${iterable}:\n    x = ${value}`),
  fc.tuple(expression, expression).map(([test, value]) => `while ${test}:\n    x = ${value}`),
  fc.tuple(expression, expression).map(([test, value]) => `if ${test}:\n    x = ${value}\nelse:\n    y = ${value}`),
  expression.map((value) => `def f(a, b=1):\n    return ${value}`),
  expression.map((value) => `try:\n    x = ${value}\nexcept Exception as e:\n    y = e`),
  expression.map((value) => `print(${value})`),
  fc.constant("while True: x = [x]"),
  fc.constant("while True:\n    try:\n        x = x * 2\n    except MemoryError:\n        x = [x]"),
  fc.constant("x = []\nfor i in range(1500): x = [x]"),
);
const program = fc.array(statement, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));

/** Python-ish tokens in any order: mostly syntax errors, which must be reported, never thrown. */
const tokenSoup = fc
  .array(fc.constantFrom("(", ")", "[", "]", "{", "}", "'", '"', "f'{", "}'", ":", "\n", "\n    ", " ", "lambda", "for", "in", "if", "else",
    "def", "return", "x", "=", "+", "*", "**", "-", "not", "1", "9", ".", ",", "\\", "#", "'''", "@", "...", "*", "%", "{:", "!r", "\t"), { maxLength: 40 })
  .map((tokens) => tokens.join(""));

const valueKinds = new Set(["none", "bool", "int", "float", "str", "list", "tuple", "dict", "set", "range", "iterator", "dictview", "function", "type", "object", "exception"]);

/** True when a value and everything it holds is one of the interpreter's own values. */
function isOurValue(root: PyValue): boolean {
  const pending: unknown[] = [root];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const value = pending.pop() as PyValue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (typeof value !== "object" || value === null || !valueKinds.has(value.kind)) return false;
    if (value.kind === "list" || value.kind === "tuple" || value.kind === "iterator") pending.push(...value.items.slice(0, 100));
    if (value.kind === "dict") for (const entry of [...value.entries.values()].slice(0, 100)) pending.push(entry.key, entry.value);
    if (value.kind === "set") pending.push(...[...value.entries.values()].slice(0, 100));
  }
  return true;
}

/** Runs each example of a case in one fresh interpreter; what each gave, and whether the next example still runs. */
async function runCase(examples: string[]): Promise<{ results: ExecResult[]; outputs: string[]; globals: (PyValue | undefined)[] }> {
  let output = "";
  const interpreter = createInterpreter({ globals: {}, limits, print: (text) => (output += text) });
  const results: ExecResult[] = [];
  const outputs: string[] = [];
  // Names the generated code uses exist, so that more of it gets past a NameError.
  await interpreter.execute("x = [1, 'a']\ny = 'ab'\ne = None\ndef f(a=1, *b, **c): return a");
  for (const source of [...examples, "1 + 1"]) {
    output = "";
    results.push(await interpreter.execute(source));
    outputs.push(output);
  }
  return { results, outputs, globals: ["x", "y", "f", "e"].map((name) => interpreter.getGlobal(name)) };
}

/** The properties every case must have, checked without throwing so fast-check can shrink a failure. */
async function holds(examples: string[]): Promise<boolean> {
  const { results, outputs, globals } = await runCase(examples);
  for (const [index, result] of results.entries()) {
    if (result.kind === "error") {
      // One Python error, printed last as its traceback.
      if (!(result.exception instanceof PyError) || !outputs[index]!.endsWith(result.traceback)) return false;
      if (!/^[A-Z]\w*(: |\n$)/m.test(result.traceback.split("\n").at(-2)! + "\n")) return false;
    } else if (result.kind === "syntax-error") {
      if (typeof result.message !== "string" || outputs[index] !== "") return false;
    } else if (result.kind !== "ok") {
      return false;
    }
  }
  if (results.at(-1)!.kind !== "ok" || outputs.at(-1) !== "2\n") return false;
  return globals.every((value) => value === undefined || isOurValue(value));
}

describe("any source gives a value or one Python error, within its budget", () => {
  it.each([
    { name: "generated programs", arbitrary: fc.array(program, { minLength: 1, maxLength: 2 }), runs: 1000 },
    { name: "token soup", arbitrary: fc.array(tokenSoup, { minLength: 1, maxLength: 2 }), runs: 1000 },
    { name: "any text", arbitrary: fc.array(fc.string({ unit: "binary", maxLength: 60 }), { minLength: 1, maxLength: 2 }), runs: 500 },
  ])("$name", async ({ arbitrary, runs }) => {
    await fc.assert(fc.asyncProperty(arbitrary, holds), { numRuns: runs, seed: 1107 });
  });

  it("a counterexample would be reported with its source", async () => {
    // The property itself rejects what it must: a JS exception escaping is not a pass.
    expect(await holds(["1 + 1"])).toBe(true);
    expect(isOurValue({ kind: "list", items: [{ toString: () => "host" } as unknown as PyValue] })).toBe(false);
  });
});
