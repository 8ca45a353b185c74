// Filter expressions: which runs each expression keeps, and Guild's syntax error messages.
import { describe, expect, test } from "vitest";
import { PyFloat } from "../../lib/python/values.js";
import { parseFilterExpr, pyTruthy, type FilterRunValues } from "./filter-expr.js";

interface FakeRun {
  attrs: Record<string, unknown>;
  flags: Record<string, unknown>;
  scalars: Record<string, number>;
}

const runs: Record<string, FakeRun> = {
  a: { attrs: { op: "train", status: "completed", label: "first run", tags: ["t1"] }, flags: { lr: new PyFloat(0.1), name: "abc" }, scalars: { loss: 0.3 } },
  b: { attrs: { op: "train", status: "error", label: "", tags: [] }, flags: { lr: new PyFloat(0.5), name: "xyz" }, scalars: { loss: 2, "train#acc": 0.9 } },
  c: { attrs: { op: "prep", status: "completed" }, flags: {}, scalars: {} },
};

const values = (run: FakeRun): FilterRunValues => ({
  attr: (name) => run.attrs[name],
  flag: (name) => run.flags[name],
  scalar: (key) => run.scalars[key] ?? run.scalars[`train#${key}`],
});

const kept = (text: string) => {
  const expr = parseFilterExpr(text);
  return Object.keys(runs).filter((id) => pyTruthy(expr(values(runs[id])))).join("");
};

describe("kept runs", () => {
  const cases: [string, string][] = [
    ["loss < 0.5", "a"],
    ["op = train and lr > 0.1", "b"],
    ["lr in [0.1, 2]", "a"],
    ["lr not in [0.1, 2]", "bc"],
    ["name contains B", "a"],
    ["name not contains b", "bc"],
    ["status = completed or op = prep", "ac"],
    ["not op = train", "c"],
    ["op = train and lr = 0.1 or lr = 0.5", "ab"],
    ["(op = train and lr = 0.1) or lr = 0.5", "ab"],
    ["label contains FIRST", "a"],
    ["tags contains t1", "a"],
    ["lr is undefined", "c"],
    ["lr is not undefined", "ab"],
    ["scalar:loss >= 2", "b"],
    ["flag:lr = 0.5", "b"],
    ["attr:op = prep", "c"],
    ["acc = 0.9", "b"],
    ["name = 'xyz'", "b"],
    ['name = "abc"', "a"],
    ["name < 5", ""],
    ["op <> train", "c"],
    ["foo", "abc"],
    ["status = true", ""],
  ];
  test.each(cases)("%s keeps %j", (text, expected) => {
    expect(kept(text)).toBe(expected);
  });
});

describe("syntax errors", () => {
  const cases: [string, string][] = [
    ["loss <", "syntax error in filter - unexpected end of expresion"],
    ["a = = 1", "syntax error in filter at position 4: unexpected token '='"],
    ["(op = train", "syntax error in filter - unexpected end of expresion"],
    ["lr = [1", "syntax error in filter - unexpected end of expresion"],
    ["x & y", "syntax error in filter at position 2: unexpected character '&'"],
    ["a = 1 b = 2", "syntax error in filter at position 6: unexpected token 'b'"],
    ["a = 1\nb = 2 &", "syntax error in filter on line 2, position 6: unexpected token 'b'"],
    ["a = 1 or\nb = &", "syntax error in filter on line 2, position 13: unexpected character '&'"],
    ["] x", "syntax error in filter at position 0: unexpected token ']'"],
    ["a = 'x", "syntax error in filter at position 4: unexpected character '''"],
  ];
  test.each(cases)("%j: %s", (text, message) => {
    expect(() => parseFilterExpr(text)).toThrow(message);
  });
});
