// Fault tests: signals reach the op of `guild run`, whose run is recorded as terminated; a busy CLI still stops.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { isAlive, killGroup, makeSandbox, removeSandboxesAfterAll, runGuild, startGuild } from "./cli-process.test-support.js";

removeSandboxesAfterAll();

const SLEEPER = `import os, time
open(os.path.join(os.environ["RUN_DIR"], "op-pid"), "w").write(str(os.getpid()))
print("op started", flush=True)
time.sleep(60)
`;
const GUILD_YML = `sleeper:
  exec: python3 \${project_dir}/sleeper.py
pipeline:
  steps:
    - sleeper
    - sleeper
`;

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

function opPid(guildHome: string): number {
  const runsDir = path.join(guildHome, "runs");
  const runId = fs.readdirSync(runsDir).find((id) => fs.existsSync(path.join(runsDir, id, "op-pid")))!;
  return Number(fs.readFileSync(path.join(runsDir, runId, "op-pid"), "utf8"));
}

describe("a signal to `guild run` stops its op and the run is terminated", () => {
  test.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s to the CLI alone", async (signal) => {
    const sandbox = makeSandbox({ "guild.yml": GUILD_YML, "sleeper.py": SLEEPER });
    const guild = startGuild(sandbox, ["run", "sleeper", "-y"]);
    await guild.waitFor("op started");
    guild.child.kill(signal);
    expect(await guild.exit).toBe(240);
    expect(isAlive(opPid(sandbox.guildHome)), "the op outlived the CLI").toBe(false);
    const runs = await runGuild(sandbox, ["runs", "-s"]);
    expect(runs.output).toMatch(/\[1\]\s+sleeper\s+terminated/);
  });

  test("SIGKILL to the CLI's process group (a harness's timeout) takes the op along", async () => {
    const sandbox = makeSandbox({ "guild.yml": GUILD_YML, "sleeper.py": SLEEPER });
    const guild = startGuild(sandbox, ["run", "sleeper", "-y"]);
    await guild.waitFor("op started");
    killGroup(guild.child, "SIGKILL");
    expect(await guild.exit).toBe(137);
    const pid = opPid(sandbox.guildHome);
    // The op died with the group; only its reaping by init may lag.
    for (let tries = 0; tries < 100 && isAlive(pid); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isAlive(pid), "the op outlived the CLI").toBe(false);
  });
});

describe("a signal to a stepped run stops the step and the steps after it", () => {
  test.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s", async (signal) => {
    const sandbox = makeSandbox({ "guild.yml": GUILD_YML, "sleeper.py": SLEEPER });
    const guild = startGuild(sandbox, ["run", "pipeline", "-y"]);
    await guild.waitFor("op started");
    guild.child.kill(signal);
    expect(await guild.exit).toBe(240);
    expect(isAlive(opPid(sandbox.guildHome)), "the step's op outlived the CLI").toBe(false);
    const runs = await runGuild(sandbox, ["runs", "-s"]);
    expect(runs.output).toMatch(/^\[1\]\s+sleeper\s+terminated\s*\n\[2\]\s+pipeline\s+terminated\s*\n$/);
  });
});

describe("a busy CLI stops on a signal", () => {
  test.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)("%s while the CLI reads a FIFO as its Guild file", async (signal) => {
    const sandbox = makeSandbox({});
    // A FIFO nobody writes to blocks its reader in open(2): the CLI is stuck in a synchronous read.
    execFileSync("mkfifo", [path.join(sandbox.project, "guild.yml")]);
    const guild = startGuild(sandbox, ["operations"]);
    // Whether the signal comes before or during the read, the CLI must end (the default action of the signal).
    await new Promise((resolve) => setTimeout(resolve, 300));
    guild.child.kill(signal);
    expect(await guild.exit).toBe(128 + SIGNAL_NUMBERS[signal]);
  });
});
