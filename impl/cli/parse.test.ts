// The click-style parser: option spellings, values, arguments, groups, and the usage problem of each bad command line.
import { describe, expect, test } from "vitest";
import { parseCommandLine } from "./parse.js";
import { UsageError, type UsageProblem } from "./usage-error.js";
import type { CommandSpec } from "./options.js";
import { getCloseMatches as closeMatches } from "../../lib/python/difflib.js";

const spec: CommandSpec = {
  name: "list",
  help: "",
  options: [
    { name: "simplified", flags: ["-s", "--simplified"], kind: "flag", help: "" },
    { name: "limit", flags: ["-n", "--limit"], kind: "value", type: "int", metavar: "N", help: "" },
    { name: "tags", flags: ["-t", "--tag"], kind: "multiple", metavar: "TAG", help: "" },
    { name: "more", flags: ["-m", "--more"], kind: "count", help: "" },
    { name: "ops", flags: ["-Fo", "--operation"], kind: "multiple", metavar: "VAL", help: "" },
  ],
  arguments: [{ name: "runs", metavar: "[RUN...]", variadic: true }],
};

/** The values of a command line that does not ask for help. */
function parsedValues(command: CommandSpec, argv: string[], commandPath = "guild list") {
  const parsed = parseCommandLine(command, argv, commandPath);
  if (parsed.help) throw new Error(`${JSON.stringify(argv)} asked for help`);
  return parsed;
}

/** The problem a parse fails with, and the command path it names; null when it parses. */
function usageProblem(parse: () => unknown): { problem: UsageProblem; commandPath: string } | null {
  try {
    parse();
  } catch (error) {
    if (error instanceof UsageError) return { problem: error.problem, commandPath: error.commandPath };
    throw error;
  }
  return null;
}

describe("parseCommandLine", () => {
  const cases: [string[], Record<string, unknown>][] = [
    [["-sn3"], { simplified: true, limit: 3 }],
    [["-sn", "3"], { simplified: true, limit: 3 }],
    [["-n3"], { limit: 3 }],
    [["--limit=2"], { limit: 2 }],
    [["--limit", "2", "a", "b"], { limit: 2, runs: ["a", "b"] }],
    [["a", "-s", "b"], { simplified: true, runs: ["a", "b"] }],
    [["--", "-s"], { simplified: false, runs: ["-s"] }],
    [["-t", "x", "--tag", "y"], { tags: ["x", "y"] }],
    [["-mm", "-m"], { more: 3 }],
    [["-Fo", "hello"], { ops: ["hello"] }],
  ];
  test.each(cases)("%j", (argv, expected) => {
    expect(parsedValues(spec, argv).values).toMatchObject(expected);
  });

  const single: CommandSpec = { ...spec, arguments: [{ name: "run", metavar: "[RUN]" }] };
  const required: CommandSpec = { ...spec, arguments: [{ name: "run", metavar: "RUN", required: true }] };
  const errors: [CommandSpec, string[], UsageProblem][] = [
    [spec, ["--foo"], { kind: "no-such-option", option: "--foo", suggestion: null }],
    [spec, ["--limt", "1"], { kind: "no-such-option", option: "--limt", suggestion: "--limit" }],
    [spec, ["-l"], { kind: "no-such-option", option: "-l", suggestion: null }],
    [spec, ["-sx"], { kind: "no-such-option", option: "-x", suggestion: null }],
    [spec, ["-n"], { kind: "option-requires-argument", option: "-n" }],
    [spec, ["-n", "x"], { kind: "bad-value", flags: ["-n", "--limit"], value: "x", expected: "integer" }],
    [spec, ["--simplified=1"], { kind: "option-takes-no-value", option: "--simplified" }],
    [single, ["1", "2"], { kind: "unexpected-extra-arguments", values: ["2"] }],
    [single, ["1", "2", "3"], { kind: "unexpected-extra-arguments", values: ["2", "3"] }],
    [required, [], { kind: "missing-argument", metavar: "RUN" }],
  ];
  test.each(errors)("%#: %j fails", (command, argv, problem) => {
    expect(usageProblem(() => parseCommandLine(command, argv, "guild list"))).toEqual({ problem, commandPath: "guild list" });
  });

  test("--help is answered before any value is converted", () => {
    expect(parseCommandLine(spec, ["-n", "x", "--help", "a"], "guild list")).toEqual({ help: true, given: ["limit", "help"] });
  });

  test("groups stop at the first argument", () => {
    const group: CommandSpec = { ...spec, subcommands: [{ name: "rm", help: "", options: [], arguments: [] }] };
    expect(parsedValues(group, ["-s", "rm", "-y"], "guild runs").rest).toEqual(["rm", "-y"]);
  });
});

test("closeMatches orders by similarity", () => {
  expect(closeMatches("--limt", ["--label", "--limit", "--more"])).toEqual(["--limit"]);
});
