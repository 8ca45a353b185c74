// Ctrl-C during `vitest run`: commands killed with all they started, sandboxes removed, finished tests reported.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { processesOf } from "../sandbox/process-tree.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixturesDir = path.join(root, "harness", "fixtures");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const tempDir = useTempDir("interrupt-test");

/** Polls `check` every 50 ms until it holds or `seconds` pass; returns whether it held. */
async function waitFor(check: () => boolean, seconds: number): Promise<boolean> {
  for (let waited = 0; waited < seconds * 1000; waited += 50) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("interrupting vitest", () => {
  it("kills the example's commands, removes the sandbox and reports what finished", { timeout: 180_000 }, async () => {
    // Sandboxes are made under TMPDIR, and every command's tag starts with its sandbox's path.
    const sandboxes = () => fs.readdirSync(tempDir()).filter((name) => name.startsWith("transcript-"));
    const tagged = () => processesOf({ tag: path.join(tempDir(), sandboxes()[0] ?? "none") });
    const child = spawn(process.execPath, [vitestBin, "run", "--config", "vitest.config.ts", "--reporter=verbose", "--reporter=../vitest/summary-reporter.ts", "interrupt/slow.md"], {
      cwd: fixturesDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: tempDir(), CI: "1" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // The third example's sleepers are running once the first two have passed; the verbose reporter
    // prints the second as soon as the main process learns of it.
    const sleeping = (await waitFor(() => tagged().length >= 2, 90)) && (await waitFor(() => output.includes('L8: run("sleep 0.5")'), 10));
    // Ctrl-C in a terminal signals its whole foreground process group: vitest and its workers.
    process.kill(-child.pid!, "SIGINT");
    const code = await exited;
    const cleaned = await waitFor(() => tagged().length === 0 && sandboxes().length === 0, 20);
    expect({ sleeping, code, cleaned, left: sandboxes(), last: output.trim().split("\n").at(-1) }, `vitest's output:\n${output}`).toEqual({
      sleeping: true,
      code: 130,
      cleaned: true,
      left: [],
      last: "interrupted: 2 passed, 0 failed (tests that finished)",
    });
  });
});
