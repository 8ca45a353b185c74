// The conformance matrix end to end: the reference CLI against a stand-in that changes one message.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shellQuote } from "../../lib/python/shlex.js";
import { runConformance } from "./runner.js";
import { durationKey } from "./durations.js";
import { loadImplementationConfig, type Implementation } from "./implementations.js";
import type { VerdictsReport } from "./json-report.js";
import { createTempDir } from "../sandbox/temp-dir.js";
import { testHost } from "../sandbox/test-host.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const transcript = "harness/fixtures/conformance/runs.md";
/** The examples of the fixture that print `Deleted N run(s)`. */
const deletingLines = [19, 25];

let tempDir = "";
let divergentCommand = "";

let removeTempDir = async () => {};

beforeAll(async () => {
  ({ path: tempDir, remove: removeTempDir } = await createTempDir("matrix-test"));
  // Runs the reference CLI with the same arguments; says `Removed` where it says `Deleted`.
  // Standard output passes straight through; standard error goes through sed line by line.
  const script = path.join(tempDir, "divergent-guild");
  fs.writeFileSync(
    script,
    [
      "#!/bin/bash",
      `exec ${shellQuote(path.join(root, "dist", "bin", "guild"))} "$@" 2> >(sed -u -E 's/^Deleted ([0-9]+) run\\(s\\)$/Removed \\1 run(s)/' >&2)`,
    ].join("\n"),
    { mode: 0o755 },
  );
  divergentCommand = script;
});

afterAll(() => removeTempDir());

interface MatrixRun {
  code: number;
  output: string;
  json: VerdictsReport;
}

async function runMatrix(implementations: Implementation[], name: string): Promise<MatrixRun> {
  const jsonFile = path.join(tempDir, `${name}.json`);
  let output = "";
  const code = await runConformance(
    { paths: [transcript], implementations, jsonFile, keepSandbox: false, jobs: 2, cwd: root },
    testHost(),
    {
      write: (text) => {
        output += text;
      },
    },
  );
  return { code, output, json: JSON.parse(fs.readFileSync(jsonFile, "utf8")) as VerdictsReport };
}

/** `line -> verdict` of one implementation, from the JSON report. */
function verdictsOf(report: VerdictsReport, implementation: string): Record<number, string> {
  return Object.fromEntries(report.examples.map((example) => [example.line, example.verdicts[implementation]]));
}

function lastLine(output: string): string {
  return output.trimEnd().split("\n").at(-1)!;
}

describe("matrix of the reference CLI and a divergent stand-in", () => {
  let run: MatrixRun;
  beforeAll(async () => {
    run = await runMatrix([{ name: "reference" }, { name: "divergent", command: divergentCommand }], "plain");
  });

  it("differs exactly at the examples whose message changed", () => {
    const differing = run.json.examples.filter((example) => example.verdicts.reference !== example.verdicts.divergent).map((example) => example.line);
    expect({ differing, reference: Object.values(verdictsOf(run.json, "reference")) }).toEqual({
      differing: deletingLines,
      reference: Array(8).fill("passed"),
    });
    expect(deletingLines.map((line) => verdictsOf(run.json, "divergent")[line])).toEqual(["failed", "failed"]);
  });

  it("prints a line per transcript as it finishes, then the matrix, the stand-in's failures and the closing line", () => {
    const lines = run.output.split("\n");
    expect([...lines.slice(0, 2)].sort()).toEqual([
      "FAIL  harness/fixtures/conformance/runs.md [divergent]  6 passed, 2 failed",
      "ok    harness/fixtures/conformance/runs.md [reference]  8 passed, 0 failed",
    ]);
    expect(lines.slice(2, 6)).toEqual([
      "",
      "transcript                            reference  divergent",
      "harness/fixtures/conformance/runs.md  8/8        6/8",
      "total                                 8/8        6/8",
    ]);
    expect(run.output).toContain("\n== divergent: 2 failed\n");
    expect(run.output).not.toContain("== reference");
    for (const line of deletingLines) expect(run.output).toContain(`${transcript}:${line}: output does not match the expected output`);
    expect(run.output).toContain("-Deleted 1 run(s)\n+Removed 1 run(s)\n");
    expect(lastLine(run.output)).toBe("14 passed, 2 failed");
    expect(run.code).toBe(1);
  });

  it("writes every example's verdict per implementation with its transcript and line", () => {
    expect(run.json.implementations).toEqual([
      { name: "reference", command: null, expectedFailures: [] },
      { name: "divergent", command: divergentCommand, expectedFailures: [] },
    ]);
    expect(run.json.examples.map((example) => example.line)).toEqual([7, 9, 12, 15, 19, 22, 25, 28]);
    expect(run.json.examples[4]).toEqual({
      transcript,
      line: 19,
      source: 'run("guild runs rm 1 -y")',
      verdicts: { reference: "passed", divergent: "failed" },
      actual: { divergent: "Removed 1 run(s)\n<exit 0>\n" },
      diffs: { divergent: "--- expected\n+++ actual\n@@ -1 +1 @@\n-Deleted 1 run(s)\n+Removed 1 run(s)" },
    });
    expect(run.json.transcripts).toEqual([
      { transcript, implementation: "reference", passed: 8, failed: 0, skipped: 0 },
      { transcript, implementation: "divergent", passed: 6, failed: 2, skipped: 0 },
    ]);
    expect(run.json.totals).toEqual({ passed: 14, failed: 2, skipped: 0, xfail: 0, xpass: 0, errors: 0 });
    expect(run.json.errors).toEqual([]);
    expect(run.json.interrupted).toBe(false);
  });
});

