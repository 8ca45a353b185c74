import { describe, expect, test } from "vitest";
import { PyFloat } from "../../../lib/python/values.js";
import { optimizerFlagValues, skoptOpName } from "./optimizer-ops.js";

describe("skoptOpName", () => {
  test.each([
    ["gp", "gp"],
    ["bayesian", "gp"],
    ["gaussian", "gp"],
    ["skopt:gp", "gp"],
    ["forest", "forest"],
    ["skopt:forest", "forest"],
    ["gbrt", "gbrt"],
    ["skopt:gbrt", "gbrt"],
    ["random", null],
    ["skopt:bayesian", null],
  ])("%s -> %s", (opspec, expected) => {
    expect(skoptOpName(opspec)).toBe(expected);
  });
});

describe("optimizerFlagValues", () => {
  test("gp defaults", () => {
    expect(optimizerFlagValues("gp", {}, [], false).values).toEqual({
      "acq-func": "gp_hedge",
      kappa: new PyFloat(1.96),
      noise: "gaussian",
      "prev-trials": "batch",
      "random-starts": 3,
      xi: new PyFloat(0.05),
    });
  });

  test("the Guild file's values, then -Fo; only -Fo values are the user's", () => {
    const { values, userValues } = optimizerFlagValues("forest", { kappa: 1.5, "random-starts": 2 }, ["kappa=2", "xi=0.1"], false);
    expect(values).toEqual({ kappa: new PyFloat(2), "prev-trials": "batch", "random-starts": 2, xi: new PyFloat(0.1) });
    expect(userValues).toEqual({ kappa: new PyFloat(2), xi: new PyFloat(0.1) });
  });

  test.each([
    ["an unknown flag", "gbrt", ["noise=0.1"], "unsupported flag 'noise'\nTry 'guild run skopt:gbrt --help-op' for a list of flags or use --force-flags to skip this check."],
    ["a value of the wrong type", "gp", ["random-starts=many"], "invalid value many for random-starts: invalid value for type 'int'"],
    ["a value that is not a choice", "gp", ["acq-func=XX"], null],
  ] as const)("%s is an error", (_name, opName, args, message) => {
    const attempt = () => optimizerFlagValues(opName, {}, [...args], false);
    if (message) expect(attempt).toThrow(message);
    else expect(attempt).toThrow();
  });

  test("--force-flags lets an unknown flag through", () => {
    expect(optimizerFlagValues("gbrt", {}, ["noise=0.1"], true).values.noise).toEqual(new PyFloat(0.1));
  });
});
