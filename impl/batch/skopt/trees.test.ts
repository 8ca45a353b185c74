import { describe, expect, test } from "vitest";
import { seededRandom } from "../search-space.js";
import { fitForest } from "./forest.js";
import { fitGbrt, quantile } from "./gbrt.js";
import { fitTree, leafFor, leaves } from "./trees.js";

/** A step at x = 0.5: 0 below, 10 above. */
const XS = Array.from({ length: 20 }, (_, i) => [i / 19]);
const YS = XS.map(([x]) => (x < 0.5 ? 0 : 10));

describe("regression trees", () => {
  test.each([[false], [true]])("random splits %s: a deep tree separates the step", (randomSplits) => {
    const tree = fitTree(XS, YS, { minSamplesLeaf: 1, maxDepth: 32, randomSplits }, seededRandom(1));
    XS.forEach((x, index) => expect(leafFor(tree, x).value).toBe(YS[index]));
  });

  test("leaves hold at least minSamplesLeaf rows and every row once", () => {
    const tree = fitTree(XS, YS.map((y, i) => y + i), { minSamplesLeaf: 3, maxDepth: 32, randomSplits: false }, seededRandom(1));
    const all = leaves(tree).flatMap((leaf) => leaf.rows);
    expect(all.sort((a, b) => a - b)).toEqual(XS.map((_, i) => i));
    for (const leaf of leaves(tree)) expect(leaf.rows.length).toBeGreaterThanOrEqual(3);
  });

  test.each([
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[5, 1, 3], 0, 1],
    [[5, 1, 3], 1, 5],
    [[0, 10], 0.16, 1.6],
  ])("quantile(%j, %s) = %s", (values, alpha, expected) => {
    expect(quantile(values, alpha)).toBeCloseTo(expected, 12);
  });
});

describe("tree models", () => {
  test.each([
    ["forest", fitForest],
    ["gbrt", fitGbrt],
  ])("%s: predicts the step's sides, and is least sure at the step", (_name, fit) => {
    const model = fit(XS, YS, seededRandom(3));
    expect(model.predict([0.05]).mean).toBeLessThan(2.5);
    expect(model.predict([0.95]).mean).toBeGreaterThan(7.5);
    const far = Math.max(model.predict([0.05]).std, model.predict([0.95]).std);
    expect(model.predict([0.5]).std).toBeGreaterThanOrEqual(far);
  });

  test.each([
    ["forest", fitForest],
    ["gbrt", fitGbrt],
  ])("%s: one seed, one model", (_name, fit) => {
    const a = fit(XS, YS, seededRandom(7));
    const b = fit(XS, YS, seededRandom(7));
    for (const x of [0.1, 0.47, 0.52, 0.9]) expect(a.predict([x])).toEqual(b.predict([x]));
  });
});
