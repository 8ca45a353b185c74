import { describe, expect, test } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveOpdef, parseOpspec } from "./opspec.js";
import { loadGuildfile } from "../../lib/guildfile/index.js";
import { CliError } from "../io.js";

const GUILD_YML = `
- model: m1
  operations:
    hello: {exec: "echo hi"}
- model: m2
  operations:
    hello: {exec: "echo hi"}
- model: m3
  operations:
    only: {exec: "echo hi"}
`;

function project(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "opspec-"));
  fs.writeFileSync(path.join(dir, "guild.yml"), text);
  return dir;
}

describe("resolveOpdef", () => {
  const guildfile = loadGuildfile(project(GUILD_YML));
  const ok: [string, string][] = [["m1:hello", "m1:hello"], ["3:only", "m3:only"]];
  test.each(ok)("%s", (opspec, expected) => expect(resolveOpdef(guildfile, opspec).fullname).toBe(expected));

  const errors: [string | null, string][] = [
    ["m3:nope", "operation 'nope' is not defined for model 'm3'\nTry 'guild operations m3' for a list of available operations."],
    ["m9:hello", "cannot find operation m9:hello\nTry 'guild operations' for a list of available operations."],
    ["hello", "cannot find operation hello\nYou may need to include a model in the form MODEL:OPERATION. Try 'guild operations' for a list of available operations."],
    ["m:hello", "there are multiple models that match 'm'\nTry specifying one of the following:\n  m1\n  m2\n  m3"],
    [null, "cannot find a default operation\nTry 'guild operations' for a list."],
    ["a/b/c", "invalid operation 'a/b/c'\nTry 'guild operations' for a list of available operations."],
  ];
  test.each(errors)("%s fails", (opspec, message) => {
    expect(() => resolveOpdef(guildfile, opspec)).toThrow(new CliError(message));
  });

  test("anonymous model", () => {
    const anonymous = loadGuildfile(project("train: {exec: 'echo x'}\n"));
    expect(resolveOpdef(anonymous, "train").fullname).toBe("train");
    expect(() => resolveOpdef(anonymous, "nope")).toThrow(new CliError("operation 'nope' is not defined for this project\nTry 'guild operations' for a list of available operations."));
  });
});

test("parseOpspec", () => {
  expect([parseOpspec("op"), parseOpspec("m:op"), parseOpspec(":op"), parseOpspec("x/y/z")]).toEqual([
    { model: null, op: "op" },
    { model: "m", op: "op" },
    { model: "", op: "op" },
    null,
  ]);
});
