// The reference CLI run inside the harness: which commands qualify, and the same output and exit code as spawned.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runCommand, type CommandRequest } from "./command.js";
import { hostedReferenceCli, plainGuildArgv, runHostedCommand } from "./in-process.js";
import { testHost } from "./test-host.js";
import { useTempDir } from "./temp-dir.test-support.js";

describe("plainGuildArgv", () => {
  it.each([
    ["guild runs", ["runs"]],
    ["  guild   runs  -s ", ["runs", "-s"]],
    ["guild run op x=1 -y", ["run", "op", "x=1", "-y"]],
    ["guild run op 'msg=hello world' -y", ["run", "op", "msg=hello world", "-y"]],
    ['guild run op msg="a b" -y', ["run", "op", "msg=a b", "-y"]],
    ["guild run op 'x=$HOME'", ["run", "op", "x=$HOME"]],
    ["guild runs info --private-attrs 1:3", ["runs", "info", "--private-attrs", "1:3"]],
    ["guild", []],
    ["guild ''", [""]],
    ["guild run op x=é 'y=ü ö'", ["run", "op", "x=é", "y=ü ö"]],
  ])("%s", (command, expected) => {
    expect(plainGuildArgv(command)).toEqual(expected);
    // The shell agrees.
    const words = execFileSync("/bin/sh", ["-c", `set -- ${command.trim().slice("guild".length)}; for word; do printf '%s\\0' "$word"; done`], { encoding: "utf8" });
    expect(words === "" ? [] : words.slice(0, -1).split("\0")).toEqual(expected);
  });

  it.each([
    "guild runs | head",
    "guild runs > out",
    "guild runs; guild runs",
    "guild runs && echo ok",
    "guild run op x=$X",
    'guild run op x="$X"',
    "guild run op x=\\$",
    "guild runs *",
    "guild run op x=~",
    "X=1 guild runs",
    "guild runs\nguild runs",
    "guild runs # comment",
    "guild run 'unclosed",
    "guildx runs",
    "echo guild",
    "guild $(echo runs)",
    "guild runs &",
  ])("%s is left to the shell", (command) => {
    expect(plainGuildArgv(command)).toBeNull();
  });
});

describe("plainGuildArgv with patterns", () => {
  const temp = useTempDir("hosted-patterns");
  const names = ["lr=1", "train.py", ".hidden", "a]b", "x=[1]"];
  const cwd = () => {
    const dir = path.join(temp(), "cwd");
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir);
      for (const name of names) fs.writeFileSync(path.join(dir, name), "");
    }
    return dir;
  };
  /** The words `sh` gives the command's arguments in that directory. */
  const shellWords = (command: string) => {
    const words = execFileSync("/bin/sh", ["-c", `set -- ${command.trim().slice("guild".length)}; for word; do printf '%s\\0' "$word"; done`], { cwd: cwd(), encoding: "utf8" });
    return words === "" ? [] : words.slice(0, -1).split("\0");
  };

  it.each([
    // Patterns that match no name: passed on as they are.
    ["guild run train rate=[0.1,0.01] layers=[1,2] -y", true],
    ["guild run quad x=[-2.0:2.0] -o gp", true],
    ["guild run op x=[1 y", true],
    ["guild run op 'x=*' y=?", true],
    ["guild run op n=[!0-9]", true],
    ["guild run op x=[1]", true],
    // Patterns that match a name, or might: left to the shell.
    ["guild run op lr=[0-9]", false],
    ["guild run train lr=[0.1,0.01]", false],
    // lr=1 fits when any bracket is read as any character: the shell itself would pass this on.
    ["guild run op 'lr'=[a-z]", false],
    ["guild run op *.py", false],
    ["guild run op .h*", false],
    ["guild run op a[]]b", false],
    ["guild run op x=[[:digit:]]", false],
    ["guild run op sub/*", false],
    ["guild run op 'l'?=1", false],
  ])("%s: hosted %s, with the shell's words", (command, hosted) => {
    const argv = plainGuildArgv(command, () => fs.readdirSync(cwd()));
    expect(argv !== null).toBe(hosted);
    if (argv !== null) expect(argv).toEqual(shellWords(command));
  });

  it("without the directory's names, a pattern is left to the shell", () => {
    expect(plainGuildArgv("guild run train lr=[0.1,0.01]")).toBeNull();
  });
});

describe("runHostedCommand", () => {
  const temp = useTempDir("hosted-cli");
  const host = testHost();
  const cli = hostedReferenceCli(host.referenceBinDir);

  // Each command gets a project of its own. Rewriting one project's scripts for every command could
  // land in the same tick of the file system's coarse clock as the flags cache the hosted command
  // before had written; Guild then (rightly) takes the cache as current and says no "Refreshing flags".
  let projects = 0;
  const project = () => {
    projects += 1;
    const dir = path.join(temp(), `project-${projects}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "guild.yml"), "op:\n  main: op\n  flags:\n    x: 1\nfails:\n  main: fails\n");
    fs.writeFileSync(path.join(dir, "op.py"), "import os, sys\nx = 1\nprint('x is', x)\nprint('to stderr', file=sys.stderr)\nprint('PWD', os.environ.get('PWD') == os.getcwd() or os.environ.get('PWD'))\n");
    fs.writeFileSync(path.join(dir, "fails.py"), "import sys\nprint('failing')\nsys.exit(3)\n");
    return dir;
  };

  it.each([
    "guild --help",
    "guild runs",
    "guild run op -y",
    "guild run op x=2 -y",
    "guild runs",
    "guild run fails -y",
    "guild runs info",
    "guild run nosuch -y",
    "guild runs --bad-option",
    "guild run op x=3 --label 'a label' -y",
    "guild compare -t",
    "guild run op x=é -y",
  ])("%s: same output and exit code as the spawned CLI", async (command) => {
    expect(cli, "the build makes dist/guild-in-process.mjs").toBeDefined();
    const cwd = project();
    const request = (home: string): CommandRequest => ({
      command,
      cwd,
      env: { PATH: `${host.referenceBinDir}:${process.env.PATH}`, GUILD_HOME: path.join(temp(), home), HOME: temp(), COLUMNS: "999", SYNC_RUN_OUTPUT: "1", TZ: "UTC" },
      timeoutSeconds: 60,
      tag: `${temp()}/${home}`,
      encoding: "latin1",
    });
    const spawned = await runCommand(request("spawned"), host);
    const hosted = await runHostedCommand(cli!, plainGuildArgv(command)!, request("hosted"), host);
    const normalise = (text: string, home: string) => text.replaceAll(home, "<home>").replace(/\b[0-9a-f]{32}\b|\b[0-9a-f]{8}\b/g, "<id>").replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, "<time>");
    expect(normalise(hosted.output, "hosted")).toBe(normalise(spawned.output, "spawned"));
    expect(hosted.exitCode).toBe(spawned.exitCode);
  });

  it("stops at the timeout with what was written, killing the op", async () => {
    const cwd = project();
    fs.writeFileSync(path.join(cwd, "guild.yml"), "slow:\n  main: slow\n");
    fs.writeFileSync(path.join(cwd, "slow.py"), "import time\nprint('started', flush=True)\ntime.sleep(30)\n");
    const env = { PATH: `${host.referenceBinDir}:${process.env.PATH}`, GUILD_HOME: path.join(temp(), "slow-home"), HOME: temp() };
    const result = await runHostedCommand(cli!, ["run", "slow", "-y"], { command: "guild run slow -y", cwd, env, timeoutSeconds: 2, tag: `${temp()}/slow` }, host);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(-9);
    expect(result.output).toContain("started");
  });
});
