import { describe, expect, test } from "vitest";
import { mkdtempSync, mkdirSync, readdirSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PyFloat } from "../../lib/python/values.js";
import { buildSteps, type ParentRunInfo } from "./step.js";
import { stepProgressMessage, stepRunArgs } from "./step-command.js";
import { linkToStepRun, stepLinkName, uniqueLinkPath } from "./step-link.js";
import { applyDefaultModel } from "./opspec.js";
// Run specs are parsed as the CLI parses them: with the `guild run` command's own options.
import { parseStepRunArgs } from "../commands/run.js";

function parent(modelName: string, flags: Record<string, unknown> = {}, runParams: Record<string, unknown> = { label: null, tags: [] }): ParentRunInfo {
  return { id: "p".repeat(32), modelName, flags, runParams };
}

function progress(steps: unknown, parentRun: ParentRunInfo): { lines: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const built = buildSteps(steps, parentRun, { parseRunArgs: parseStepRunArgs, warn: (message) => warnings.push(message) });
  return { lines: built.map((step) => stepProgressMessage(step, parentRun.runParams)), warnings };
}

describe("progress lines as in the steps transcript", () => {
  test.each<[string, unknown, ParentRunInfo, string[]]>([
    ["steps-basic", ["step-1", "step-2"], parent("m1"), ["running step-1: m1:step-1", "running step-2: m1:step-2"]],
    ["steps-named", [{ run: "step-1", name: "s1" }, { run: "step-2", name: "s2" }], parent("m1"), ["running s1: m1:step-1", "running s2: m1:step-2"]],
    ["steps-hello", ["hello msg=${msg}", "hello msg='${msg} (again)'"], parent("m1", { msg: "hello steps" }), [
      "running hello: m1:hello msg='hello steps'",
      "running hello: m1:hello msg='hello steps (again)'",
    ]],
    ["composite", ["hello msg='hello m2, from ${name}'", "m1:hello msg='hello m1, from ${name}'"], parent("m2", { name: "composite" }), [
      "running hello: m2:hello msg='hello m2, from composite'",
      "running m1:hello: m1:hello msg='hello m1, from composite'",
    ]],
    ["composite --label", ["hello msg='hello m2, from ${name}'"], parent("m2", { name: "composite" }, { label: "a label", tags: [] }), [
      "running hello: m2:hello --label a label msg='hello m2, from composite'",
    ]],
    ["composite -t", ["m1:hello msg='hello m1, from ${name}'"], parent("m2", { name: "composite" }, { label: null, tags: ["blue", "green"] }), [
      "running m1:hello: m1:hello --tag blue --tag green msg='hello m1, from composite'",
    ]],
    ["end-to-end", ["prepare --needed", "train loss=${loss}", { name: "eval", run: "evaluate acc=${acc}" }], parent("m4", { acc: new PyFloat(0.5), loss: new PyFloat(1) }), [
      "running prepare: m4:prepare --needed",
      "running train: m4:train loss=1.0",
      "running eval: m4:evaluate acc=0.5",
    ]],
    ["m5 more specific flag wins", ["op"], parent("m5", { "m5:op:msg": "hi-5", "op:msg": "hi-4" }), ["running op: m5:op msg=hi-5"]],
    ["m5 op-qualified flag", ["op"], parent("m5", { "op:msg": "hi from test 2" }), ["running op: m5:op msg='hi from test 2'"]],
    ["bad op", ["not-defined"], parent("m3"), ["running not-defined: m3:not-defined"]],
    ["step label, parent tag", [{ run: "hello", label: "lbl-1" }], parent("m", {}, { label: null, tags: ["p1"] }), ["running hello: m:hello --label lbl-1 --tag p1"]],
    ["data flags replace inline", [{ run: "hello msg=a", flags: { msg: "b" } }], parent("m1"), ["running hello: m1:hello msg=b"]],
    ["null flags dropped", ["hello a=null b=1"], parent("m1"), ["running hello: m1:hello b=1"]],
  ])("%s", (_name, steps, parentRun, expected) => {
    expect(progress(steps, parentRun).lines).toEqual(expected);
  });

  test("ignored run parameters warn in parameter-name order", () => {
    expect(progress(["m1:hello --stage --run-dir /tmp", "hello -y --quiet"], parent("m3"))).toEqual({
      lines: ["running m1:hello: m1:hello", "running hello: m3:hello"],
      warnings: [
        "run parameter run_dir used in 'm1:hello --stage --run-dir /tmp' ignored",
        "run parameter stage used in 'm1:hello --stage --run-dir /tmp' ignored",
        "run parameter quiet used in 'hello -y --quiet' ignored",
        "run parameter yes used in 'hello -y --quiet' ignored",
      ],
    });
  });

  test("no steps", () => {
    expect(progress(null, parent("m"))).toEqual({ lines: [], warnings: [] });
    expect(progress([], parent("m"))).toEqual({ lines: [], warnings: [] });
  });
});

