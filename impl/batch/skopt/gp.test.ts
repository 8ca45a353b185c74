import { describe, expect, test } from "vitest";
import { fitGp, type GpNoise } from "./gp.js";

const XS = [[0], [0.25], [0.5], [0.75], [1]];
const YS = XS.map(([x]) => (x - 0.3) ** 2 * 10);

describe("fitGp", () => {
  test.each([["gaussian"], [1e-6]] as [GpNoise][])("noise %s: passes near the points it was fitted to", (noise) => {
    const model = fitGp(XS, YS, noise);
    XS.forEach((x, index) => expect(model.predict(x).mean).toBeCloseTo(YS[index], 1));
  });

  test("is surer at its points than between them, and surest where points are close", () => {
    const model = fitGp([[0], [0.1], [1]], [1, 0.8, 3], 1e-6);
    const at = model.predict([0.1]).std;
    const between = model.predict([0.55]).std;
    expect(at).toBeLessThan(0.05);
    expect(between).toBeGreaterThan(at * 10);
  });

  test("a large fixed noise smooths: the mean at a point moves toward its neighbours", () => {
    const xs = [[0], [0.5], [1]];
    const ys = [0, 1, 0];
    const exact = fitGp(xs, ys, 1e-6).predict([0.5]).mean;
    const noisy = fitGp(xs, ys, 1).predict([0.5]).mean;
    expect(exact).toBeCloseTo(1, 2);
    expect(noisy).toBeLessThan(exact - 0.05);
  });

  test("one point, or equal objectives, still fit", () => {
    expect(fitGp([[0.5]], [2], "gaussian").predict([0.5]).mean).toBeCloseTo(2, 6);
    const flat = fitGp([[0], [1]], [3, 3], "gaussian").predict([0.5]);
    expect(flat.mean).toBeCloseTo(3, 6);
    expect(Number.isFinite(flat.std)).toBe(true);
  });
});
