import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { useTempDir } from "./temp-dir.test-support.js";
import { loadGuildfile, type LoadedGuildfile } from "../../lib/guildfile/index.js";
import { PyFloat } from "../../lib/python/values.js";
import { batchOpFor, batchOpName, builtinBatchOp, optimizerDefs } from "./optimizers.js";

const GUILD_YML = `
train:
  exec: "true"
  flags: {x: 1}
single:
  exec: "true"
  optimizer: {algorithm: tune, beta: 0.3}
several:
  exec: "true"
  optimizers:
    o1: tune
    o2: {algorithm: tune-2, default: yes, gamma: 4}
no-default:
  exec: "true"
  optimizers:
    tune: {}
    alt: tune-2
tune:
  exec: "true"
tune-2:
  exec: "true"
`;

describe("optimizers", () => {
  const tempDir = useTempDir("optimizers-");
  let guildfile: LoadedGuildfile;
  const load = () => {
    fs.writeFileSync(path.join(tempDir(), "guild.yml"), GUILD_YML);
    guildfile = loadGuildfile(tempDir());
  };
  const opdef = (name: string) => guildfile.models[0].operations.find((op) => op.name === name)!;

  test("optimizerDefs: sorted by name, algorithm as opspec, the rest as flags", () => {
    load();
    expect(optimizerDefs(opdef("several"))).toEqual([
      { name: "o1", opspec: "tune", default: false, flags: {} },
      { name: "o2", opspec: "tune-2", default: true, flags: { gamma: 4 } },
    ]);
    expect(optimizerDefs(opdef("single"))).toEqual([{ name: "tune", opspec: "tune", default: false, flags: { beta: new PyFloat(0.3) } }]);
    expect(optimizerDefs(opdef("train"))).toEqual([]);
  });

  const choices: [string, string, { optimizer?: string; optimize?: boolean }, Record<string, unknown>, string | null][] = [
    ["scalar flags: no batch", "train", {}, { x: 1 }, null],
    ["a list: grid", "train", {}, { x: [1, 2] }, "+"],
    ["a range: random", "train", {}, { x: "[1:2]" }, "random"],
    ["a list and a range: random", "train", {}, { x: [1, 2], y: "loguniform[1:2]" }, "random"],
    ["-O with one optimizer", "single", { optimize: true }, {}, "tune"],
    ["-O picks the default", "several", { optimize: true }, {}, "tune-2"],
    ["-O without a default picks the first by name", "no-default", { optimize: true }, {}, "tune-2"],
    ["-o by optimizer name", "several", { optimizer: "o1" }, {}, "tune"],
    ["-o by operation", "several", { optimizer: "tune-2" }, {}, "tune-2"],
    ["-o random", "train", { optimizer: "random" }, {}, "random"],
    ["-o +", "train", { optimizer: "+" }, {}, "+"],
  ];
  test.each(choices)("%s", (_name, op, choice, flags, expected) => {
    load();
    const batch = batchOpFor(guildfile, opdef(op), { optimizer: choice.optimizer ?? null, optimize: choice.optimize ?? false }, flags as never, null);
    expect(batch && batchOpName(batch.opdef)).toBe(expected);
  });

  test.each([
    ["gp", "skopt:gp"],
    ["skopt:gp", "skopt:gp"],
    ["bayesian", "skopt:gp"],
    ["gaussian", "skopt:gp"],
    ["forest", "skopt:forest"],
    ["skopt:forest", "skopt:forest"],
    ["gbrt", "skopt:gbrt"],
    ["skopt:gbrt", "skopt:gbrt"],
  ])("-o %s: the scikit-optimize optimizer %s", (name, expected) => {
    load();
    const batch = batchOpFor(guildfile, opdef("train"), { optimizer: name, optimize: false }, {}, null);
    expect(batch && batchOpName(batch.opdef)).toBe(expected);
  });

  test("-O with no optimizer in the Guild file is gp", () => {
    load();
    const batch = batchOpFor(guildfile, opdef("train"), { optimizer: null, optimize: true }, {}, null);
    expect(batch && batchOpName(batch.opdef)).toBe("skopt:gp");
  });

  test.each([["gp"], ["forest"], ["gbrt"], ["random"], ["+"]])("builtinBatchOp(%s) finds the op a batch run's opref names", (opName) => {
    expect(builtinBatchOp(opName)?.opName).toBe(opName);
  });

  test.each([["bayesian"], ["skopt:gp"], ["train"]])("builtinBatchOp(%s): an alias is not an opref's op name", (opName) => {
    expect(builtinBatchOp(opName)).toBeNull();
  });

  test("an unknown optimizer is an unknown operation", () => {
    load();
    expect(() => batchOpFor(guildfile, opdef("train"), { optimizer: "nope", optimize: false }, {}, null)).toThrow("operation 'nope' is not defined for this project");
  });

  test("batch files make a grid", () => {
    load();
    expect(batchOpName(batchOpFor(guildfile, opdef("train"), { optimizer: null, optimize: false }, { x: 1 }, [{ x: 2 }])!.opdef)).toBe("+");
  });
});
