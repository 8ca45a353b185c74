// guild run end to end through the CLI: stepped runs, dependencies, output scalars and compare, on shell ops.
import { afterAll, describe, expect, test } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../cli.js";
import type { Io } from "../io.js";

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "guild-hooks-")));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Shell ops only: no Python needed. `say` prints its arguments; `fail` exits 3.
const GUILD_YML = `
- model: m
  operations:
    say:
      exec: sh -c 'echo "$0"' \${msg}
      flags:
        msg: hi
    warn:
      exec: sh -c 'echo to-stderr >&2'
    fail:
      exec: sh -c 'echo failing; exit 3'
    upstream:
      exec: sh -c 'echo made > artifact'
    downstream:
      exec: sh -c 'cat artifact'
      requires:
        - operation: upstream
          select: artifact
    metrics:
      exec: "sh -c 'echo loss: 0.25; echo step: 2; echo loss: 0.125'"
    two:
      flags:
        word: blue
      steps:
        - say msg=\${word}
        - warn
    failing:
      steps:
        - say msg=first
        - fail
        - say msg=never
    pipeline:
      steps:
        - upstream
        - downstream
    isolated:
      steps:
        - downstream
    shared:
      steps:
        - run: downstream
          isolate-runs: no
    stepped-metrics:
      steps:
        - metrics
`;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

let counter = 0;
// One clock for every command of a test file, so runs started later are newer.
let clock = 1_700_000_000_000_000;
function makeProject(): { project: string; home: string } {
  const dir = path.join(root, `case-${++counter}`);
  fs.mkdirSync(path.join(dir, "project"), { recursive: true });
  fs.writeFileSync(path.join(dir, "project", "guild.yml"), GUILD_YML);
  return { project: path.join(dir, "project"), home: path.join(dir, "home") };
}

async function guild(project: string, home: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  const out = { stdout: "", stderr: "" };
  let ids = 0;
  const io: Io = {
    cwd: project,
    env: { PATH: process.env.PATH, HOME: root, GUILD_HOME: home, ...env },
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readLine: async () => null,
    nowMicros: () => (clock += 1000),
    newRunId: () => `${String(++counter).padStart(4, "0")}${String(++ids).padStart(4, "0")}`.padEnd(32, "a"),
    randomSeed: () => 42,
    hostname: "testhost",
    pid: 4242,
    nextEventWriterId: () => 0,
    interrupt: new AbortController().signal,
  };
  const code = await runCli(args, io);
  return { code, ...out };
}

const runLines = async (project: string, home: string, extra: string[] = []) => (await guild(project, home, ["runs", "-s", ...extra])).stdout;

