import { describe, expect, test } from "vitest";
import { PyFloat, numericValue, type PyValue } from "../../../lib/python/values.js";
import { seededRandom, type Dimension } from "../search-space.js";
import { suggestPoint, type SuggestOptions } from "./suggest.js";
import type { SkoptOpName } from "./optimizer-ops.js";

const OPTIONS: SuggestOptions = { acqFunc: "gp_hedge", kappa: 1.96, xi: 0.01, noise: 1e-6 };
const RANGE: Dimension[] = [{ kind: "real", low: -2, high: 2, log: false }];
const quadratic = (point: PyValue[]) => (numericValue(point[0])! - 0.7) ** 2;

/** Runs `trials` trials as a batch does (random starts first), returning the objective of each. */
function optimize(optimizer: SkoptOpName | "random", dimensions: Dimension[], objective: (point: PyValue[]) => number, trials: number, seed: number): number[] {
  const random = seededRandom(seed);
  const xs: PyValue[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < trials; i++) {
    const randomStart = optimizer === "random" || i < 3;
    const point = suggestPoint(optimizer === "random" ? "gp" : optimizer, dimensions, xs.length ? xs : null, ys.length ? ys : null, randomStart, random, OPTIONS);
    xs.push(point);
    ys.push(objective(point));
  }
  return ys;
}

function meanBest(optimizer: SkoptOpName | "random", dimensions: Dimension[], objective: (point: PyValue[]) => number, trials: number): number {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  return seeds.reduce((sum, seed) => sum + Math.min(...optimize(optimizer, dimensions, objective, trials, seed)), 0) / seeds.length;
}

describe("suggestPoint", () => {
  test.each([
    // Over 8 seeds, 12 trials each: gp and gbrt close in on the minimum (random search's best is
    // about 100 times farther); extra trees with 3 rows a leaf are coarse with so few points.
    ["gp", 0.05],
    ["forest", 0.7],
    ["gbrt", 0.1],
  ] as [SkoptOpName, number][])("%s finds the minimum of a 1-D quadratic faster than random search", (optimizer, ratio) => {
    const guided = meanBest(optimizer, RANGE, quadratic, 12);
    const random = meanBest("random", RANGE, quadratic, 12);
    expect(guided).toBeLessThan(random * ratio);
  });

  test.each([["LCB"], ["EI"], ["PI"], ["gp_hedge"]])("gp with %s gets within 0.05 of the minimum in 10 trials", (acqFunc) => {
    const random = seededRandom(11);
    const xs: PyValue[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 10; i++) {
      const point = suggestPoint("gp", RANGE, xs.length ? xs : null, ys.length ? ys : null, i < 3, random, { ...OPTIONS, acqFunc });
      xs.push(point);
      ys.push(quadratic(point));
    }
    expect(Math.sqrt(Math.min(...ys))).toBeLessThan(0.05);
  });

  test("a maximized objective is minimized negated: the point found is the maximum", () => {
    const ys = optimize("gp", RANGE, (point) => -(1 - quadratic(point)), 10, 5);
    expect(Math.min(...ys)).toBeLessThan(-0.99);
  });

  test.each([["gp"], ["forest"], ["gbrt"]] as [SkoptOpName][])("%s: one seed gives the same trials, another seed others", (optimizer) => {
    expect(optimize(optimizer, RANGE, quadratic, 6, 42)).toEqual(optimize(optimizer, RANGE, quadratic, 6, 42));
    expect(optimize(optimizer, RANGE, quadratic, 6, 42)).not.toEqual(optimize(optimizer, RANGE, quadratic, 6, 43));
  });

  test("mixed dimensions: ints stay ints, choices stay choices, and the best choice wins", () => {
    const dimensions: Dimension[] = [
      { kind: "int", low: 1, high: 9 },
      { kind: "choice", values: ["bad", "good"] },
    ];
    const objective = (point: PyValue[]) => Math.abs(numericValue(point[0])! - 4) + (point[1] === "good" ? 0 : 5);
    const random = seededRandom(3);
    const xs: PyValue[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 12; i++) {
      const point = suggestPoint("gp", dimensions, xs.length ? xs : null, ys.length ? ys : null, i < 3, random, OPTIONS);
      expect(Number.isInteger(point[0])).toBe(true);
      expect(["bad", "good"]).toContain(point[1]);
      xs.push(point);
      ys.push(objective(point));
    }
    expect(Math.min(...ys)).toBe(0);
  });

  test("a random start, or no usable previous point, draws from the space", () => {
    const random = seededRandom(1);
    const point = suggestPoint("gp", RANGE, [[null]], [1], false, random, OPTIONS);
    expect(point[0]).toBeInstanceOf(PyFloat);
    const value = numericValue(point[0])!;
    expect(value).toBeGreaterThanOrEqual(-2);
    expect(value).toBeLessThanOrEqual(2);
  });
});
