// Fault tests: `guild runs rm` racing itself deletes each run once, quietly, and never moves a trashed run again.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { copySandbox, makeSandbox, removeSandboxesAfterAll, runGuild, startGuild, type Sandbox } from "./cli-process.test-support.js";

removeSandboxesAfterAll();

const RUNS = 30;

const GUILD_YML = "op:\n  exec: python3 -c pass\n";
/** A Guild home with one completed run, made by the first case that needs it. */
let completedRun: Promise<Sandbox> | null = null;

async function makeCompletedRun(): Promise<Sandbox> {
  const sandbox = makeSandbox({ "guild.yml": GUILD_YML });
  expect((await runGuild(sandbox, ["run", "op", "-y"])).code).toBe(0);
  return sandbox;
}

/** A Guild home of its own with RUNS completed runs: one real run (the same for each case), copied under fresh ids. */
async function homeWithRuns() {
  const sandbox = copySandbox(await (completedRun ??= makeCompletedRun()), { "guild.yml": GUILD_YML });
  const runsDir = path.join(sandbox.guildHome, "runs");
  const [first] = fs.readdirSync(runsDir);
  const ids = [first];
  for (let index = 1; index < RUNS; index++) {
    const id = index.toString(16).padStart(32, "0");
    fs.cpSync(path.join(runsDir, first), path.join(runsDir, id), { recursive: true, verbatimSymlinks: true });
    ids.push(id);
  }
  return { sandbox, runsDir, trashDir: path.join(sandbox.guildHome, "trash", "runs"), ids: ids.sort() };
}

describe("concurrent guild runs rm", () => {
  test.each([2, 3, 4])("%i at once", async (count) => {
    const { sandbox, runsDir, trashDir, ids } = await homeWithRuns();
    const commands = Array.from({ length: count }, () => startGuild(sandbox, ["runs", "rm", "-y"]));
    const codes = await Promise.all(commands.map((command) => command.exit));
    const outputs = commands.map((command) => command.output());
    expect(codes, outputs.join("\n")).toEqual(Array(count).fill(0));
    for (const output of outputs) expect(output).toMatch(/^(Deleted \d+ run\(s\)|Nothing to delete\.)\n$/);
    expect(fs.readdirSync(runsDir)).toEqual([]);
    expect(fs.readdirSync(trashDir).sort()).toEqual(ids);
  });

  test("rm and restore racing leave every run in one piece, in runs or trash", async () => {
    const { sandbox, runsDir, trashDir, ids } = await homeWithRuns();
    const commands = [["runs", "rm", "-y"], ["runs", "restore", "-y"], ["runs", "rm", "-y"], ["runs", "restore", "-y"]].map((args) => startGuild(sandbox, args));
    const codes = await Promise.all(commands.map((command) => command.exit));
    expect(codes, commands.map((command) => command.output()).join("\n")).toEqual([0, 0, 0, 0]);
    const present = [...fs.readdirSync(runsDir), ...(fs.existsSync(trashDir) ? fs.readdirSync(trashDir) : [])];
    // A run moved aside (`<id>_<random>`) is kept, never lost: every id is there once.
    expect(present.map((name) => name.slice(0, 32)).sort()).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect(present.filter((name) => name === id).length, id).toBe(1);
  });
});
