// The conformance runner when things go wrong: an interrupt mid-run, an implementation that does not run, shards.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConformanceError, runConformance, type ConformanceOptions } from "./runner.js";
import type { VerdictsReport } from "./json-report.js";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { testHost } from "../sandbox/test-host.js";
import { processesOf } from "../sandbox/process-tree.js";
import type { HostServices } from "../sandbox/host.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runs = "harness/fixtures/conformance/runs.md";
const slow = "harness/fixtures/interrupt/slow.md";
const tempDir = useTempDir("runner-faults");

async function conformance(options: Partial<ConformanceOptions>, host: HostServices = testHost()): Promise<{ code: number; output: string }> {
  let output = "";
  const code = await runConformance({ paths: [runs], implementations: [{ name: "reference" }], keepSandbox: false, jobs: 2, cwd: root, ...options }, host, {
    write: (text) => {
      output += text;
    },
  });
  return { code, output };
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitFor(check: () => boolean, seconds: number): Promise<boolean> {
  for (let waited = 0; waited < seconds * 1000; waited += 50) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("an interrupted run", () => {
  it("kills the commands, removes the sandboxes and reports what finished", { timeout: 120_000 }, async () => {
    const sandboxRoot = path.join(tempDir(), "interrupt");
    fs.mkdirSync(sandboxRoot);
    const controller = new AbortController();
    const host = { ...testHost(), interrupt: controller.signal };
    const jsonFile = path.join(tempDir(), "interrupted.json");
    // One job at a time, biggest first: runs.md finishes, then slow.md hangs until the interrupt.
    const running = conformance({ paths: [slow, runs], jobs: 1, tempRoot: sandboxRoot, jsonFile }, host);
    const tagged = () => processesOf({ tag: sandboxRoot });
    const sleepers = () => tagged().filter((pid) => commandLine(pid).startsWith("sleep"));
    const sleeping = await waitFor(() => sleepers().length === 2, 60);
    controller.abort();
    const { code, output } = await running;
    const json = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as VerdictsReport;
    expect({ sleeping, code, lines: output.split("\n"), tagged: tagged(), sandboxes: fs.readdirSync(sandboxRoot), interrupted: json.interrupted, totals: json.totals }).toEqual({
      sleeping: true,
      code: 130,
      lines: [
        "ok    harness/fixtures/conformance/runs.md  8 passed, 0 failed",
        "STOP  harness/fixtures/interrupt/slow.md    2 passed, 0 failed (interrupted at line 11)",
        "",
        "interrupted: 1 of 2 transcript runs did not finish",
        "10 passed, 0 failed",
        "",
      ],
      tagged: [],
      sandboxes: [],
      interrupted: true,
      totals: { passed: 10, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0 },
    });
  });
});

describe("an implementation that does not run", () => {
  it.each([
    ["a command not found", "no-such-guild-command", "implementation 'x' does not run: 'no-such-guild-command --version' exited with status 127: /bin/sh: 3: no-such-guild-command: not found"],
    ["a command that fails", "false", "implementation 'x' does not run: 'false --version' exited with status 1"],
  ])("stops before any transcript: %s", async (_title, command, message) => {
    await expect(conformance({ implementations: [{ name: "reference" }, { name: "x", command }] })).rejects.toThrow(new ConformanceError(message));
  });
});

describe("shards and the JUnit report", () => {
  it("runs one shard's transcripts and writes a test case per example", async () => {
    const junitFile = path.join(tempDir(), "shard.xml");
    const paths = [runs, "harness/fixtures/mismatch.md"];
    const first = await conformance({ paths, shard: { index: 1, count: 2 }, junitFile });
    const xml = fs.readFileSync(junitFile, "utf8");
    const second = await conformance({ paths, shard: { index: 2, count: 2 } });
    expect({
      first: first.output.split("\n")[0],
      second: second.output.split("\n")[0],
      suites: [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((match) => match.slice(1)),
      cases: [...xml.matchAll(/<testcase name="([^"]*)"[^>]* line="(\d+)"/g)].length,
    }).toEqual({
      first: "ok    harness/fixtures/conformance/runs.md  8 passed, 0 failed",
      second: "FAIL  harness/fixtures/mismatch.md  1 passed, 1 failed",
      suites: [["harness/fixtures/conformance/runs.md", "8", "0"]],
      cases: 8,
    });
  });
});
