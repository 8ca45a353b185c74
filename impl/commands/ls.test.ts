import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { makeFixture, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import type { CommandArgs } from "../cli/options.js";
import { lsCommand } from "./ls.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const PARENT = "p".repeat(32);
const STEP = "s".repeat(32);

function runsWithFiles() {
  fixture = makeFixture();
  writeRun(fixture, {
    id: STEP, started: 1, exitStatus: 0,
    files: { "guild.yml": "", "step.py": "", "step-2": "", "loss.py": "", "step10.txt": "", "step9.txt": "", "sub/a.txt": "", "sub/.hidden": "", ".dot/x": "" },
  });
  fs.writeFileSync(path.join(fixture.runDir(STEP), ".guild", "manifest"), "s guild.yml abc guild.yml\ns step.py abc step.py\n");
  writeRun(fixture, { id: PARENT, started: 2, exitStatus: 0 });
  fs.symlinkSync(`../${STEP}`, path.join(fixture.runDir(PARENT), "train"));
  fs.symlinkSync(`../${"d".repeat(32)}`, path.join(fixture.runDir(PARENT), "eval"));
}

async function ls(overrides: Partial<CommandArgs<typeof lsCommand>>, env: Record<string, string> = {}) {
  const captured = captureContext(fixture, "guild ls", { env });
  const code = await lsCommand.run!(argsFor(lsCommand, overrides), captured.ctx);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe("guild ls", () => {
  it("lists the latest run with a header; symlinked dirs get a slash, dangling links none", async () => {
    runsWithFiles();
    expect((await ls({})).stdout).toBe(`${fixture.runDir(PARENT)}:\n  eval\n  train/\n`);
  });

  it.each([
    { args: { run: "2", no_format: true }, expected: ["guild.yml", "loss.py", "step9.txt", "step10.txt", "step-2", "step.py", "sub/", "sub/a.txt"] },
    { args: { run: "2", no_format: true, path: "sub" }, expected: ["sub/", "sub/a.txt"] },
    { args: { run: "2", no_format: true, path: "step*" }, expected: ["step9.txt", "step10.txt", "step-2", "step.py"] },
    { args: { run: "2", no_format: true, path: "sub/.hidden" }, expected: ["sub/.hidden"] },
    { args: { run: "2", no_format: true, sourcecode: true }, expected: ["guild.yml", "step.py"] },
    { args: { run: "2", no_format: true, generated: true }, expected: [".dot/x", "loss.py", "step9.txt", "step10.txt", "step-2", "sub/.hidden", "sub/a.txt"] },
    { args: { run: "1", no_format: true, follow_links: true }, expected: ["eval", "train/", "train/guild.yml", "train/loss.py", "train/step9.txt", "train/step10.txt", "train/step-2", "train/step.py", "train/sub/", "train/sub/a.txt"] },
  ])("$args", async ({ args, expected }) => {
    runsWithFiles();
    expect((await ls(args)).stdout).toBe(expected.map((line) => line + "\n").join(""));
  });

  it("shows hidden files and .guild with --all", async () => {
    runsWithFiles();
    const lines = (await ls({ run: "2", no_format: true, all: true })).stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([".dot/", ".dot/x", ".guild/", ".guild/attrs/", ".guild/attrs/exit_status", ".guild/attrs/flags"]);
  });

  it("prints absolute paths without a header for --full-path", async () => {
    runsWithFiles();
    const dir = fixture.runDir(STEP);
    expect((await ls({ run: "2", full_path: true, path: "sub" })).stdout).toBe(`${dir}/sub\n${dir}/sub/a.txt\n`);
  });

  it("shows the home dir as ~ in the header", async () => {
    runsWithFiles();
    const result = await ls({ run: "2", path: "sub" }, { HOME: fixture.root });
    expect(result.stdout.split("\n")[0]).toBe(`~/home/runs/${STEP}:`);
  });

  it("rejects absolute paths", async () => {
    runsWithFiles();
    await expect(ls({ path: "/x" })).rejects.toThrow("PATH must be relative\nTry 'guild ls --help' for more information.");
  });
});
