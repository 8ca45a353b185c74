import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { localTime, makeFixture, micros, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import { runsDeleteCommand, runsPurgeCommand, runsRestoreCommand } from "./runs-remove.js";
import type { GuildCommand } from "./command.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const A = "a".repeat(32);
const B = "b".repeat(32);

async function invoke(command: GuildCommand, commandPath: string, overrides: Record<string, unknown>, input: string[] = []) {
  const captured = captureContext(fixture, commandPath, { input });
  try {
    const code = await command.run!(argsFor(command, overrides), captured.ctx);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  } catch (error) {
    return { code: -1, error: (error as Error).message, stdout: captured.stdout(), stderr: captured.stderr() };
  }
}

function twoRuns() {
  fixture = makeFixture();
  writeRun(fixture, { id: A, model: "m1", op: "hello", started: micros("2026-11-25T14:00:02Z"), exitStatus: 0, label: "x" });
  writeRun(fixture, { id: B, model: "m1", op: "step-1", started: micros("2026-11-25T14:00:01Z"), exitStatus: 0 });
}

describe("guild runs rm", () => {
  it("moves every filtered run to the trash with -y", async () => {
    twoRuns();
    const result = await invoke(runsDeleteCommand, "guild runs rm", { yes: true });
    expect(result).toEqual({ code: 0, stdout: "", stderr: "Deleted 2 run(s)\n" });
    expect([fs.existsSync(fixture.runDir(A)), fs.existsSync(fixture.runDir(A, true)), fs.existsSync(fixture.runDir(B, true))]).toEqual([false, true, true]);
  });

  it("previews, asks, and exits 4 when declined", async () => {
    twoRuns();
    const result = await invoke(runsDeleteCommand, "guild runs rm", { runs: ["1"] }, ["n"]);
    expect(result).toEqual({
      code: 4,
      stdout: "",
      stderr: `You are about to delete the following runs:\n  [aaaaaaaa]  m1:hello  ${localTime("2026-11-25T14:00:02Z")}  completed  x\nDelete 1 run(s)? (Y/n) `,
    });
    expect(fs.existsSync(fixture.runDir(A))).toBe(true);
  });

  it("accepts the default answer", async () => {
    twoRuns();
    const result = await invoke(runsDeleteCommand, "guild runs rm", { runs: ["2"] }, [""]);
    expect([result.code, result.stderr.endsWith("Delete 1 run(s)? (Y/n) Deleted 1 run(s)\n")]).toEqual([0, true]);
    expect(fs.existsSync(fixture.runDir(B, true))).toBe(true);
  });

  it("deletes permanently with -p", async () => {
    twoRuns();
    const result = await invoke(runsDeleteCommand, "guild runs rm", { runs: ["1"], permanent: true, yes: true });
    expect(result.stderr).toBe("Permanently deleted 1 run(s)\n");
    expect([fs.existsSync(fixture.runDir(A)), fs.existsSync(fixture.runDir(A, true))]).toEqual([false, false]);
  });

  it.each([
    { overrides: { yes: true, filter_ops: ["nope"] }, expected: { code: 0, stdout: "", stderr: "Nothing to delete.\n" } },
    {
      overrides: { yes: true, runs: ["zzz"] },
      expected: { code: -1, stdout: "", stderr: "", error: "could not find a run matching 'zzz'\nTry 'guild runs list' for a list or 'guild runs rm --help' for more information." },
    },
  ])("$overrides", async ({ overrides, expected }) => {
    twoRuns();
    expect(await invoke(runsDeleteCommand, "guild runs rm", overrides)).toEqual(expected);
  });

  it("prints the runs a prefix matches several of", async () => {
    twoRuns();
    writeRun(fixture, { id: "a".repeat(8) + "c".repeat(24), started: 3 });
    const result = await invoke(runsDeleteCommand, "guild runs rm", { yes: true, runs: ["aaaa"] });
    expect(result).toEqual({ code: -1, error: "", stdout: "", stderr: "'aaaa' matches multiple runs:\n  aaaaaaaa\n  aaaaaaaa\n" });
  });
});

describe("guild runs restore and purge", () => {
  it("restores deleted runs and purges the rest", async () => {
    twoRuns();
    await invoke(runsDeleteCommand, "guild runs rm", { yes: true });
    expect((await invoke(runsRestoreCommand, "guild runs restore", { runs: ["2"], yes: true })).stderr).toBe("Restored 1 run(s)\n");
    expect(fs.existsSync(fixture.runDir(B))).toBe(true);
    const declined = await invoke(runsPurgeCommand, "guild runs purge", {}, [""]);
    expect([declined.code, declined.stderr.split("\n")[0], declined.stderr.split("\n").at(-1)]).toEqual([
      4,
      "WARNING: You are about to permanently delete the following runs:",
      "Permanently delete 1 run(s)? (y/N) ",
    ]);
    expect((await invoke(runsPurgeCommand, "guild runs purge", { yes: true })).stderr).toBe("Permanently deleted 1 run(s)\n");
    expect(fs.existsSync(fixture.runDir(A, true))).toBe(false);
    expect((await invoke(runsPurgeCommand, "guild runs purge", { yes: true })).stderr).toBe("Nothing to purge.\n");
    expect((await invoke(runsRestoreCommand, "guild runs restore", { yes: true })).stderr).toBe("Nothing to restore.\n");
  });
});
