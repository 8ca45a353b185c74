// Guild file composition: includes, extends with params, $include sections, checked on small Guild files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadGuildfile } from "./load.js";
import { splitIncludeRef } from "./compose.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "compose-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let count = 0;

/** Writes the files into a fresh directory and loads its guild.yml. */
function load(files: Record<string, string>) {
  const dir = path.join(root, String(count++));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return loadGuildfile(dir);
}

function summary(files: Record<string, string>): string[] {
  return load(files).models.flatMap((model) =>
    model.operations.map((op) => `${op.fullname} ${op.main ?? op.exec ?? ""} ${op.flags.map((flag) => `${flag.name}=${String(flag.default)}`).join(",")}`.trim()),
  );
}

describe("composition", () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ["include", { "guild.yml": "- include: a.yml\n", "a.yml": "- model: m\n  operations:\n    op: x\n" }, ["m:op x"]],
    ["include list, chained", { "guild.yml": "- include: [a.yml]\n", "a.yml": "- include: sub/b.yml\n", "sub/b.yml": "op: y\n" }, ["op y"]],
    ["extends a config", { "guild.yml": "- config: c\n  operations:\n    op: x\n- model: m\n  extends: c\n" }, ["m:op x"]],
    ["child values win", { "guild.yml": "- config: c\n  operations:\n    op:\n      main: x\n      flags: {a: 1, b: 2}\n- model: m\n  extends: c\n  operations:\n    op:\n      flags: {b: 3}\n" }, ["m:op x a=1,b=3"]],
    ["params", { "guild.yml": "- config: c\n  params: {n: 1, s: hi}\n  operations:\n    op:\n      exec: echo {{ s }}-{{n}}\n      flags: {a: '{{ n }}'}\n- model: m\n  extends: c\n  params: {n: 2}\n" }, ["m:op echo hi-2 a=2"]],
    ["params refer to params", { "guild.yml": "- config: c\n  params: {a: '{{ b }}!', b: x}\n  operations:\n    op: '{{ a }}'\n- model: m\n  extends: c\n" }, ["m:op x!"]],
    ["multiple parents, first wins", { "guild.yml": "- config: c1\n  operations: {op: one}\n- config: c2\n  operations: {op: two, other: three}\n- model: m\n  extends: [c1, c2]\n" }, ["m:op one", "m:other three"]],
    ["$include in flags", { "guild.yml": "- config: f\n  flags: {a: 1, b: 2}\n- model: m\n  operations:\n    op:\n      main: x\n      flags:\n        $include: f#b\n        c: 3\n" }, ["m:op x b=2,c=3"]],
    ["$include in operations", { "guild.yml": "- config: ops\n  operations: {a: x, b: y}\n- model: m\n  operations:\n    $include: ops\n    b: z\n" }, ["m:a x", "m:b z"]],
    ["$include of an op's flags", { "guild.yml": "- model: m\n  operations:\n    a: {main: x, flags: {f: 1}}\n    b: {main: y, flags: {$include: 'm:a'}}\n" }, ["m:a x f=1", "m:b y f=1"]],
    ["params named like object properties", { "guild.yml": "- config: c\n  params: {__proto__: x, toString: y}\n  operations:\n    op: 'a {{ __proto__ }} {{toString}} {{ constructor }}'\n- model: m\n  extends: c\n" }, ["m:op a x y {{ constructor }}"]],
    ["include a package", { "guild.yml": "- include: shared.ops\n", "shared/ops/guild.yml": "op: x\n" }, ["op x"]],
    ["package parent, its $include targets found in its file", { "guild.yml": "- model: m\n  extends: my-pkg/b\n", "my_pkg/guild.yml": "- config: f\n  flags: {x: 1}\n- config: b\n  operations:\n    op: {main: y, flags: {$include: f}}\n" }, ["m:op y x=1"]],
  ];
  test.each(cases)("%s", (_name, files, expected) => expect(summary(files)).toEqual(expected));

  const errors: [string, Record<string, string>, string][] = [
    ["missing include", { "guild.yml": "- include: nope.yml\n" }, "cannot find include 'nope.yml' (includes must be local to including Guild file or a Guild package on the system path)"],
    ["include cycle", { "guild.yml": "- include: guild.yml\n" }, "error in cycle in 'includes': "],
    ["undefined parent", { "guild.yml": "- model: m\n  extends: x\n" }, "undefined model or config 'x'"],
    ["extends cycle", { "guild.yml": "- model: a\n  extends: a\n" }, "cycle in 'extends' (a -> a)"],
    ["bad extends", { "guild.yml": "- model: a\n  extends: 1\n" }, "invalid extends value 1: expected a string or list"],
    ["package parent", { "guild.yml": "- model: a\n  extends: pkg/m\n" }, "cannot find Guild file for package 'pkg'"],
    ["package model", { "guild.yml": "- model: a\n  extends: pkg/m\n", "pkg/guild.yml": "- config: x\n" }, "undefined model or config 'm' in package 'pkg'"],
    ["parent named like an object property", { "guild.yml": "- model: a\n  extends: toString\n" }, "undefined model or config 'toString'"],
    ["package without model", { "guild.yml": "- model: a\n  extends: pkg/\n" }, "invalid model or config reference 'pkg/': missing model name"],
    ["no include target", { "guild.yml": "op:\n  main: x\n  flags: {$include: nope}\n" }, "invalid include reference 'nope': cannot find target"],
  ];
  test.each(errors)("%s", (_name, files, expected) => expect(() => load(files)).toThrow(expected));
});

describe("splitIncludeRef", () => {
  const cases: [string, [string, string | null, string | null]][] = [
    ["shared-flags", ["shared-flags", null, null]],
    ["shared-flags#", ["shared-flags", null, null]],
    ["shared-flags#a,b", ["shared-flags", null, "a,b"]],
    [":op#a", ["", "op", "a"]],
    ["m:op", ["m", "op", null]],
  ];
  test.each(cases)("%s", (ref, expected) => expect(splitIncludeRef(ref, "<string>")).toEqual(expected));
  test("empty", () => expect(() => splitIncludeRef("", "<string>")).toThrow("invalid include reference '': operation references must be specified as CONFIG[#ATTRS] or MODEL:OPERATION[#ATTRS]"));
});