describe("invalid steps", () => {
  test.each<[unknown, string]>([
    [[[1, 2, 3]], "invalid step data: [1, 2, 3]"],
    [[null], "invalid step data: None"],
    [["   "], "invalid step {'run': '   '}: must define run"],
    [[{}], "invalid step {}: must define run"],
    [["ok", 5], "invalid step data: 5"],
    [[{ run: "hello", flags: "x" }], "invalid flags value 'x'"],
    [["hello --foo"], "invalid run spec 'hello --foo': No such option: --foo"],
    [["hello --label"], "invalid run spec 'hello --label': Option '--label' requires an argument."],
    [["hello msg"], "invalid argument(s):\nmsg\nexpected NAME=VAL"],
    [["hello 'unclosed"], "invalid run spec \"hello 'unclosed\": No closing quotation"],
    [{ a: 1 }, "invalid steps data {'a': 1}: expected list"],
  ])("%j", (steps, message) => {
    expect(() => progress(steps, parent("m"))).toThrow(message);
  });
});

describe("step run arguments", () => {
  test("child command line", () => {
    const [step] = buildSteps(["train loss=${loss}"], parent("m4", { loss: new PyFloat(1) }), { parseRunArgs: parseStepRunArgs, warn: () => {} });
    expect(stepRunArgs(step, "/runs/abc", { stage_trials: true })).toEqual(["-y", "--force-flags", "--run-dir", "/runs/abc", "m4:train", "--stage-trials", "loss=1.0"]);
    expect(step.flags.loss).toEqual(new PyFloat(1));
  });

  test.each([
    ["prepare", "m4", "m4:prepare"],
    ["m1:hello", "m4", "m1:hello"],
    ["hello", "", "hello"],
    ["pkg/m:op", "x", "m:op"],
  ])("opspec %j in model %j", (opspec, model, expected) => {
    expect(applyDefaultModel(opspec, model)).toBe(expected);
  });
});

describe("step links", () => {
  test.each([
    ["step-1", "step-1"],
    ["m1:hello", "m1-hello"],
    ["a b/c\\d", "a-b-c-d"],
  ])("link name for %j", (name, expected) => {
    expect(stepLinkName(name)).toBe(expected);
  });

  test("repeated names get _2, _3 and links are relative", () => {
    const runs = mkdtempSync(join(tmpdir(), "steps-test-"));
    const parentDir = join(runs, "parent");
    mkdirSync(parentDir);
    const links = ["a", "b", "c"].map((id) => linkToStepRun("step-1", join(runs, id), parentDir));
    expect(links).toEqual(["step-1", "step-1_2", "step-1_3"].map((name) => join(parentDir, name)));
    expect(readlinkSync(links[1])).toBe("../b");
    expect(uniqueLinkPath("/x/y", () => false)).toBe("/x/y");
  });

  test.each([
    ["..", ".._2"],
    [".", "._2"],
    ["../../x", "..-..-x"],
  ])("a step named %j links inside its parent run as %j", (name, expected) => {
    const runs = mkdtempSync(join(tmpdir(), "steps-test-"));
    const parentDir = join(runs, "parent");
    mkdirSync(parentDir);
    const link = linkToStepRun(name, join(runs, "step"), parentDir);
    expect(link).toBe(parentDir + "/" + expected);
    expect(readdirSync(runs).sort()).toEqual(["parent"]);
    expect(readlinkSync(link)).toBe("../step");
  });
});

describe("running steps", () => {
  test("links, logs and runs each step; stops at the first failure", async () => {
    const { runSteps } = await import("./run-steps.js");
    const runs = mkdtempSync(join(tmpdir(), "steps-run-"));
    const parentDir = join(runs, "p".repeat(32));
    mkdirSync(parentDir);
    const events: string[] = [];
    let next = 0;
    const code = await runSteps(
      { ...parent("m1"), dir: parentDir, steps: ["step-1", { run: "step-2", "isolate-runs": false }, "step-3"] },
      { parseRunArgs: parseStepRunArgs },
      {
        newRunId: () => `id${++next}`,
        runStep: async (args, options) => {
          events.push(`run ${args.join(" ")} parent=${options.runsParent ? "p" : "none"}`);
          return args.includes("m1:step-2") ? 3 : 0;
        },
        log: (level, message) => events.push(`${level}: ${message}`),
        error: (message) => events.push(`guild: ${message}`),
      },
    );
    expect(code).toBe(3);
    expect(events).toEqual([
      "INFO: running step-1: m1:step-1",
      `run -y --force-flags --run-dir ${join(runs, "id1")} m1:step-1 parent=p`,
      "INFO: running step-2: m1:step-2",
      `run -y --force-flags --run-dir ${join(runs, "id2")} m1:step-2 parent=none`,
    ]);
    expect(readlinkSync(join(parentDir, "step-2"))).toBe("../id2");
  });

  test("bad step data fails before any step runs", async () => {
    const { runSteps } = await import("./run-steps.js");
    const events: string[] = [];
    const code = await runSteps(
      { ...parent("m3"), dir: "/nonexistent/p", steps: ["ok", [1, 2, 3]] },
      { parseRunArgs: parseStepRunArgs },
      { newRunId: () => "x", runStep: async () => 0, log: (l, m) => events.push(m), error: (m) => events.push(`guild: ${m}`) },
    );
    expect({ code, events }).toEqual({ code: 1, events: ["guild: invalid step data: [1, 2, 3]"] });
  });
});

describe("with guild run's own option table", () => {
  test.each([
    ["hello --foo", "invalid run spec 'hello --foo': No such option: --foo"],
    ["hello --force-flag", "invalid run spec 'hello --force-flag': No such option: --force-flag"],
  ])("%j", (spec, message) => {
    expect(() => buildSteps([spec], parent("m1"), { parseRunArgs: parseStepRunArgs, warn: () => {} })).toThrow(message);
  });
});
