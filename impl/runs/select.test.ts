import { describe, expect, it } from "vitest";
import { CliError } from "../io.js";
import { Run } from "./run.js";
import { MultipleRunsError, parseSlice, selectOneRun, selectRuns } from "./select.js";

const runs = ["99f6ae9c", "2945c59b", "882ccdf6", "050247ae", "0502ffff"].map((prefix) => new Run(prefix.padEnd(32, "0"), `/h/runs/${prefix}`));
const short = (selected: Run[]) => selected.map((run) => run.shortId);

describe("parseSlice", () => {
  it.each([
    ["1", [0, 1]],
    [" 2 ", [1, 2]],
    ["2:3", [1, 3]],
    [":", [null, null]],
    [":2", [null, 2]],
    ["3:", [2, null]],
    ["abc", null],
    ["9a", null],
  ] as const)("%j -> %j", (spec, expected) => {
    expect(parseSlice(spec)).toEqual(expected);
  });
});

describe("selectRuns", () => {
  it.each([
    { specs: [], expected: ["99f6ae9c", "2945c59b", "882ccdf6", "050247ae", "0502ffff"] },
    { specs: ["1"], expected: ["99f6ae9c"] },
    { specs: ["2:3"], expected: ["2945c59b", "882ccdf6"] },
    { specs: ["4:"], expected: ["050247ae", "0502ffff"] },
    { specs: ["99"], expected: ["99f6ae9c"] },
    { specs: ["882"], expected: ["882ccdf6"] },
    { specs: ["1", "1"], expected: ["99f6ae9c", "99f6ae9c"] },
  ])("$specs", ({ specs, expected }) => {
    expect(short(selectRuns(runs, specs, "guild runs rm"))).toEqual(expected);
  });

  it("reports a spec matching nothing with the command's help hint", () => {
    expect(() => selectRuns(runs, ["zzz"], "guild runs rm")).toThrow(
      new CliError("could not find a run matching 'zzz'\nTry 'guild runs list' for a list or 'guild runs rm --help' for more information."),
    );
  });

  it("out-of-range index falls back to id prefix", () => {
    expect(() => selectRuns(runs, ["6"], "guild ls")).toThrow("could not find a run matching '6'");
  });

  it("reports a prefix matching several runs", () => {
    let error: unknown;
    try {
      selectRuns(runs, ["0502"], "guild ls");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MultipleRunsError);
    expect((error as MultipleRunsError).lines).toEqual(["'0502' matches multiple runs:", "  050247ae", "  0502ffff"]);
  });
});

describe("selectOneRun", () => {
  it("defaults to the latest run", () => {
    expect(selectOneRun(runs, null, "guild ls").shortId).toBe("99f6ae9c");
  });
  it("errors when there are no runs", () => {
    expect(() => selectOneRun([], null, "guild ls")).toThrow("no matching runs");
  });
  it("errors when a range selects several runs", () => {
    expect(() => selectOneRun(runs, "1:2", "guild select")).toThrow(MultipleRunsError);
  });
});
