import { describe, expect, test } from "vitest";
import { PyFloat, numericValue, type PyValue } from "../../../lib/python/values.js";
import type { Dimension } from "../search-space.js";
import { decodePoint, encodePoint, randomPoint, rangeFeatures } from "./space.js";

const DIMENSIONS: Dimension[] = [
  { kind: "real", low: -2, high: 2, log: false },
  { kind: "int", low: 1, high: 5 },
  { kind: "real", low: 0.001, high: 10, log: true },
  { kind: "choice", values: ["a", "b", "c"] },
];

describe("search space features", () => {
  test.each([
    ["the middle of each range, the second choice", [new PyFloat(0), 3, new PyFloat(0.1), "b"], [0.5, 0.5, 0.5, 0, 1, 0]],
    ["the bounds, the first choice", [new PyFloat(-2), 1, new PyFloat(10), "a"], [0, 0, 1, 1, 0, 0]],
  ] as [string, PyValue[], number[]][])("%s", (_name, point, expected) => {
    const features = encodePoint(DIMENSIONS, point)!;
    features.forEach((feature, index) => expect(feature).toBeCloseTo(expected[index], 12));
    const decoded = decodePoint(DIMENSIONS, features);
    expect(decoded[1]).toBe(point[1]);
    expect(decoded[3]).toBe(point[3]);
    expect(numericValue(decoded[0])).toBeCloseTo(numericValue(point[0])!, 9);
    expect(numericValue(decoded[2])).toBeCloseTo(numericValue(point[2])!, 9);
  });

  test.each([
    ["a value that is not a choice", [new PyFloat(0), 3, new PyFloat(1), "z"]],
    ["a missing value", [null, 3, new PyFloat(1), "a"]],
    ["a string for a range", ["x", 3, new PyFloat(1), "a"]],
    ["zero for a log range", [new PyFloat(0), 3, 0, "a"]],
  ] as [string, PyValue[]][])("no features for %s", (_name, point) => {
    expect(encodePoint(DIMENSIONS, point)).toBeNull();
  });

  test("values outside a range are clipped to it", () => {
    expect(encodePoint(DIMENSIONS, [new PyFloat(9), 0, new PyFloat(1), "a"])!.slice(0, 2)).toEqual([1, 0]);
  });

  test("random points belong to the space; range features are the movable ones", () => {
    let state = 0;
    const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
    for (let i = 0; i < 50; i++) expect(encodePoint(DIMENSIONS, randomPoint(DIMENSIONS, random))).not.toBeNull();
    expect(rangeFeatures(DIMENSIONS)).toEqual([0, 1, 2]);
  });
});
