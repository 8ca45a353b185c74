import { describe, expect, test } from "vitest";
import { coerceOutputScalars, compileOutputScalars, matchOutputLine, outputScalarsForRun, OutputScalarCallbackError } from "./output-scalars.js";

function matches(config: unknown[], line: string): Array<[string | null, number]> {
  const { patterns } = compileOutputScalars(config);
  return [...matchOutputLine(line, patterns).values.entries()];
}

describe("matching lines", () => {
  test.each<[unknown[], string, Array<[string | null, number]>]>([
    [["^(\\key):\\s+(\\value)$"], "loss: 0.5", [["loss", 0.5]]],
    [["^(\\key):\\s+(\\value)$"], "loss: 0.5  \n", [["loss", 0.5]]],
    [["^(\\key):\\s+(\\value)$"], "loss = 0.5", []],
    [["^(\\key):\\s+(\\value)$"], "msg: hello", []],
    [[{ loss: "loss=(.+)" }], "loss=1.0", [["loss", 1]]],
    [[{ loss: "loss=(.+)" }], "loss=abc", []],
    [[{ acc: "acc=(\\value)", loss: "loss=(\\value)" }], "loss=1 acc=2", [["acc", 2], ["loss", 1]]],
    [["(?P<_key>\\w+)=(?P<_val>\\S+)"], "a=1 b=2", [["a", 1], ["b", 2]]],
    [["x=(?P<x>\\S+) y=(?P<y>\\S+)"], "x=1 y=2", [["x", 1], ["y", 2]]],
    [["(\\w+) is (\\d+)"], "a is 1, b is 2", [["a", 1], ["b", 2]]],
    [[{ step: "step (\\step)" }], "step 10", [["step", 10]]],
    [["v=(\\S+)\\Z"], "v=3", [[null, 3]]],
    [[{ "k": "(?i)LOSS=(\\S+)" }], "loss=4", [["k", 4]]],
  ])("%j on %j", (config, line, expected) => {
    expect(matches(config, line)).toEqual(expected);
  });
});

describe("config problems", () => {
  test.each<[unknown[], string[]]>([
    [[123], ["invalid item config: 123"]],
    [[{ a: 1 }], ["invalid output scalar pattern: 1"]],
    [[{ a: "x(" }], ["error compiling pattern x(: missing ), unterminated subpattern at position 1"]],
    [["a)"], ["error compiling pattern a): unbalanced parenthesis at position 1"]],
    [["*a"], ["error compiling pattern *a: nothing to repeat at position 0"]],
    [["[a"], ["error compiling pattern [a: unterminated character set at position 0"]],
  ])("%j", (config, expected) => {
    expect(compileOutputScalars(config).warnings).toEqual(expected);
  });

  test("bad group count warns per match", () => {
    const { patterns } = compileOutputScalars(["(a)(b)(c)"]);
    expect(matchOutputLine("abc", patterns).warnings).toEqual(["bad unnamed group count 3 for '(a)(b)(c)' (expected 1 or 2) skipping"]);
  });

  test.each<[unknown, unknown[] | null]>([
    [null, null],
    [false, []],
    ["x", ["x"]],
    [{ a: "b" }, [{ a: "b" }]],
    [["x"], ["x"]],
  ])("coerce %j", (data, expected) => {
    expect(coerceOutputScalars(data)).toEqual(expected);
  });

  test("coerce rejects numbers", () => {
    expect(() => coerceOutputScalars(12)).toThrow("invalid output-scalars 12: expected a mapping, list, string, or false");
  });
});

describe("writing scalars from output", () => {
  function run(config: unknown[] | null, lines: string[], flags: string[] = []) {
    const written: Array<[string, number, number | null]> = [];
    const handler = outputScalarsForRun(config, flags, { addScalar: (tag, value, step) => written.push([tag, value, step]) });
    for (const line of lines) handler?.write(line);
    return { handler, written };
  }

  test("default pattern ignores flag names; step key sets later steps", () => {
    const { written } = run(null, ["loss: 1.5", "x: 2", "step: 3", "b: 1", "a: 2"], ["x"]);
    expect(written).toEqual([["loss", 1.5, null], ["b", 1, 3], ["a", 2, 3]]);
  });

  test("keys of one line are written sorted", () => {
    const { written } = run(["(\\w+)=(\\S+)"], ["b=1 a=2 step=4"]);
    expect(written).toEqual([["a", 2, 4], ["b", 1, 4]]);
  });

  test("disabled with an empty config", () => {
    expect(run([], ["loss: 1"]).handler).toBeNull();
  });

  test("keyless match fails the callback", () => {
    const { handler } = run(["v=(\\S+)"], []);
    expect(() => handler!.write("v=1")).toThrow(OutputScalarCallbackError);
  });
});
