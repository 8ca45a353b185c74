// Source code copy order and the copy of a run directory inside the project, as Guild's copytree walks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGuildfile } from "../../lib/guildfile/index.js";
import { copySourceCode } from "./sourcecode.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcecode-test-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "guild.yml"), "op:\n  exec: 'true'\n");
  for (const [relpath, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relpath)), { recursive: true });
    fs.writeFileSync(path.join(dir, relpath), text);
  }
  return dir;
}

interface Case {
  name: string;
  files: Record<string, string>;
  runDir: string | null;
  expected: string[];
}

describe("copySourceCode", () => {
  it.each<Case>([
    {
      name: "files of a directory before its subdirectories",
      files: { "b.txt": "b", "a/x.txt": "x", "c/y.txt": "y" },
      runDir: null,
      expected: ["b.txt", "guild.yml", "a/x.txt", "c/y.txt"],
    },
    {
      name: "a run directory inside the project receives the copies made before the walk reaches it",
      files: { "b.txt": "b", "a/x.txt": "x" },
      runDir: "my-run",
      expected: ["b.txt", "guild.yml", "a/x.txt", "my-run/b.txt", "my-run/guild.yml", "my-run/a/x.txt"],
    },
    {
      name: "a nested run directory is read once, when the walk reaches it",
      files: { "b.txt": "b" },
      runDir: "sub/r",
      expected: ["b.txt", "guild.yml", "sub/r/b.txt", "sub/r/guild.yml"],
    },
  ])("$name", ({ files, runDir, expected }) => {
    const dir = project(files);
    const dest = runDir ? path.join(dir, runDir) : fs.mkdtempSync(path.join(os.tmpdir(), "sourcecode-run-"));
    if (!runDir) dirs.push(dest);
    fs.mkdirSync(path.join(dest, ".guild"), { recursive: true });
    const opdef = loadGuildfile(dir).models[0].operations[0];
    const copied = copySourceCode(opdef, dest, ".", (word) => word, () => {});
    expect(copied.map((file) => file.runPath)).toEqual(expected);
    for (const runPath of expected) expect(fs.existsSync(path.join(dest, runPath)), runPath).toBe(true);
  });
});
