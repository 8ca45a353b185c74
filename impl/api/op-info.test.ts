// opInfo: each flag's default, its assignment, choices and type (null when no script is there to import types from), as Guild's op_info_for_opdef gives them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadGuildfile } from "../../lib/guildfile/index.js";
import { pyJsonDumps } from "../../lib/python/json.js";
import { guildfileOpref } from "../ops/resolve-op.js";
import { opInfo } from "./op-info.js";

const GUILD_YML = `
train:
  description: Train
  main: train
  flags:
    lr: 0.1
    epochs: 2
    fast: no
    name: my model
    empty: null
    opt:
      default: adam
      choices:
        - value: adam
          description: Adaptive
        - value: sgd
          alias: plain
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "op-info-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.writeFileSync(path.join(dir, "guild.yml"), GUILD_YML);
const guildfile = loadGuildfile(dir);
const opdef = guildfile.models[0]!.operations[0]!;
const info = opInfo(opdef, guildfile, guildfileOpref(guildfile, opdef), false);

describe("opInfo flags", () => {
  const cases: [string, string][] = [
    ["lr", '{"default": 0.1, "defaultAssign": "lr=0.1", "description": "", "choices": [], "type": null}'],
    ["epochs", '{"default": 2, "defaultAssign": "epochs=2", "description": "", "choices": [], "type": null}'],
    ["fast", '{"default": false, "defaultAssign": "fast=no", "description": "", "choices": [], "type": null}'],
    ["name", `{"default": "my model", "defaultAssign": "name='my model'", "description": "", "choices": [], "type": null}`],
    ["empty", '{"default": null, "defaultAssign": "empty=null", "description": "", "choices": [], "type": null}'],
    [
      "opt",
      '{"default": "adam", "defaultAssign": "opt=adam", "description": "", "choices": [{"value": "adam", "alias": null, "description": "Adaptive"}, {"value": "sgd", "alias": "plain", "description": ""}], "type": null}',
    ],
  ];
  test.each(cases)("%s", (name, expected) => {
    expect({ name, json: pyJsonDumps((info.flags as Record<string, unknown>)[name]) }).toEqual({ name, json: expected });
  });
});

test("a Guild file operation names its file as the source and its md5 as the version", () => {
  expect(info.guildfile).toEqual({ dir: guildfile.dir, src: path.join(guildfile.dir, "guild.yml") });
  expect(info.opref).toEqual({ pkgType: "guildfile", pkgName: guildfile.path, pkgVersion: guildfile.md5, modelName: "", opName: "train" });
});

test("a script operation has no Guild file source", () => {
  const script = opInfo(opdef, guildfile, { pkgType: "script", pkgName: dir, pkgVersion: "", modelName: "", opName: "train.py" }, true);
  expect(script.guildfile).toEqual({ dir: guildfile.dir, src: null });
});
