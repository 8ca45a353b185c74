// Fault tests: FIFOs and device links planted in a run's .guild never stall a command; the run reads as if they were missing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { copySandbox, makeSandbox, removeSandboxesAfterAll, runGuild, type Sandbox } from "./cli-process.test-support.js";

removeSandboxesAfterAll();

const GUILD_YML = `hello:
  exec: python3 -c "print('hi')"
  flags:
    x: 1
`;

const plants: { name: string; plant: (file: string) => void }[] = [
  { name: "a FIFO", plant: (file) => execFileSync("mkfifo", [file]) },
  { name: "a link to /dev/zero", plant: (file) => fs.symlinkSync("/dev/zero", file) },
];

const commands = ["runs", "runs -a", "runs info", "compare -t", "runs info --all-scalars"];

/** A Guild home with one completed run, made by the first case that needs it. */
let completedRun: Promise<Sandbox> | null = null;

async function makeCompletedRun(): Promise<Sandbox> {
  const sandbox = makeSandbox({ "guild.yml": GUILD_YML });
  expect((await runGuild(sandbox, ["run", "hello", "-y"])).code).toBe(0);
  return sandbox;
}

/** One completed run (a copy of the same one for each plant) whose opref and attrs (label, flags, started, exit_status) are replaced by `plant`. */
async function plantedRun(plant: (file: string) => void): Promise<Sandbox> {
  const sandbox = copySandbox(await (completedRun ??= makeCompletedRun()), { "guild.yml": GUILD_YML });
  const runsDir = path.join(sandbox.guildHome, "runs");
  const guildDir = path.join(runsDir, fs.readdirSync(runsDir)[0], ".guild");
  for (const file of ["opref", "attrs/label", "attrs/flags", "attrs/started", "attrs/exit_status"]) {
    fs.rmSync(path.join(guildDir, file), { force: true });
    plant(path.join(guildDir, file));
  }
  return sandbox;
}

describe.each(plants)("$name as opref and attrs", ({ plant }) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await plantedRun(plant);
  });

  test.each(commands)("guild %s ends", async (command) => {
    const result = await runGuild(sandbox, command.split(" "));
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/Error|at .*\.m?js:\d+/);
  });

  test("guild runs rm removes the run", async () => {
    const result = await runGuild(sandbox, ["runs", "rm", "-y", "1"]);
    expect(result).toEqual({ code: 0, output: "Deleted 1 run(s)\n" });
  });
});
