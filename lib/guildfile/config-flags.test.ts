// Config flags: values read from YAML/JSON/INI files as flat dotted names, imported as flags of the op.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { configFormat, flattenConfig, readConfigValues } from "./config-flags.js";
import { loadGuildfile } from "./load.js";
import { PyFloat } from "../python/values.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-flags-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("configFormat", () => {
  const cases: [string, string | null][] = [["a.yml", "yaml"], ["a.YAML", "yaml"], ["a.json.in", "json"], ["a.cfg", "ini"], ["a.ini", "ini"], ["a.txt", null], ["a.in", null]];
  test.each(cases)("%s", (file, expected) => expect(configFormat(file)).toBe(expected));
});

describe("flattenConfig", () => {
  test("nested names", () => expect(flattenConfig({ a: 1, b: { c: { d: 2 }, e: 3 }, f: {} })).toEqual([["a", 1], ["b.c.d", 2], ["b.e", 3]]));
  test("not a mapping", () => expect(flattenConfig([1, 2])).toEqual([]));
});

describe("readConfigValues", () => {
  const cases: [string, string, unknown][] = [
    ["f.yml", "i: 1\nf: 1.5\nl: [1, a]\n", [["i", 1], ["f", new PyFloat(1.5)], ["l", [1, "a"]]]],
    ["f.json", '{"a": {"b": true}}', [["a.b", true]]],
    ["f.cfg", "[DEFAULT]\nb = yes\n[s]\nx = 1\n", [["b", true], ["s.x", 1], ["s.b", true]]],
  ];
  test.each(cases)("%s", (name, text, expected) => {
    fs.writeFileSync(path.join(dir, name), text);
    expect(readConfigValues(path.join(dir, name))).toEqual(expected);
  });
  test("unsupported", () => expect(() => readConfigValues("params.badext")).toThrow("config type for params.badext not supported"));
});

describe("import", () => {
  test("flags, types, arg-name merge, config requirement", () => {
    const project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "c.yml"), "a: 1\nl: [1, x y]\nd: {e: hi}\n");
    fs.writeFileSync(path.join(project, "guild.yml"), "op:\n  main: guild.pass\n  flags-dest: config:c.yml\n  flags-import: all\n  flags:\n    e: {arg-name: d.e}\n");
    const [opdef] = loadGuildfile(project).models[0].operations;
    expect(opdef.flags.map((flag) => [flag.name, flag.default, flag.type, flag.argSplit])).toEqual([
      ["a", 1, "number", null],
      ["e", "hi", "string", null],
      ["l", "1 'x y'", null, true],
    ]);
    expect(opdef.requires).toEqual([{ config: "c.yml", "replace-existing": true, "always-resolve": true }]);
  });
  test("unsupported type is a warning", () => {
    const project = path.join(dir, "bad");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "guild.yml"), "op:\n  main: guild.pass\n  flags-dest: config:params.badext\n  flags-import: all\n");
    expect(loadGuildfile(project).messages).toEqual(["WARNING: config type for params.badext not supported"]);
  });
});