describe("stepped runs in guild run", () => {
  test("steps run in order; their output is the stepped run's output, on guild's streams", async () => {
    const { project, home } = makeProject();
    const result = await guild(project, home, ["run", "m:two", "-y"]);
    expect(result).toEqual({
      code: 0,
      stdout: "blue\n",
      stderr: "INFO: [guild] running say: m:say msg=blue\nINFO: [guild] running warn: m:warn\nto-stderr\n",
    });
    expect(await runLines(project, home)).toBe("[1]  m:warn  completed  \n[2]  m:say   completed  msg=blue\n[3]  m:two   completed  word=blue\n");
    const parent = (await guild(project, home, ["select", "3", "--path"])).stdout.trim();
    expect(fs.readFileSync(path.join(parent, ".guild", "output"), "utf8")).toBe(
      "INFO: [guild] running say: m:say msg=blue\nblue\nINFO: [guild] running warn: m:warn\nto-stderr\n",
    );
    expect(fs.readdirSync(parent).sort()).toEqual([".guild", "say", "warn"]);
    expect(fs.readlinkSync(path.join(parent, "say"))).toBe(`../${(await guild(project, home, ["select", "2"])).stdout.trim()}`);
  });

  test("SYNC_RUN_OUTPUT puts everything inside the run on stdout", async () => {
    const { project, home } = makeProject();
    const result = await guild(project, home, ["run", "m:two", "-y"], { SYNC_RUN_OUTPUT: "1" });
    expect(result).toEqual({
      code: 0,
      stdout: "INFO: [guild] running say: m:say msg=blue\nblue\nINFO: [guild] running warn: m:warn\nto-stderr\n",
      stderr: "",
    });
  });

  test("a failing step stops the steps; guild run exits with its status", async () => {
    const { project, home } = makeProject();
    const result = await guild(project, home, ["run", "m:failing", "-y"], { SYNC_RUN_OUTPUT: "1" });
    expect(result).toEqual({
      code: 3,
      stdout: "INFO: [guild] running say: m:say msg=first\nfirst\nINFO: [guild] running fail: m:fail\nfailing\n",
      stderr: "",
    });
    expect(await runLines(project, home)).toBe("[1]  m:fail     error      \n[2]  m:say      completed  msg=first\n[3]  m:failing  error      \n");
  });

  test("a step that cannot start prints the step's guild error inside the run", async () => {
    const { project, home } = makeProject();
    fs.appendFileSync(path.join(project, "guild.yml"), "    bad-step:\n      steps:\n        - nope\n");
    const result = await guild(project, home, ["run", "m:bad-step", "-y"], { SYNC_RUN_OUTPUT: "1" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "INFO: [guild] running nope: m:nope\nguild: operation 'nope' is not defined for model 'm'\nTry 'guild operations m' for a list of available operations.\n",
    );
    expect(await runLines(project, home)).toBe("[1]  m:bad-step  error  \n");
  });
});

describe("dependencies in guild run", () => {
  test("steps resolve upstream runs among their siblings only, unless isolate-runs is off", async () => {
    const { project, home } = makeProject();
    const env = { SYNC_RUN_OUTPUT: "1" };
    const pipeline = await guild(project, home, ["run", "m:pipeline", "-y"], env);
    expect(pipeline.code).toBe(0);
    const upstreamId = (await guild(project, home, ["select", "2"])).stdout.trim();
    expect(pipeline.stdout).toBe(
      "INFO: [guild] running upstream: m:upstream\nINFO: [guild] running downstream: m:downstream\n" +
        `Resolving operation:upstream\nUsing run ${upstreamId} for operation:upstream\nmade\n`,
    );
    const downstream = (await guild(project, home, ["select", "1", "--path"])).stdout.trim();
    expect(fs.readFileSync(path.join(downstream, ".guild", "attrs", "flags"), "utf8")).toBe(`operation:upstream: ${upstreamId}\n`);
    expect(fs.readFileSync(path.join(downstream, ".guild", "manifest"), "utf8")).toMatch(/\nd artifact [0-9a-f]{40} operation:upstream\n$/);

    const isolated = await guild(project, home, ["run", "m:isolated", "-y"], env);
    expect(isolated.code).toBe(1);
    expect(isolated.stdout).toBe(
      "INFO: [guild] running downstream: m:downstream\n" +
        "WARNING: cannot find a suitable run for required resource 'operation:upstream'\n" +
        "Resolving operation:upstream\n" +
        "guild: run failed because a dependency was not met: could not resolve 'operation:upstream' in operation:upstream resource: no suitable run for upstream\n",
    );

    const shared = await guild(project, home, ["run", "m:shared", "-y"], env);
    expect(shared.code).toBe(0);
    expect(shared.stdout).toContain(`Using run ${upstreamId} for operation:upstream\nmade\n`);
  });

  test("the dependency flag is arg-skipped and recorded in the op attr", async () => {
    const { project, home } = makeProject();
    await guild(project, home, ["run", "m:upstream", "-y"]);
    const upstreamId = (await guild(project, home, ["select"])).stdout.trim();
    const result = await guild(project, home, ["run", "m:downstream", "-y"]);
    expect(result).toEqual({ code: 0, stdout: "made\n", stderr: `Resolving operation:upstream\nUsing run ${upstreamId} for operation:upstream\n` });
    const runDir = (await guild(project, home, ["select", "--path"])).stdout.trim();
    const op = fs.readFileSync(path.join(runDir, ".guild", "attrs", "op"), "utf8");
    expect(op).toContain(`deps:\n- config:\n    operation:upstream: ${upstreamId}\n  location: ${project}\n  name: operation:upstream\n  sources:\n  - operation: upstream\n    select: artifact\n`);
    expect(op).toContain("cmd-flags:\n    operation:upstream:\n      arg-skip: true\n");
  });
});

describe("output scalars and compare", () => {
  test("scalars from output, rolled up into the stepped run, shown by runs info and compare", async () => {
    const { project, home } = makeProject();
    expect((await guild(project, home, ["run", "m:stepped-metrics", "-y"])).code).toBe(0);
    const info = (await guild(project, home, ["runs", "info", "1"])).stdout;
    expect(info.slice(info.indexOf("scalars:"))).toBe("scalars:\n  loss: 0.125000 (step 2)\n");
    const parentInfo = (await guild(project, home, ["runs", "info", "2"])).stdout;
    // The stepped run's own output (its steps' lines) also goes through its default patterns.
    expect(parentInfo.slice(parentInfo.indexOf("scalars:"))).toBe("scalars:\n  loss: 0.125000 (step 2)\n  metrics/.guild#loss: 0.125000 (step 2)\n");
    const table = await guild(project, home, ["compare", "-t", "-cc", ".operation,loss,first loss as first,#loss step"]);
    expect(table).toEqual({
      code: 0,
      stdout: "run       operation          loss   first  loss step\n" +
        `${(await guild(project, home, ["select", "1", "-s"])).stdout.trim()}  m:metrics          0.125  0.25   2\n` +
        `${(await guild(project, home, ["select", "2", "-s"])).stdout.trim()}  m:stepped-metrics  0.125  0.25   2\n`,
      stderr: "",
    });
  });

  test("compare options: incompatible outputs, CSV to a file", async () => {
    const { project, home } = makeProject();
    await guild(project, home, ["run", "m:say", "-y"]);
    expect(await guild(project, home, ["compare", "-t", "--csv", "-"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "guild: --table and --csv cannot both be specified\nTry 'guild compare --help' for more information.\n",
    });
    const written = await guild(project, home, ["compare", "--csv", "out/runs.csv", "-cc", "=msg"]);
    expect(written).toEqual({ code: 0, stdout: "", stderr: "Wrote 1 row(s) to out/runs.csv\n" });
    expect(fs.readFileSync(path.join(project, "out", "runs.csv"), "utf8")).toMatch(/^run,msg\n[0-9a-f]{8},hi\n$/);
  });
});
