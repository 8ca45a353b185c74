import { expect, test } from "vitest";
import { defaultRunParams, parseRunArgs } from "./run-params.js";
import { UsageError } from "../cli/usage-error.js";

test("a run spec parses with guild run's options", () => {
  const params = parseRunArgs(["m1:hello", "--run-dir", "/tmp", "--stage", "-l", "x y", "msg=hi", "-t", "a"]);
  expect(params).toEqual({ ...defaultRunParams(), opspec: "m1:hello", run_dir: "/tmp", stage: true, label: "x y", flags: ["msg=hi"], tags: ["a"] });
});

test("every Guild run parameter has a default", () => {
  expect(Object.keys(defaultRunParams()).length).toBe(53);
});

test("unknown options keep click's message", () => {
  expect(() => parseRunArgs(["hello", "--foo"])).toThrow(UsageError);
});
