// The `guild run` option table as parsed for the CLI and for a step's run spec (click's wording for a bad one).
import { describe, expect, test } from "vitest";
import { parseCommandLine } from "../cli/parse.js";
import { parseStepRunArgs, runCommand } from "./run.js";

function parseRun(argv: string[]) {
  const parsed = parseCommandLine(runCommand, argv, "guild run");
  if (parsed.help) throw new Error(`${JSON.stringify(argv)} asked for help`);
  return parsed.values;
}

test("an empty command line gives each of Guild's 53 run parameters its default", () => {
  const params = parseRun([]);
  expect(Object.keys(params).length).toBe(53);
  expect(params).toMatchObject({ opspec: null, flags: [], label: null, tags: [], needed: false, max_trials: null });
});

test("options and arguments parse into the run parameters of the same name", () => {
  const params = parseRun(["m1:hello", "--run-dir", "/tmp", "--stage", "-l", "x y", "msg=hi", "-t", "a", "--trials", "3"]);
  expect(params).toEqual({ ...parseRun([]), opspec: "m1:hello", run_dir: "/tmp", stage: true, label: "x y", flags: ["msg=hi"], tags: ["a"], max_trials: 3 });
});

describe("a step's run spec words", () => {
  test("parse into parameters, the options given, and click's declared defaults", () => {
    const parsed = parseStepRunArgs(["prepare", "--needed", "-t", "x"]);
    if (parsed.kind !== "parsed") throw new Error(`expected parsed, got ${parsed.reason}`);
    expect(parsed.args.params).toMatchObject({ opspec: "prepare", needed: true, tags: ["x"] });
    expect([...parsed.args.given]).toEqual(["needed", "tags"]);
    expect(parsed.args.defaults).toMatchObject({ opspec: null, flags: null, needed: false, tags: null, label: null });
  });

  const invalid: [string[], string][] = [
    [["hello", "--foo"], "No such option: --foo"],
    [["hello", "--force-flag"], "No such option: --force-flag"],
    [["hello", "-Z"], "No such option: -Z"],
    [["hello", "--needed=1"], "Option '--needed' does not take a value."],
    [["hello", "--label"], "Option '--label' requires an argument."],
    [["hello", "--max-trials", "x"], "'x' is not a valid integer."],
    [["hello", "-m", "0"], "0 is not in the range x>=1."],
    [["hello", "--stop-after", "soon"], "'soon' is not a valid number."],
  ];
  test.each(invalid)("%j: %s", (words, reason) => {
    expect(parseStepRunArgs(words)).toEqual({ kind: "invalid", reason });
  });
});
