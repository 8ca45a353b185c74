// Shell commands in the sandbox: merged output, exit codes, the timeout, the output limit, interrupts.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCommand, type CommandRequest } from "./command.js";
import { createTempDir } from "./temp-dir.js";
import { testHost } from "./test-host.js";
import type { HostServices } from "./host.js";

const run = (command: string, timeoutSeconds = 10, more: Partial<CommandRequest> = {}, host: HostServices = testHost()) =>
  runCommand({ command, cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, timeoutSeconds, ...more }, host);

/** Whether a process is still alive (a zombie waiting for its parent to reap it is dead). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]);
  } catch {
    return false;
  }
}

/** Polls until the file holds a pid (a background process writes it). */
async function pidFrom(file: string): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    if (/^\d+$/.test(text)) return Number(text);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no pid in ${file}`);
}

describe("runCommand", () => {
  it.each([
    { command: "echo hi", output: "hi\n", exitCode: 0 },
    { command: "exit 3", output: "", exitCode: 3 },
    { command: "echo out; echo err >&2; echo out2", output: "out\nerr\nout2\n", exitCode: 0 },
    { command: "false; echo never", output: "", exitCode: 1 },
    { command: "echo $UNSET_VARIABLE_X", output: "", exitCode: 2 },
  ])("$command", async ({ command, output, exitCode }) => {
    const result = await run(command);
    expect(result.output.replace(/^\/bin\/sh: \d+: /m, "")).toBe(command.includes("UNSET") ? "UNSET_VARIABLE_X: parameter not set\n" : output);
    expect(result.exitCode).toBe(exitCode);
    expect(result.timedOut).toBe(false);
  });

  it("keeps the order of interleaved stdout and stderr writes", async () => {
    const result = await run("for i in 1 2 3 4 5; do echo o$i; echo e$i >&2; done");
    expect(result.output).toBe("o1\ne1\no2\ne2\no3\ne3\no4\ne4\no5\ne5\n");
  });

  it("kills the whole process group at the timeout and keeps the partial output", async () => {
    const result = await run("echo started; sleep 30 & sleep 30; echo never", 0.5);
    expect(result).toEqual({ output: "started\n", exitCode: -9, timedOut: true, interrupted: false, droppedBytes: 0 });
  });

  it.each([
    ["below the limit", "printf 0123456789", 10, "0123456789", 0],
    ["past the limit", "printf 0123456789abc", 10, "0123456789", 3],
    ["a character cut in two by the limit", "printf 'abcdefghi\\303\\251z'", 10, "abcdefghi", 2],
    ["a long stream", "yes 0123456789 | head -c 1000000", 100, "0123456789\n".repeat(10).slice(0, 100), 1_000_000 - 100],
  ])("keeps output %s and counts the rest", async (_title, command, limit, output, droppedBytes) => {
    const result = await run(command, 10, { outputLimitBytes: limit });
    expect({ output: result.output, droppedBytes: result.droppedBytes, exitCode: result.exitCode }).toEqual({ output, droppedBytes, exitCode: 0 });
  });
});

describe("runCommand kills what the command started", () => {
  // Each starts a sleeper that leaves the command's process group: setsid (as an operation in its
  // own session), and a double fork under setsid (reparented, so no longer a descendant either).
  it.each([
    ["setsid", "setsid sh -c 'echo $$ > sleeper.pid; exec sleep 30' & sleep 30"],
    ["setsid, double fork", "setsid sh -c 'sleep 30 & echo $! > sleeper.pid' & sleep 30"],
    ["a detached node process", `node -e 'const c = require("child_process").spawn("sleep", ["30"], { detached: true, stdio: "ignore" }); require("fs").writeFileSync("sleeper.pid", "" + c.pid); c.unref()'; sleep 30`],
  ])("at the timeout: %s", async (_title, command) => {
    const dir = await createTempDir("kill-test");
    try {
      const result = await run(command, 0.5, { cwd: dir.path, tag: `${dir.path}/1` });
      const pid = await pidFrom(path.join(dir.path, "sleeper.pid"));
      expect({ timedOut: result.timedOut, alive: alive(pid), tagged: taggedPids(dir.path) }).toEqual({ timedOut: true, alive: false, tagged: [] });
    } finally {
      await dir.remove();
    }
  });

  it("when the user interrupts, and starts nothing afterwards", async () => {
    const dir = await createTempDir("interrupt-test");
    const controller = new AbortController();
    const host = { ...testHost(), interrupt: controller.signal };
    try {
      const running = run("setsid sh -c 'echo $$ > sleeper.pid; exec sleep 30' & sleep 30", 30, { cwd: dir.path, tag: `${dir.path}/1` }, host);
      const pid = await pidFrom(path.join(dir.path, "sleeper.pid"));
      controller.abort();
      const result = await running;
      const after = await run("echo never", 30, {}, host);
      expect({ interrupted: result.interrupted, alive: alive(pid), tagged: taggedPids(dir.path), after: [after.interrupted, after.output] }).toEqual({
        interrupted: true,
        alive: false,
        tagged: [],
        after: [true, ""],
      });
    } finally {
      await dir.remove();
    }
  });
});

/** Live processes whose environment carries a tag under `prefix`. */
function taggedPids(prefix: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name) && alive(Number(name)))
    .filter((name) => {
      try {
        return fs.readFileSync(`/proc/${name}/environ`, "latin1").includes(`TRANSCRIPT_COMMAND_TAG=${prefix}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}
