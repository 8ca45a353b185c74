import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { globFiles, initCheck, runChecks } from "./checks.js";

function runDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checks-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("globFiles", () => {
  const dir = runDir({ "a.txt": "", "b.txt": "", ".hidden.txt": "", "sub/c.txt": "", "sub/d.csv": "" });
  it.each([
    ["*.txt", ["a.txt", "b.txt"]],
    ["sub/*", ["sub/c.txt", "sub/d.csv"]],
    ["*/c.txt", ["sub/c.txt"]],
    [".hidden.txt", [".hidden.txt"]],
    ["[ab].txt", ["a.txt", "b.txt"]],
    ["missing", []],
  ])("%s", (pattern, expected) => {
    expect(globFiles(dir, pattern)).toEqual(expected);
  });
});

describe("runChecks", () => {
  const dir = runDir({ ".guild/output": "loss: 0.5\nacc: 0.9\n", "model.bin": "weights v2\n" });
  const logged: string[] = [];
  const log = (level: string, message: string) => logged.push(`${level}: ${message}`);

  it.each([
    [{ output: "acc: 0\\.9" }, true, "could not find"],
    [{ output: "^acc" }, false, "could not find pattern '^acc' in run r1 output"],
    [{ file: "model.bin", contains: "v2" }, true, ""],
    [{ file: "model.bin", contains: "v3" }, false, "could not find pattern 'v3' in run r1 file model.bin"],
    [{ file: "*.ckpt" }, false, "no files matching *.ckpt in run r1"],
  ])("%j", (data, passes, message) => {
    logged.length = 0;
    expect(runChecks([initCheck(data, {})], "r1", dir, log)).toBe(passes);
    if (!passes) expect(logged).toContain(`ERROR: check failed: ${message}`);
  });

  it("refuses a check of no known kind", () => {
    expect(() => initCheck({ unknown: 1 }, {})).toThrow("invalid check config - expected one of: file, output");
  });
});
