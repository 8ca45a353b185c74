// Restarts and protos: the stored op command read back, and the options a restart refuses.
import { describe, expect, test } from "vitest";
import { argsFor } from "../commands/command-context.test-support.js";
import { runCommand } from "../commands/run.js";
import { checkRestartParams, opCmdFromData } from "./restart.js";
import type { RunParams } from "./run-params.js";

describe("opCmdFromData reads the op attr's op-cmd", () => {
  const cases: [string, unknown, Partial<ReturnType<typeof opCmdFromData>>][] = [
    ["a main op", { "cmd-args": ["${python_exe}", "-um", "guild.op_main", "train", "--", "__flag_args__"], "flags-dest": "args" }, { kind: "main", flagsDest: "args" }],
    ["an exec op", { "cmd-args": ["python", "-c", "x"], "cmd-env": { A: 1 } }, { kind: "exec", cmdEnv: { A: "1" }, flagsDest: "args" }],
    ["a stepped op", { "cmd-args": ["${python_exe}", "-um", "guild.steps_main"], "flags-dest": "globals" }, { kind: "steps", flagsDest: "globals" }],
    ["nothing", null, { kind: "exec", cmdArgs: [], cmdFlags: {} }],
  ];
  test.each(cases)("%s", (_name, data, expected) => {
    expect(opCmdFromData(data)).toMatchObject(expected);
  });

  test("per-flag settings keep their values", () => {
    const opCmd = opCmdFromData({ "cmd-args": ["x"], "cmd-flags": { lr: { "arg-name": "learning-rate", "arg-skip": true, "env-name": "LR" } } });
    expect(opCmd.cmdFlags.lr).toMatchObject({ argName: "learning-rate", argSkip: true, envName: "LR", argSwitch: null });
  });
});

describe("checkRestartParams", () => {
  const restart = (overrides: Partial<RunParams>): RunParams => ({ ...argsFor(runCommand), restart: "abc", ...overrides });
  const refused: [Partial<RunParams>, string][] = [
    [{ opspec: "train" }, "OPERATION cannot be used with --restart"],
    [{ proto: "x" }, "--proto cannot be used with --restart"],
    [{ run_dir: "d" }, "--run-dir cannot be used with --restart"],
    [{ optimizer: "random" }, "--optimizer cannot be used with --restart"],
    [{ help_op: true }, "--help-op cannot be used with --restart"],
  ];
  test.each(refused)("%j: %s", (overrides, message) => {
    expect(() => checkRestartParams(restart(overrides))).toThrow(`${message}\nTry 'guild run --help' for more information.`);
  });

  test("flags, labels and --stage go with a restart; nothing is checked without one", () => {
    expect(() => checkRestartParams(restart({ flags: ["a=1"], label: "x", stage: true }))).not.toThrow();
    expect(() => checkRestartParams({ ...argsFor(runCommand), opspec: "train", proto: "x" })).not.toThrow();
  });
});
