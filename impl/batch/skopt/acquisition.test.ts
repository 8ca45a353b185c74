import { describe, expect, test } from "vitest";
import { acquisition, normalCdf, normalPdf } from "./acquisition.js";

describe("normal distribution", () => {
  test.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316301035],
    [8, 0.9999999999999993],
    [-40, 0],
  ])("normalCdf(%s) = %s", (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 12);
  });

  test("normalPdf(0) is 1/sqrt(2 pi)", () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });
});

describe("acquisition", () => {
  const options = { best: 0, kappa: 2, xi: 0.01 };
  test.each([
    ["LCB is mean - kappa * std", "LCB", { mean: 1, std: 0.5 }, 0],
    ["EI is 0 far above the best", "EI", { mean: 100, std: 0.1 }, -0],
    ["EI without spread is the improvement", "EI", { mean: -1, std: 0 }, -(1 - 0.01)],
    ["EI without spread and no improvement is 0", "EI", { mean: 1, std: 0 }, -0],
    ["EI under the best is about the improvement", "EI", { mean: -10, std: 0.1 }, -(10 - 0.01)],
    ["PI far below the best is -1", "PI", { mean: -10, std: 0.1 }, -1],
    ["PI at best - xi is -0.5", "PI", { mean: -0.01, std: 1 }, -0.5],
  ] as const)("%s", (_name, acq, prediction, expected) => {
    expect(acquisition(acq, prediction, options)).toBeCloseTo(expected, 6);
  });

  test("EI grows with the spread where the mean is no better", () => {
    const narrow = acquisition("EI", { mean: 0.5, std: 0.1 }, options);
    const wide = acquisition("EI", { mean: 0.5, std: 2 }, options);
    expect(wide).toBeLessThan(narrow);
  });
});
