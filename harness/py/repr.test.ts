// repr() of values built by our interpreter, cross-checked against CPython's repr of the same expressions.
import { describe, expect, test } from "vitest";
import { runInCPython } from "./cpython-oracle.js";
import { createInterpreter } from "./interpreter.js";

const expressions = [
  "'abc'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'tab\\there'", "'new\\nline'", "'cr\\r'", "'back\\\\slash'",
  "'\\x00\\x1f\\x7f'", "'\\x85\\xa0\\xad'", "'caf\\xe9'", "'\\u2028'", "'\\U0001f600'", "'\\u200b'", "''",
  "1", "-7", "10**30", "True", "False", "None",
  "1.0", "0.1", "1e-05", "1e+16", "1e16 - 1", "123456789012345.6", "1.5e300", "-0.0", "float('inf')", "float('-inf')", "float('nan')",
  "2.5e-7", "0.0001", "0.00001234", "100.0", "1/3", "2/3", "1e22", "12345678.9",
  "[]", "['a', 'b']", "[1, [2, [3]]]", "()", "(1,)", "(True, False)", "((1,), (2, 3))",
  "{}", "{'k': 'v'}", "{1: 'a', 'b': [1]}", "{'z': 1, 'a': 2}", "{1, 2}", "set()",
  "range(3)", "range(1, 10, 2)", "{}.keys()", "{'a': 1}.items()", "{'a': 1}.values()",
  "str", "int", "ValueError", "ValueError('x')", "KeyError('k')", "ValueError(1, 2)", "len",
];

describe("repr matches CPython", () => {
  const expected = runInCPython(expressions.map((expression) => [`print(repr(${expression}))`]));
  test.each(expressions.map((expression, index) => [expression, expected[index]!] as const))("repr(%s)", async (expression, cpython) => {
    let actual = "";
    const interpreter = createInterpreter({ globals: {}, print: (text) => (actual += text) });
    await interpreter.execute(`print(repr(${expression}))`);
    expect(actual).toBe(cpython);
  });
});
