import { describe, expect, test } from "vitest";
import { parseCommandLine, UsageError } from "./parse.js";
import type { CommandSpec } from "../commands/types.js";
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

function usageMessage(parse: () => unknown): string | null {
  try {
    parse();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
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
    expect(parseCommandLine(spec, argv).values).toMatchObject(expected);
  });

  const errors: [string[], string][] = [
    [["--foo"], "unrecognized option '--foo'"],
    [["--limt", "1"], "unrecognized option '--limt' (did you mean --limit?)"],
    [["-l"], "unrecognized option '-l'"],
    [["-n"], "Option '-n' requires an argument."],
    [["-n", "x"], "Invalid value for '-n' / '--limit': 'x' is not a valid integer."],
    [["--simplified=1"], "Option '--simplified' does not take a value."],
  ];
  test.each(errors)("%j fails", (argv, message) => {
    expect(usageMessage(() => parseCommandLine(spec, argv))).toBe(message);
  });

  test("extra arguments", () => {
    const single: CommandSpec = { ...spec, arguments: [{ name: "run", metavar: "[RUN]" }] };
    expect(usageMessage(() => parseCommandLine(single, ["1", "2"]))).toBe("unexpected extra argument '2'");
    expect(usageMessage(() => parseCommandLine(single, ["1", "2", "3"]))).toBe("unexpected extra arguments '2 3'");
  });

  test("groups stop at the first argument", () => {
    const group: CommandSpec = { ...spec, subcommands: [{ name: "rm", help: "", options: [], arguments: [] }] };
    expect(parseCommandLine(group, ["-s", "rm", "-y"]).rest).toEqual(["rm", "-y"]);
  });
});

test("closeMatches orders by similarity", () => {
  expect(closeMatches("--limt", ["--label", "--limit", "--more"])).toEqual(["--limit"]);
});

test("click's own wording is kept for step run specs", () => {
  try {
    parseCommandLine(spec, ["--foo"]);
  } catch (error) {
    expect((error as UsageError).clickMessage).toBe("No such option: --foo");
  }
  expect.assertions(1);
});
