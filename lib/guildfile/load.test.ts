// Loading guild.yml items: anonymous models (operations without a model name) as Guild 0.8.2 coerces them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadGuildfile } from "./load.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guildfile-load-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(text: string): string[] | string {
  fs.writeFileSync(path.join(dir, "guild.yml"), text);
  try {
    return loadGuildfile(dir).models.flatMap((model) => model.operations.map((opdef) => `${JSON.stringify(model.name)} ${opdef.fullname} ${opdef.main}`));
  } catch (error) {
    return (error as Error).message.replace(`${path.join(dir, "guild.yml")}: `, "");
  }
}

const cases: { name: string; text: string; expected: string[] | string }[] = [
  { name: "mapping form", text: "hello: {main: say}\n", expected: ['"" hello say'] },
  { name: "list item with operations only", text: "- operations: {hello: {main: say}}\n", expected: ['"" hello say'] },
  { name: "anonymous beside a named model", text: "- operations: {hello: say}\n- model: m\n  operations: {bye: say}\n", expected: ['"" hello say', '"m" m:bye say'] },
  { name: "config item keeps its operations out of models", text: "- operations: {hello: say}\n  config: c\n", expected: [] },
  {
    name: "package with operations gets a second type",
    text: "- operations: {hello: {main: say}}\n  package: p\n",
    expected: "error in multiple types (model, package) in {'operations': {'hello': {'main': 'say'}}, 'package': 'p', 'model': ''}",
  },
  { name: "two anonymous models", text: "- operations: {hello: say}\n- operations: {bye: say}\n", expected: "error in duplicate model ''" },
  { name: "no operations, no type", text: "- description: hi\n", expected: "error in missing required type (one of: config, include, model, package) in {'description': 'hi'}" },
];

describe("anonymous models", () => {
  test.each(cases)("$name", ({ text, expected }) => {
    expect(load(text)).toEqual(expected);
  });
});
