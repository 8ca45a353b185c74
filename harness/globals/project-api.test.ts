// Project's mapping of gapi.run arguments to `guild run` options, and of flag values to their text.
import { describe, expect, it } from "vitest";
import { pyBool, pyRepr, pyDict, pyFloat, pyInt, pyList, pyNone, pyStr, type PyValue } from "../py/index.js";
import { encodeFlagValue, runArgs } from "./project-api.js";

describe("encodeFlagValue (flag_util.encode_flag_val)", () => {
  it.each(([
    [pyBool(true), "yes"], [pyBool(false), "no"], [pyNone, "null"], [pyInt(3), "3"], [pyFloat(1), "1.0"], [pyFloat(0.1), "0.1"],
    [pyStr("abc"), "abc"], [pyStr("1"), "'1'"], [pyStr("yes"), "'yes'"], [pyList([pyInt(1), pyStr("a")]), "[1, a]"],
  ] as [PyValue, string][]).map(([value, expected]) => [`${pyRepr(value)} -> ${expected}`, value, expected] as const))("%s", (_title, value, expected) => {
    expect(encodeFlagValue(value)).toBe(expected);
  });
});

describe("runArgs (gapi.run's options)", () => {
  it.each([
    { args: [pyStr("train")], kwargs: {}, expected: ["run", "-y", "train"] },
    { args: [pyStr("op"), pyDict([[pyStr("x"), pyFloat(2)], [pyStr("b"), pyBool(true)]])], kwargs: { label: pyStr("l") },
      expected: ["run", "-y", "op", "--label", "l", "x=2.0", "b=yes"] },
    { args: [], kwargs: { restart: pyStr("abc"), stage: pyBool(true) }, expected: ["run", "-y", "--restart", "abc", "--stage"] },
    { args: [pyStr("op")], kwargs: { optimizer: pyStr("random"), max_trials: pyInt(3), opt_flags: pyDict([[pyStr("b"), pyInt(1)], [pyStr("a"), pyInt(2)]]) },
      expected: ["run", "-y", "op", "--optimizer", "random", "--opt-flag", "a=2", "--opt-flag", "b=1", "--max-trials", "3"] },
    { args: [pyStr("op")], kwargs: { tags: pyList([pyStr("t1"), pyStr("t2")]), print_cmd: pyBool(true), quiet: pyBool(false) },
      expected: ["run", "-y", "op", "--tag", "t1", "--tag", "t2", "--print-cmd"] },
  ].map((entry) => ({ ...entry, title: entry.expected.join(" ") })))("$title", ({ args, kwargs, expected }) => {
    expect(runArgs(args, new Map(Object.entries(kwargs)))).toEqual(expected);
  });
});
