// Config sources: `a.b` keys nest into the config, params before flags; the generated file lives under .guild/generated.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { PyFloat } from "../../lib/python/values.js";
import type { CmdFlag } from "../flags/cmd-encode.js";
import { nestedConfig, resolveConfigSource } from "./config-source.js";
import { isResourceDef, resourceFromRequires } from "./resource.js";

const root = mkdtempSync(join(tmpdir(), "config-source-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = join(root, "project");
const runDir = join(root, "run");
mkdirSync(project, { recursive: true });
mkdirSync(runDir, { recursive: true });
writeFileSync(join(project, "c.yml"), "lr: 0.1\nmodel:\n  layers: 2\n");
writeFileSync(join(project, "c.json"), '{"b": 1, "a": {"x": "y"}}');
writeFileSync(join(project, "c.txt"), "");
writeFileSync(join(project, "c.ini"), "[train]\nlr = 0.1\n");

function generate(data: Record<string, unknown>, flagValues: Record<string, unknown>, cmdFlags: Record<string, CmdFlag> = {}) {
  const resource = resourceFromRequires(data);
  if (!isResourceDef(resource)) throw new Error("expected an inline resource");
  const context = {
    location: project, cwd: project, resourceCacheDir: join(root, "cache"), flagValues, unpack: () => [], runDir, cmdFlags, newId: () => "0123456789abcdef",
    info: () => {}, warn: () => {}, error: () => {},
  };
  try {
    return resolveConfigSource(resource.sources[0], null, context).map((path) => [relative(runDir, path).replace(/generated\/[^/]+/, "generated/<dir>"), readFileSync(path, "utf8")]);
  } catch (error) {
    return (error as Error).message.split(root).join("<root>");
  }
}

describe("config sources", () => {
  test.each([
    { data: { config: "c.yml" }, flags: { lr: 0.5 }, expected: [[".guild/generated/<dir>/c.yml", "lr: 0.5\nmodel:\n  layers: 2"]] },
    { data: { config: "c.yml", params: { "model.layers": 4, "model.name": "big" } }, flags: {}, expected: [[".guild/generated/<dir>/c.yml", "lr: 0.1\nmodel:\n  layers: 4\n  name: big"]] },
    { data: { config: "c.yml", params: { lr: 1 } }, flags: { lr: 2, skipped: null }, expected: [[".guild/generated/<dir>/c.yml", "lr: 2\nmodel:\n  layers: 2"]] },
    { data: { config: "c.json" }, flags: { "a.z": new PyFloat(1) }, expected: [[".guild/generated/<dir>/c.json", '{"a": {"x": "y", "z": 1.0}, "b": 1}']] },
    { data: { config: "c.ini" }, flags: { "train.lr": 0.5 }, expected: [[".guild/generated/<dir>/c.ini", "[train]\nlr = 0.5\n\n"]] },
    { data: { config: "c.txt" }, flags: {}, expected: "unsupported file type for '<root>/project/c.txt'" },
  ])("$data with $flags", ({ data, flags, expected }) => {
    expect(generate(data, flags)).toEqual(expected);
  });

  test("a flag's arg-name is its config key", () => {
    expect(generate({ config: "c.yml" }, { rate: 0.2 }, { rate: { argName: "lr" } })).toEqual([[".guild/generated/<dir>/c.yml", "lr: 0.2\nmodel:\n  layers: 2"]]);
  });

  test("an arg-split flag becomes a list of decoded values", () => {
    expect(generate({ config: "c.yml" }, { lr: "1 2.5" }, { lr: { argSplit: true } })).toEqual([[".guild/generated/<dir>/c.yml", "lr:\n- 1\n- 2.5\nmodel:\n  layers: 2"]]);
  });

  test("a dotted key cannot nest under a value", () => {
    expect(() => nestedConfig({ "lr.x": 1 }, { lr: 0.1 })).toThrow("'lr.x' cannot be nested: conflicts with {'lr': 0.1}");
  });
});
