import { afterAll, describe, expect, test } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./cli.js";
import type { Io } from "./io.js";
import { loadYaml } from "../lib/yaml/yaml.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "guild-cli-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const GUILD_YML = `
- model: m
  description: A test model
  operations:
    hello:
      description: Say hello
      main: say
      flags:
        msg: hello world
    both:
      exec: sh -c "echo out; echo err >&2; echo out2"
    fail:
      exec: sh -c "exit 3"
    globals:
      main: glob
      flags-import: all
    sleep:
      exec: sleep 30
`;

const SAY_PY = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--msg")
args = p.parse_args()
print(args.msg)
`;

const GLOB_PY = `import sys
a = 1
b = "x y"
print(sys.argv[1:], a, b)
`;

let counter = 0;
function makeProject(): string {
  const dir = path.join(root, `project-${++counter}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "guild.yml"), GUILD_YML);
  fs.writeFileSync(path.join(dir, "say.py"), SAY_PY);
  fs.writeFileSync(path.join(dir, "glob.py"), GLOB_PY);
  return dir;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIo(cwd: string, env: Record<string, string>, input: string[] | null, interrupt = new AbortController().signal) {
  const out = { stdout: "", stderr: "" };
  let clock = 1_700_000_000_000_000;
  const lines = input ? [...input] : [];
  const io: Io = {
    cwd,
    env: { PATH: process.env.PATH, HOME: root, ...env },
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readLine: async () => (lines.length ? lines.shift()! : null),
    nowMicros: () => (clock += 1000),
    newRunId: () => [...Array(32)].map(() => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join(""),
    randomSeed: () => 42,
    hostname: "testhost",
    pid: 12345,
    nextEventWriterId: () => 0,
    interrupt,
  };
  return { io, out };
}

async function guild(cwd: string, home: string, args: string[], options: { env?: Record<string, string>; input?: string[]; interrupt?: AbortSignal } = {}): Promise<Result> {
  const { io, out } = fakeIo(cwd, { GUILD_HOME: home, NO_IMPORT_FLAGS_PROGRESS: "1", ...(options.env ?? {}) }, options.input ?? null, options.interrupt);
  const code = await runCli(args, io);
  return { code, ...out };
}

function latestRun(home: string): string {
  const runs = fs.readdirSync(path.join(home, "runs")).map((id) => path.join(home, "runs", id));
  runs.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return runs[0];
}

const attr = (runDir: string, name: string) => fs.readFileSync(path.join(runDir, ".guild", "attrs", name), "utf8");

describe("guild CLI", () => {
  test("--version and unknown commands", async () => {
    const home = path.join(root, "home-v");
    expect(await guild(root, home, ["--version"])).toEqual({ code: 0, stdout: "guild 0.8.2\n", stderr: "" });
    expect(await guild(root, home, ["nope"])).toEqual({ code: 2, stdout: "", stderr: "guild: No such command 'nope'.\nTry 'guild --help' for more information.\n" });
  });

  test("models and operations", async () => {
    const project = makeProject();
    const home = path.join(root, "home-models");
    const env = { NO_IMPORT_FLAGS_PROGRESS: "1" };
    expect((await guild(project, home, ["models"], { env })).stdout).toBe("m  A test model\n");
    expect((await guild(project, home, ["operations", "hello"], { env })).stdout).toBe("m:hello  Say hello\n");
    expect(fs.existsSync(path.join(home, ".guild-nocopy"))).toBe(true);
  });

  test("a bad guild file is reported without a stack", async () => {
    const project = path.join(root, "bad");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "guild.yml"), "- model: m\n  operations: 123\n");
    const result = await guild(project, path.join(root, "home-bad"), ["operations"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `ERROR: error loading guildfile from .: error in ${project}/guild.yml: invalid operations value 123: expected a mapping\n` +
        "guild: guildfile in the current directory contains an error (see above for details)\n",
    );
  });

  test("run a python main op and its run directory", async () => {
    const project = makeProject();
    const home = path.join(root, "home-run");
    const result = await guild(project, home, ["run", "m:hello", "msg=hi there", "-t", "blue", "-y"], { env: { NO_IMPORT_FLAGS_PROGRESS: "1" } });
    expect(result).toEqual({ code: 0, stdout: "hi there\n", stderr: "" });
    const runDir = latestRun(home);
    expect(attr(runDir, "flags")).toBe("msg: hi there\n");
    expect(attr(runDir, "label")).toBe("blue msg='hi there'\n");
    expect(attr(runDir, "tags")).toBe("- blue\n");
    expect(attr(runDir, "exit_status")).toBe("0\n");
    expect((loadYaml(attr(runDir, "cmd")) as string[]).slice(1)).toEqual(["-um", "guild.op_main", "say", "--", "--msg", "hi there"]);
    expect(fs.readFileSync(path.join(runDir, ".guild", "opref"), "utf8")).toMatch(new RegExp(`^guildfile:${project}/guild.yml [0-9a-f]{32} m hello$`));
    expect(fs.readFileSync(path.join(runDir, ".guild", "output"), "utf8")).toBe("hi there\n");
    expect(fs.statSync(path.join(runDir, ".guild", "output.index")).size).toBe(9);
    expect(fs.readdirSync(runDir).sort()).toEqual([".guild", "glob.py", "guild.yml", "say.py"]);
    expect(fs.existsSync(path.join(runDir, ".guild", "LOCK"))).toBe(false);
    expect(fs.existsSync(path.join(runDir, ".guild", "PENDING"))).toBe(false);
    const params = loadYaml(attr(runDir, "run_params")) as Record<string, unknown>;
    expect([params.opspec, params.flags, params.tags, params.yes, params.label]).toEqual(["m:hello", ["msg=hi there"], ["blue"], true, null]);
  });

  test("globals flags dest", async () => {
    const project = makeProject();
    const result = await guild(project, path.join(root, "home-glob"), ["run", "m:globals", "a=5", "b=z", "-y"], { env: { NO_IMPORT_FLAGS_PROGRESS: "1" } });
    expect(result).toEqual({ code: 0, stdout: "[] 5 z\n", stderr: "" });
  });

  test("stdout and stderr of an exec op, merged with SYNC_RUN_OUTPUT", async () => {
    const project = makeProject();
    const separate = await guild(project, path.join(root, "home-sync"), ["run", "m:both", "-y"]);
    expect([separate.stdout, separate.stderr]).toEqual(["out\nout2\n", "err\n"]);
    const merged = await guild(project, path.join(root, "home-sync"), ["run", "m:both", "-y"], { env: { SYNC_RUN_OUTPUT: "1" } });
    expect([merged.stdout, merged.stderr]).toEqual(["out\nerr\nout2\n", ""]);
    const index = fs.readFileSync(path.join(latestRun(path.join(root, "home-sync")), ".guild", "output.index"));
    expect([...Array(3)].map((_, line) => index[line * 9 + 8])).toEqual([0, 0, 0]);
  });

  test("the op's exit status is guild's", async () => {
    const project = makeProject();
    const home = path.join(root, "home-fail");
    expect(await guild(project, home, ["run", "m:fail", "-y"])).toEqual({ code: 3, stdout: "", stderr: "" });
    expect(attr(latestRun(home), "exit_status")).toBe("3\n");
  });

  test("confirmation prompt", async () => {
    const project = makeProject();
    const home = path.join(root, "home-prompt");
    const env = { NO_IMPORT_FLAGS_PROGRESS: "1" };
    const prompt = "You are about to run m:hello\n  msg: hello world\nContinue? (Y/n) ";
    expect(await guild(project, home, ["run", "m:hello"], { env, input: ["n"] })).toEqual({ code: 0, stdout: "", stderr: prompt });
    expect(await guild(project, home, ["run", "m:hello"], { env })).toEqual({ code: 1, stdout: "", stderr: prompt + "\n" });
    expect(await guild(project, home, ["run", "m:hello"], { env, input: [""] })).toEqual({ code: 0, stdout: "hello world\n", stderr: prompt });
  });

  test("flag errors", async () => {
    const project = makeProject();
    const home = path.join(root, "home-flags");
    const env = { NO_IMPORT_FLAGS_PROGRESS: "1" };
    expect((await guild(project, home, ["run", "m:hello", "bad=1", "-y"], { env })).stderr).toBe(
      "guild: unsupported flag 'bad'\nTry 'guild run m:hello --help-op' for a list of flags or use --force-flags to skip this check.\n",
    );
    expect((await guild(project, home, ["run", "m:hello", "oops", "-y"], { env })).stderr).toBe("guild: invalid argument(s):\noops\nexpected NAME=VAL\n");
    expect(fs.existsSync(path.join(home, "runs"))).toBe(false);
  });

  test("--print-cmd, --needed and --help-op", async () => {
    const project = makeProject();
    const home = path.join(root, "home-needed");
    const env = { NO_IMPORT_FLAGS_PROGRESS: "1", GUILD_PYTHON_EXE: "python3" };
    expect((await guild(project, home, ["run", "m:hello", "--print-cmd"], { env })).stdout).toBe("python3 -um guild.op_main say -- --msg 'hello world'\n");
    expect((await guild(project, home, ["run", "m:hello", "--needed", "-y"], { env })).stdout).toBe("hello world\n");
    const skipped = await guild(project, home, ["run", "m:hello", "--needed", "-y"], { env });
    expect(skipped.stdout).toMatch(/^Skipping because the following runs match this operation \(--needed specified\):\n {2}\[[0-9a-f]{8}\] {2}m:hello {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}completed {2}msg='hello world'\n$/);
    expect((await guild(project, home, ["run", "m:hello", "-h"], { env })).stdout).toBe(
      "Usage: guild run [OPTIONS] m:hello [FLAG]...\n\nSay hello\n\nUse 'guild run --help' for a list of options.\n\nFlags:\n  msg  (default is hello world)\n",
    );
  });

  test("two runs at once land as two complete runs", async () => {
    const project = makeProject();
    const home = path.join(root, "home-concurrent");
    const results = await Promise.all([guild(project, home, ["run", "m:both", "-y"]), guild(project, home, ["run", "m:both", "-y"])]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    const runs = fs.readdirSync(path.join(home, "runs"));
    expect(runs.length).toBe(2);
    for (const id of runs) expect(attr(path.join(home, "runs", id), "exit_status")).toBe("0\n");
  });

  test("an interrupt stops the op and records it", async () => {
    const project = makeProject();
    const home = path.join(root, "home-interrupt");
    const controller = new AbortController();
    const running = guild(project, home, ["run", "m:sleep", "-y"], { interrupt: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 500));
    controller.abort("SIGINT");
    const result = await running;
    expect(result.code).toBe(240);
    const runDir = latestRun(home);
    expect(attr(runDir, "exit_status")).toBe("-16\n");
    expect(fs.existsSync(path.join(runDir, ".guild", "LOCK"))).toBe(false);
  }, 20_000);
});
