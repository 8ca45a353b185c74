// The run filter options and RUN arguments turned into the run domain's RunSelection.
import { describe, expect, test } from "vitest";
import { parseCommandLine } from "../cli/parse.js";
import { NO_RUN_FILTER, type RunFilter } from "../runs/filters.js";
import type { RunSelection } from "../runs/runs-op.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineCommand } from "./command.js";

const command = defineCommand({
  name: "tag",
  help: "",
  options: [...runFilterOptions, remoteOption(""), yesOption(""), { name: "deleted", flags: ["-d", "--deleted"], kind: "flag", help: "" }, { name: "archive", flags: ["-A"], kind: "value", help: "" }],
  arguments: [{ name: "runs", metavar: "[RUN...]", variadic: true }],
});

function parsedArgs(argv: string[]) {
  const parsed = parseCommandLine(command, argv, "guild tag");
  if (parsed.help) throw new Error(`${JSON.stringify(argv)} asked for help`);
  return parsed.values;
}

const noFilter = NO_RUN_FILTER;

describe("the run selection a command line asks for", () => {
  const cases: [string[], Partial<RunFilter>, Partial<RunSelection>][] = [
    [[], {}, {}],
    [["1", "2"], {}, { specs: ["1", "2"] }],
    [["-Fo", "hello", "--operation", "m1:", "-Fl", "x", "-Ft", "t", "-Fc", "c"], { operations: ["hello", "m1:"], labels: ["x"], tags: ["t"], comments: ["c"] }, {}],
    [["-Fu", "-Fm", "-Fn", "-Fd", "abc"], { unlabeled: true, marked: true, unmarked: true, digest: "abc" }, {}],
    [["--running", "-Sc", "-Se", "--terminated", "-Sp", "--staged"], { statuses: ["running", "completed", "error", "terminated", "pending", "staged"] }, {}],
    [["-S", "ce"], { statusChars: "ce" }, {}],
    [["-Fs", "today", "-F", "x=1"], { started: "today", expression: "x=1" }, {}],
    [["-d", "-A", "archive"], {}, { deleted: true, archive: "archive" }],
  ];
  test.each(cases)("%j", (argv, filter, selection) => {
    const args = parsedArgs(argv);
    expect(runSelectionFromArgs(args)).toEqual({ filter: { ...noFilter, ...filter }, specs: [], deleted: false, archive: null, ...selection });
  });

  test("restore and purge look in the trash whatever the options say", () => {
    const args = parsedArgs([]);
    expect(runSelectionFromArgs(args, { deleted: true }).deleted).toBe(true);
  });
});