describe("expected failures from a config file", () => {
  function writeConfig(name: string, text: string): string {
    const file = path.join(tempDir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  it("counts a listed failure as XFAIL and a listed example that passes as XPASS", async () => {
    const fixture = path.join(root, transcript);
    const config = writeConfig(
      "xfail.yml",
      [
        "implementations:",
        "  - name: reference",
        "    expected-failures:",
        `      - ${fixture}:22`,
        "  - name: divergent",
        `    command: ${divergentCommand}`,
        "    expected-failures:",
        `      - ${fixture}:19`,
      ].join("\n"),
    );
    const run = await runMatrix(loadImplementationConfig(config), "xfail");
    expect({ reference: verdictsOf(run.json, "reference")[22], divergent19: verdictsOf(run.json, "divergent")[19], divergent25: verdictsOf(run.json, "divergent")[25] }).toEqual({
      reference: "xpass",
      divergent19: "xfail",
      divergent25: "failed",
    });
    expect(run.output.split("\n").slice(4, 6)).toEqual([
      "harness/fixtures/conformance/runs.md  7/8 (1 xpass)  6/8 (1 xfail)",
      "total                                 7/8 (1 xpass)  6/8 (1 xfail)",
    ]);
    expect(run.output).toContain(`\n== reference: 1 failed\n\n${transcript}:22: XPASS: listed as an expected failure but passed`);
    expect(run.output).not.toContain(`${transcript}:19: output does not match`);
    expect(lastLine(run.output)).toBe("13 passed, 2 failed (1 xpass), 1 xfail");
    expect(run.json.totals).toEqual({ passed: 13, failed: 1, skipped: 0, xfail: 1, xpass: 1, errors: 0 });
    expect(run.code).toBe(1);
  });

  it("passes when every failure was expected (JSON config, paths relative to the config)", async () => {
    const relative = path.relative(tempDir, path.join(root, transcript));
    const config = writeConfig(
      "all-expected.json",
      JSON.stringify({ implementations: { divergent: { command: divergentCommand, "expected-failures": deletingLines.map((line) => `${relative}:${line}`) } } }),
    );
    const run = await runMatrix(loadImplementationConfig(config), "all-expected");
    expect({ code: run.code, last: lastLine(run.output), line: run.output.split("\n")[0] }).toEqual({
      code: 0,
      last: "6 passed, 0 failed, 2 xfail",
      line: "ok    harness/fixtures/conformance/runs.md  6 passed, 0 failed, 2 xfail",
    });
  });

  it("reports an expected failure that names no example", async () => {
    const fixture = path.join(root, transcript);
    const run = await runMatrix([{ name: "reference", expectedFailures: [{ file: fixture, line: 20, label: `${transcript}:20` }] }], "stale");
    expect({ code: run.code, last: lastLine(run.output), errors: run.json.errors }).toEqual({
      code: 1,
      last: "8 passed, 1 failed",
      errors: [`${transcript}:20: expected failure of 'reference' names no example (no example starts at that line)`],
    });
    expect(run.output).toContain(run.json.errors[0]);
  });
});

describe("the order transcripts start in", () => {
  it("is biggest file first, then, once a run has measured them, longest first", { timeout: 60_000 }, async () => {
    const dir = path.join(tempDir, "ordering");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "quick.md"), `<!-- ${"A big file that runs fast. ".repeat(40)} -->\n\n    >>> print(1)\n    1\n`);
    fs.writeFileSync(path.join(dir, "slow.md"), `    >>> run("sleep 0.5")\n    <exit 0>\n`);
    const durationsFile = path.join(dir, "cache", "durations.json");
    const started = async () => {
      let output = "";
      const code = await runConformance({ paths: ["quick.md", "slow.md"], implementations: [{ name: "reference" }], keepSandbox: false, jobs: 1, cwd: dir, durationsFile, clock: () => performance.now() }, testHost(), {
        write: (text) => {
          output += text;
        },
      });
      return { code, files: output.split("\n").flatMap((line) => /^ok\s+(\S+)/.exec(line)?.[1] ?? []) };
    };
    expect(await started()).toEqual({ code: 0, files: ["quick.md", "slow.md"] });
    expect(Object.keys(JSON.parse(fs.readFileSync(durationsFile, "utf8")) as object).sort()).toEqual(
      ["quick.md", "slow.md"].map((name) => durationKey("reference", fs.readFileSync(path.join(dir, name)))).sort(),
    );
    expect(await started()).toEqual({ code: 0, files: ["slow.md", "quick.md"] });
  });
});
