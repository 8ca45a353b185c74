// The conformance command line: options with attached or separate values, defaults, and refusals.
import { describe, expect, it } from "vitest";
import { parseArgs } from "./args.js";
import { ConformanceError } from "./implementations.js";

const context = { cwd: "/base", env: {}, cores: 4 };
const defaults = { implementations: [{ name: "reference" }], paths: ["t"], keep: false, update: false, jobs: 8 };

describe("parseArgs", () => {
  it.each([
    [["t"], defaults],
    [["t.md:12", "u.md"], { ...defaults, paths: ["t.md:12", "u.md"] }],
    [["-j", "2", "t"], { ...defaults, jobs: 2 }],
    [["-j3", "t"], { ...defaults, jobs: 3 }],
    [["--jobs=1", "t"], { ...defaults, jobs: 1 }],
    [["--shard", "2/3", "t"], { ...defaults, shard: { index: 2, count: 3 } }],
    [["--shard=1/2", "t"], { ...defaults, shard: { index: 1, count: 2 } }],
    [["--json", "r.json", "--junit=r.xml", "t"], { ...defaults, jsonFile: "r.json", junitFile: "r.xml" }],
    [["--impl", "./g", "-u", "--keep", "t"], { ...defaults, implementations: [{ name: "./g", command: "/base/g" }], update: true, keep: true }],
  ])("%j", (argv, expected) => {
    expect(parseArgs(argv, context)).toEqual(expected);
  });

  it("keeps sandboxes when KEEP_SANDBOX=1", () => {
    expect(parseArgs(["t"], { ...context, env: { KEEP_SANDBOX: "1" } })?.keep).toBe(true);
  });

  it("returns null for --help", () => {
    expect(parseArgs(["--help"], context)).toBeNull();
  });

  it.each([
    [["-j", "0", "t"], "--jobs must be a whole number of at least 1 (got '0')"],
    [["--jobs", "x", "t"], "--jobs must be a whole number of at least 1 (got 'x')"],
    [["-j"], "-j requires a value"],
    [["--shard", "3/2", "t"], "--shard must be INDEX/COUNT with 1 <= INDEX <= COUNT, as 1/3 (got '3/2')"],
    [["--frobnicate", "t"], "unknown option --frobnicate"],
    [[], "no transcript paths given"],
    [["--impl", "a=x", "--impl", "a=y", "t"], "implementation 'a' is given twice"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv, context)).toThrow(new ConformanceError(message));
  });
});
