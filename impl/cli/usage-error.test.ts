// Usage problems rendered in Guild's CLI wording, in click's own wording, and as printed with the help pointer.
import { describe, expect, test } from "vitest";
import { clickUsageMessage, formatUsageError, guildUsageMessage, UsageError, type UsageProblem } from "./usage-error.js";

describe("usage problems in Guild's and click's wording", () => {
  const cases: [UsageProblem, string, string][] = [
    [{ kind: "no-such-option", option: "--foo", suggestion: null }, "unrecognized option '--foo'", "No such option: --foo"],
    [{ kind: "no-such-option", option: "--limt", suggestion: "--limit" }, "unrecognized option '--limt' (did you mean --limit?)", "No such option: --limt"],
    [{ kind: "option-requires-argument", option: "-n" }, "Option '-n' requires an argument.", "Option '-n' requires an argument."],
    [{ kind: "option-takes-no-value", option: "--needed" }, "Option '--needed' does not take a value.", "Option '--needed' does not take a value."],
    [
      { kind: "bad-value", flags: ["-n", "--limit"], value: "x", expected: "integer" },
      "Invalid value for '-n' / '--limit': 'x' is not a valid integer.",
      "'x' is not a valid integer.",
    ],
    [
      { kind: "bad-value", flags: ["--stop-after"], value: "soon", expected: "number" },
      "Invalid value for '--stop-after': 'soon' is not a valid number.",
      "'soon' is not a valid number.",
    ],
    [
      { kind: "below-minimum", flags: ["-m", "--max-trials", "--trials"], value: 0, min: 1 },
      "Invalid value for '-m' / '--max-trials' / '--trials': 0 is not in the range x>=1.",
      "0 is not in the range x>=1.",
    ],
    [
      { kind: "not-a-choice", flags: ["-v", "--api-version"], value: "3", choices: ["1", "2"] },
      "Invalid value for '-v' / '--api-version': '3' is not one of '1', '2'.",
      "'3' is not one of '1', '2'.",
    ],
    [{ kind: "missing-argument", metavar: "RUN" }, "missing argument for RUN", "Missing argument 'RUN'."],
    [{ kind: "unexpected-extra-arguments", values: ["2"] }, "unexpected extra argument '2'", "Got unexpected extra argument (2)"],
    [{ kind: "unexpected-extra-arguments", values: ["2", "3"] }, "unexpected extra arguments '2 3'", "Got unexpected extra arguments (2 3)"],
    [{ kind: "no-such-command", name: "lst" }, "No such command 'lst'.", "No such command 'lst'."],
  ];
  test.each(cases)("%j", (problem, guildWording, clickWording) => {
    expect({ guild: guildUsageMessage(problem), click: clickUsageMessage(problem) }).toEqual({ guild: guildWording, click: clickWording });
  });
});

describe("formatUsageError", () => {
  const cases: [UsageProblem, string, string][] = [
    [{ kind: "no-such-command", name: "lst" }, "guild", "guild: No such command 'lst'.\nTry 'guild --help' for more information.\n"],
    [
      { kind: "no-such-option", option: "--foo", suggestion: null },
      "guild runs rm",
      "guild: unrecognized option '--foo'\nTry 'guild runs rm --help' for more information.\n",
    ],
  ];
  test.each(cases)("%j in %s", (problem, commandPath, expected) => {
    const error = new UsageError(problem, commandPath);
    expect({ message: error.message, printed: formatUsageError(error) }).toEqual({ message: guildUsageMessage(problem), printed: expected });
  });
});
