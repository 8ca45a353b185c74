import { describe, expect, it } from "vitest";
import os from "node:os";
import { runCommand } from "./command.js";
import { testHost } from "./test-host.js";

const run = (command: string, timeoutSeconds = 10) =>
  runCommand({ command, cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, timeoutSeconds }, testHost());

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
    expect(result).toEqual({ output: "started\n", exitCode: -9, timedOut: true });
  });
});
