import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CliError } from "../io.js";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { localTime, makeFixture, micros, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import type { CommandArgs } from "../cli/options.js";
import { runsListCommand } from "./runs-list.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

async function list(overrides: Partial<CommandArgs<typeof runsListCommand>> = {}, cwd?: string) {
  const captured = captureContext(fixture, "guild runs list", { cwd });
  const code = await runsListCommand.run!(argsFor(runsListCommand, overrides), captured.ctx);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

function threeRuns() {
  fixture = makeFixture();
  writeRun(fixture, { id: "b947be0873d343d7b940af5bc9490cea", model: "m1", op: "steps-basic", started: micros("2026-11-25T14:32:03Z"), exitStatus: 0 });
  writeRun(fixture, { id: "9cfde98f68584b1a82f8ad556590029d", model: "m1", op: "step-1", started: micros("2026-11-25T14:32:04Z"), exitStatus: 0 });
  writeRun(fixture, { id: "050247ae0c844e01957fb2b43952d47c", model: "m1", op: "step-2", started: micros("2026-11-25T14:32:05Z"), exitStatus: 0, label: "msg=hi" });
}

describe("guild runs list", () => {
  it("shows index, operation, started, status and label, newest first", async () => {
    threeRuns();
    const result = await list();
    expect(result).toEqual({
      code: 0,
      stdout:
        `[1:050247ae]  m1:step-2       ${localTime("2026-11-25T14:32:05Z")}  completed  msg=hi\n` +
        `[2:9cfde98f]  m1:step-1       ${localTime("2026-11-25T14:32:04Z")}  completed  \n` +
        `[3:b947be08]  m1:steps-basic  ${localTime("2026-11-25T14:32:03Z")}  completed  \n`,
      stderr: "",
    });
  });

  it.each([
    { args: { simplified: true }, expected: "[1]  m1:step-2       completed  msg=hi\n[2]  m1:step-1       completed  \n[3]  m1:steps-basic  completed  \n" },
    { args: { simplified: true, limit: 1 }, expected: "[1]  m1:step-2  completed  msg=hi\n" },
    { args: { simplified: true, filter_ops: ["step-1"] }, expected: "[1]  m1:step-1  completed  \n" },
  ])("$args", async ({ args, expected }) => {
    threeRuns();
    expect((await list(args)).stdout).toBe(expected);
  });

  it("limits to 20 runs with a note, -m shows 20 more, -a all", async () => {
    fixture = makeFixture();
    for (let index = 0; index < 45; index++) writeRun(fixture, { id: index.toString(16).padStart(32, "0"), started: 1000 + index, exitStatus: 0 });
    const first = await list({ simplified: true });
    expect(first.stdout.split("\n").length - 1).toBe(20);
    expect(first.stderr).toBe("Showing the first 20 runs (45 total) - use --all to show all or -m to show more\n");
    const more = await list({ simplified: true, more: 1 });
    expect(more.stderr).toBe("Showing the first 40 runs (45 total) - use --all to show all or -m to show more\n");
    const all = await list({ simplified: true, all: true });
    expect([all.stdout.split("\n").length - 1, all.stderr]).toEqual([45, ""]);
  });

  it("rejects --all with --limit", async () => {
    threeRuns();
    await expect(list({ all: true, limit: 2 })).rejects.toThrow(
      new CliError("--all and --limit cannot both be specified\nTry 'guild runs list --help' for more information."),
    );
  });

  it.each([
    { guildDir: "gwork/steps3", cwd: "", expected: "m1:hello (gwork/steps3)" },
    { guildDir: "steps3", cwd: "gwork", expected: "m1:hello (../steps3)" },
    { guildDir: "gwork", cwd: "gwork/sub", expected: "m1:hello (../)" },
    { guildDir: "", cwd: "", expected: "m1:hello" },
  ])("operation of a Guild file in $guildDir seen from $cwd: $expected", async ({ guildDir, cwd, expected }) => {
    fixture = makeFixture();
    const guildfileDir = path.join(fixture.project, guildDir);
    const projectDir = path.join(fixture.project, cwd);
    fs.mkdirSync(projectDir, { recursive: true });
    writeRun(fixture, { id: "a".repeat(32), model: "m1", op: "hello", guildfile: path.join(guildfileDir, "guild.yml"), exitStatus: 0 });
    const result = await list({ simplified: true }, projectDir);
    expect(result.stdout).toBe(`[1]  ${expected}  completed  \n`);
  });

  it("shows deleted runs with --deleted, and marked runs with a suffix", async () => {
    fixture = makeFixture();
    writeRun(fixture, { id: "a".repeat(32), exitStatus: 1, deleted: true, marked: true });
    writeRun(fixture, { id: "b".repeat(32), exitStatus: 0 });
    expect((await list({ simplified: true, deleted: true })).stdout).toBe("[1]  m1:hello [marked]  error  \n");
  });
});
