// Failures carry the markdown line as their location, so vitest's github-actions reporter annotates it.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixturesDir = path.join(root, "harness", "fixtures");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");

/** vitest run with the github-actions reporter over fixtures; its output whatever the exit status. */
function annotate(files: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(process.execPath, [vitestBin, "run", "--config", "vitest.config.ts", "--reporter=github-actions", ...files], {
      cwd: fixturesDir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: "1" },
    }, (_error, stdout, stderr) => resolve(stdout + stderr));
  });
}

describe("github-actions annotations", () => {
  it("place each failure at its markdown line", { timeout: 120_000 }, async () => {
    const output = await annotate(["mismatch.md", "syntax-error.md", "unknown-option.md"]);
    const annotations = [...output.matchAll(/^::error file=([^,]*),title=[^,]*,line=(\d+),column=(\d+)::TranscriptFailure: ([^%]*)/gm)].map((match) => ({
      file: path.relative(fixturesDir, match[1]),
      line: Number(match[2]),
      message: match[4],
    }));
    expect(annotations.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: "mismatch.md", line: 10, message: "mismatch.md:10: output does not match the expected output" },
      { file: "syntax-error.md", line: 5, message: "syntax-error.md:5: SyntaxError: '(' was never closed" },
      { file: "unknown-option.md", line: 5, message: "unknown-option.md:5: invalid doctest option: '+NOPE'" },
    ]);
  });
});
