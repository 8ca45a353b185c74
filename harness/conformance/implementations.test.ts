// Implementations from --impl arguments and config data: shapes accepted, messages for bad entries.
import { describe, expect, it } from "vitest";
import { ConformanceError, implementationsFromConfig, parseImplementationArg, resolveCommand } from "./implementations.js";

describe("parseImplementationArg", () => {
  it.each([
    ["reference", { name: "reference" }],
    ["ref=reference", { name: "ref" }],
    ["other=my-guild --flag", { name: "other", command: "my-guild --flag" }],
    ["my-guild", { name: "my-guild", command: "my-guild" }],
    ["local=./bin/guild run", { name: "local", command: "/base/bin/guild run" }],
  ])("%s", (spec, expected) => {
    expect(parseImplementationArg(spec, "/base")).toEqual(expected);
  });
});

describe("resolveCommand", () => {
  it.each([
    ["./guild", "/base/guild"],
    ["../other/guild --x", "/other/guild --x"],
    ["guild", "guild"],
    ["/abs/guild", "/abs/guild"],
    ["./with space", "/base/with space"],
  ])("%s", (command, expected) => {
    expect(resolveCommand(command, "/base")).toBe(expected);
  });

  it("quotes a resolved path the shell would split", () => {
    expect(resolveCommand("./g x", "/my dir")).toBe("'/my dir/g' x");
  });
});

describe("implementationsFromConfig", () => {
  it.each([
    [
      "a list under implementations",
      { implementations: [{ name: "reference" }, { name: "other", command: "./g", "expected-failures": ["t/x.md:12"] }] },
      [{ name: "reference" }, { name: "other", command: "/cfg/g", expectedFailures: [{ file: "/cfg/t/x.md", line: 12, label: "t/x.md:12" }] }],
    ],
    [
      "a mapping of names",
      { implementations: { reference: null, other: { command: "g", expected_failures: ["/abs/y.md:3"] } } },
      [{ name: "reference" }, { name: "other", command: "g", expectedFailures: [{ file: "/abs/y.md", line: 3, label: "/abs/y.md:3" }] }],
    ],
    ["a bare list", [{ name: "a", command: "reference" }], [{ name: "a" }]],
  ])("reads %s", (_title, data, expected) => {
    expect(implementationsFromConfig(data, "cfg.yml", "/cfg")).toEqual(expected);
  });

  it.each([
    ["not a list", "text", "cfg.yml: expected a list of implementations (or a mapping of names to implementations)"],
    ["empty", { implementations: [] }, "cfg.yml: no implementations listed"],
    ["no name", [{ command: "g" }], "cfg.yml: implementation 1: name must be a word of letters, digits, '_', '.' or '-'"],
    ["unknown key", [{ name: "a", xfail: [] }], "cfg.yml: implementation 1: unknown key 'xfail' (known: name, command, expected-failures)"],
    ["bad line", [{ name: "a", "expected-failures": ["x.md"] }], 'cfg.yml: a: expected failure "x.md" is not TRANSCRIPT:LINE'],
    ["line zero", [{ name: "a", "expected-failures": ["x.md:0"] }], 'cfg.yml: a: expected failure "x.md:0" is not TRANSCRIPT:LINE'],
    ["not a list of failures", [{ name: "a", "expected-failures": "x.md:1" }], "cfg.yml: a: expected-failures must be a list of TRANSCRIPT:LINE"],
    ["empty command", [{ name: "a", command: " " }], "cfg.yml: a: command must be a non-empty string"],
    ["twice", [{ name: "a" }, { name: "a" }], "cfg.yml: implementation 'a' is given twice"],
  ])("refuses %s", (_title, data, message) => {
    expect(() => implementationsFromConfig(data, "cfg.yml", "/cfg")).toThrow(new ConformanceError(message));
  });
});
