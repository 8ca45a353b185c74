import { describe, expect, test } from "vitest";
import { PyFloat } from "../../lib/python/values.js";
import { fileTrials, gridTrials, MissingSearchDimension, randomTrials, sampleTrials, type Trial } from "./trials.js";
import { decodeFlagFunction, drawValue, seededRandom, SearchSpaceError, flagDimension } from "./search-space.js";

describe("gridTrials", () => {
  const cases: [string, Trial, Trial[]][] = [
    ["scalars only: one trial", { a: 1 }, [{ a: 1 }]],
    ["one list", { a: [1, 2], b: "x" }, [{ a: 1, b: "x" }, { a: 2, b: "x" }]],
    ["names ascending, values in order", { b: ["y", "x"], a: [2, 1] }, [{ a: 2, b: "y" }, { a: 2, b: "x" }, { a: 1, b: "y" }, { a: 1, b: "x" }]],
    ["an empty list: no trials", { a: [] }, []],
  ];
  test.each(cases)("%s", (_name, flags, expected) => expect(gridTrials(flags)).toEqual(expected));
});

describe("fileTrials", () => {
  test("file values over flag values, user values over both, lists multiply", () => {
    const trials = fileTrials([{ msg: "a", loud: true }, { msg: "b" }], { msg: "default", loud: false, n: 1 }, { n: [1, 2] });
    expect(trials).toEqual([
      { loud: true, msg: "a", n: 1 },
      { loud: true, msg: "a", n: 2 },
      { loud: false, msg: "b", n: 1 },
      { loud: false, msg: "b", n: 2 },
    ]);
  });
});

describe("sampleTrials", () => {
  const trials: Trial[] = [1, 2, 3, 4, 5, 6].map((n) => ({ n }));
  test.each([[0], [7], [123456]])("seed %i: the count asked for, in order, the same for the same seed", (seed) => {
    const sampled = sampleTrials(trials, 3, seed);
    expect(sampled).toHaveLength(3);
    const positions = sampled.map((trial) => trials.indexOf(trial));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(sampleTrials(trials, 3, seed)).toEqual(sampled);
  });
  test("no more trials than asked for: all of them", () => expect(sampleTrials(trials, 6, 1)).toBe(trials));
});

describe("decodeFlagFunction", () => {
  const cases: [unknown, unknown][] = [
    ["[1:5]", { name: null, args: [1, 5] }],
    ["uniform[0.1:1.0]", { name: "uniform", args: [new PyFloat(0.1), new PyFloat(1.0)] }],
    ["loguniform[1e-4:0.1:0.01]", { name: "loguniform", args: [new PyFloat(1e-4), new PyFloat(0.1), new PyFloat(0.01)] }],
    ["hello", null],
    ["[1, 2]", null],
    [3, null],
  ];
  test.each(cases)("%s", (value, expected) => expect(decodeFlagFunction(value as never)).toEqual(expected));
});

describe("randomTrials", () => {
  test("ranges of ints draw ints within them, lists draw their values, other flags stay", () => {
    const trials = randomTrials({ n: "[1:3]", c: ["a", "b"], fixed: "x" }, 30, 5);
    expect(trials).toHaveLength(30);
    for (const trial of trials) {
      expect([1, 2, 3]).toContain(trial.n);
      expect(["a", "b"]).toContain(trial.c);
      expect(trial.fixed).toBe("x");
    }
  });
  test.each([["uniform[0.5:1.5]"], ["loguniform[0.001:0.1]"], ["[0.1:0.2]"]])("%s draws floats within the range", (value) => {
    const fn = decodeFlagFunction(value)!;
    const [low, high] = fn.args.map((arg) => (arg as PyFloat).value);
    for (const trial of randomTrials({ x: value }, 50, 11)) {
      expect(trial.x).toBeInstanceOf(PyFloat);
      const x = (trial.x as PyFloat).value;
      expect(x >= low && x <= high).toBe(true);
    }
  });
  test("the initial value (third arg) is the first trial's", () => {
    expect(randomTrials({ x: "uniform[1:9:4]" }, 3, 1)[0].x).toBe(4);
  });
  test("one seed always gives the same trials; another seed others", () => {
    const flags = { x: "[0.0:1.0]", n: "[1:1000]" };
    expect(randomTrials(flags, 5, 42)).toEqual(randomTrials(flags, 5, 42));
    expect(randomTrials(flags, 5, 42)).not.toEqual(randomTrials(flags, 5, 43));
  });
  test("nothing to search is an error", () => expect(() => randomTrials({ x: 1 }, 3, 1)).toThrow(MissingSearchDimension));
  test.each([
    ["foo[1:2]", "unknown function 'foo' used for flag x"],
    ["[1:2:3:4]", "uniform requires 2 or 3 args, got (1, 2, 3, 4) for flag x"],
    ["loguniform[1.2:1.1]", "invalid function args in 'x=loguniform[1.2:1.1]': the lower bound 1.2 has to be less than the upper bound 1.1"],
  ])("%s: %s", (value, message) => {
    expect(() => flagDimension(value, "x")).toThrow(SearchSpaceError);
    expect(() => flagDimension(value, "x")).toThrow(message);
  });
});

describe("drawValue", () => {
  test("an int range includes both ends", () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 200 }, () => drawValue({ kind: "int", low: 1, high: 3 }, random)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
