// parseFlagAssigns: values decoded by flag type, dependency flags kept as strings (numeric-looking run ids).
import { describe, expect, test } from "vitest";
import { parseFlagAssigns } from "./flag-values.js";
import { PyFloat } from "../../lib/python/values.js";

describe("parseFlagAssigns", () => {
  const cases: [string, string[], unknown][] = [
    ["x=1", [], 1],
    ["x=1e12", [], new PyFloat(1e12)],
    ["x=02", [], 2],
    ["x=1", ["x"], "1"],
    ["x=1e12", ["x"], "1e12"],
    ["x=02", ["x"], "02"],
    ["x=2e234", ["x"], "2e234"],
    ["x=abc", ["x"], "abc"],
  ];
  test.each(cases)("%s with dependency flags %j", (arg, dependencyFlags, expected) => {
    expect(parseFlagAssigns([arg], null, undefined, dependencyFlags).x).toEqual(expected);
  });
});
