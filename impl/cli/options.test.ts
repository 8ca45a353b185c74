// The args type an option table yields: checked by the compiler (tsc --noEmit), and the tables parse to match.
import { describe, expect, expectTypeOf, test } from "vitest";
import { defineArguments, defineOptions, type CommandArgs, type CommandSpec, type ParsedArgs } from "./options.js";
import { parseCommandLine } from "./parse.js";

const options = defineOptions([
  { name: "simplified", flags: ["-s"], kind: "flag", help: "" },
  { name: "more", flags: ["-m"], kind: "count", help: "" },
  { name: "limit", flags: ["-n"], kind: "value", type: "int", help: "" },
  { name: "stop_after", flags: ["--stop-after"], kind: "value", type: "number", help: "" },
  { name: "label", flags: ["-l"], kind: "value", help: "" },
  { name: "cwd", flags: ["-C"], kind: "value", default: ".", help: "" },
  { name: "tags", flags: ["-t"], kind: "multiple", help: "" },
  { name: "sizes", flags: ["-z"], kind: "multiple", type: "int", help: "" },
]);

const args = defineArguments([
  { name: "run", metavar: "[RUN]" },
  { name: "path", metavar: "PATH", required: true },
  { name: "files", metavar: "[FILE...]", variadic: true },
]);

interface Expected {
  simplified: boolean;
  more: number;
  limit: number | null;
  stop_after: number | null;
  label: string | null;
  cwd: string;
  tags: string[];
  sizes: number[];
  run: string | null;
  path: string;
  files: string[];
}

describe("typed args", () => {
  test("each kind of option and argument has its type", () => {
    expectTypeOf<ParsedArgs<typeof options, typeof args>>().toEqualTypeOf<Expected>();
    const spec = { name: "x", help: "", options, arguments: args } satisfies CommandSpec<typeof options, typeof args>;
    expectTypeOf<CommandArgs<typeof spec>>().toEqualTypeOf<Expected>();
  });

  test("a table whose names the compiler does not know yields a plain record", () => {
    expectTypeOf<CommandArgs<CommandSpec>>().toEqualTypeOf<Record<string, unknown>>();
  });

  test("parsing gives values of those types", () => {
    const parsed = parseCommandLine({ name: "x", help: "", options, arguments: args }, ["-s", "-n", "2", "-z", "3", "r", "p", "f1", "f2"], "x");
    expect(parsed).toEqual({
      help: false,
      rest: [],
      given: ["simplified", "limit", "sizes"],
      values: { simplified: true, more: 0, limit: 2, stop_after: null, label: null, cwd: ".", tags: [], sizes: [3], run: "r", path: "p", files: ["f1", "f2"] },
    });
  });
});
