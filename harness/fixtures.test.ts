// The harness run on fixture transcripts that must fail: their failure reports are pinned here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runTranscript } from "./conformance/runner.js";
import { renderLines } from "./report/colour.js";
import { testHost } from "./sandbox/test-host.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function failuresOf(name: string, outputLimitBytes?: number): Promise<{ failures: string[]; passed: number; failed: number; error?: string }> {
  const result = await runTranscript(path.join(root, "harness", "fixtures", name), { name: "reference" }, testHost(), { keepSandbox: false, cwd: root, outputLimitBytes });
  const failures = result.failures.map((lines) => renderLines(lines, false).replace(/^sandbox: .*$/m, "sandbox: <sandbox> (removed; set KEEP_SANDBOX=1 to keep it)"));
  return { failures, passed: result.summary.passed, failed: result.summary.failed, error: result.summary.error };
}

describe("fixture transcripts that must fail", () => {
  it("reports a mismatch at the example's line with a diff", async () => {
    expect(await failuresOf("mismatch.md")).toEqual({
      passed: 1,
      failed: 1,
      error: undefined,
      failures: [
        [
          "harness/fixtures/mismatch.md:10: output does not match the expected output",
          '    >>> run("echo two")',
          "exit status: 0",
          "--- expected",
          "+++ actual",
          "@@ -1 +1 @@",
          "-three",
          "+two",
          "sandbox: <sandbox> (removed; set KEEP_SANDBOX=1 to keep it)",
        ].join("\n"),
      ],
    });
  });

  it("reports a wrong exit status as a missing <exit N> line", async () => {
    const { failures } = await failuresOf("wrong-exit.md");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain("harness/fixtures/wrong-exit.md:5: output does not match the expected output");
    expect(failures[0]).toContain("exit status: 3");
    expect(failures[0]).toContain(" done\n+<exit 3>");
  });

  it("reports a timeout with the partial output and the kill", async () => {
    const { failures } = await failuresOf("timeout.md");
    expect(failures[0]).toContain("harness/fixtures/timeout.md:5: output does not match the expected output");
    expect(failures[0]).toContain("note: command timed out after 1s and was killed with every process it started");
    expect(failures[0]).toContain(" start\n-end\n+<exit -9>");
  });

  it("cuts runaway output at the limit with a note, and escapes control characters in the diff", async () => {
    const { failures } = await failuresOf("runaway.md", 1024);
    const heads = failures.map((text) => text.split("\n").slice(0, 8));
    expect(heads[0]).toEqual([
      "harness/fixtures/runaway.md:7: output does not match the expected output",
      '    >>> run("yes 0123456789 | head -c 100000")',
      "exit status: 0",
      "note: output truncated after 1 KB (96.7 KB more dropped): yes 0123456789 | head -c 100000",
      "--- expected",
      "+++ actual",
      "@@ -1 +1,94 @@",
      "-short",
    ]);
    expect(heads[1].slice(0, 3)).toEqual([
      "harness/fixtures/runaway.md:12: output does not match the expected output",
      "    >>> for i in range(1000): print(i)",
      "note: output truncated after 2 KB (1.8 KB more dropped)",
    ]);
    expect(failures[2].split("\n").slice(2)).toEqual([
      "exit status: 0",
      "note: control characters in the diff are shown escaped (\\r, \\xNN)",
      "--- expected",
      "+++ actual",
      "@@ -1 +1 @@",
      "-ab",
      "+a\\x1b[1mb\\rc",
      "sandbox: <sandbox> (removed; set KEEP_SANDBOX=1 to keep it)",
    ]);
  });

  it("reports a syntax error at its line", async () => {
    const { failures, failed } = await failuresOf("syntax-error.md");
    expect(failed).toBe(1);
    expect(failures[0].split("\n")[0]).toBe("harness/fixtures/syntax-error.md:5: SyntaxError: '(' was never closed");
  });

  it("refuses an unknown option, naming file and line", async () => {
    const { error, passed } = await failuresOf("unknown-option.md");
    expect(passed).toBe(0);
    expect(error).toBe("harness/fixtures/unknown-option.md:5: invalid doctest option: '+NOPE'");
  });
});
