// `guild run --test-sourcecode` reports: rules as Guild prints them, selected and skipped paths relative to the cwd.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGuildfile } from "../../lib/guildfile/index.js";
import { testSourceCode } from "./sourcecode.js";
import { formatSourceCodeTest } from "./test-sourcecode.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(guildfile: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "test-sourcecode-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "guild.yml"), guildfile);
  for (const [relpath, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relpath)), { recursive: true });
    fs.writeFileSync(path.join(dir, relpath), text);
  }
  return dir;
}

const PYTHON_RULES = [
  "  exclude dir .*",
  "  exclude dir * containing .guild-nocopy",
  "  include text * size < 1048577, max match 100",
  "  exclude dir __pycache__",
  "  exclude dir * containing bin/activate",
  "  exclude dir * containing Scripts/activate",
  "  exclude dir build",
  "  exclude dir dist",
  "  exclude dir *.egg-info",
];

const cases: { name: string; guildfile: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: "exec op: default rules, hidden dirs pruned and listed as skipped",
    guildfile: "op:\n  exec: 'true'\n",
    files: { "a.txt": "a", ".hidden/x": "x", "sub/b.txt": "b" },
    expected: ["Copying from the current directory", "Rules:", ...PYTHON_RULES.slice(0, 3), "Selected for copy:", "  a.txt", "  guild.yml", "  sub/b.txt", "Skipped:", "  .hidden/"],
  },
  {
    name: "python op with a root and select rules; a pattern with a space is quoted",
    guildfile: "op:\n  main: hello\n  sourcecode:\n    root: src\n    select:\n      - exclude: 'my *.txt'\n",
    files: { "src/hello.py": "print(1)", "src/my a.txt": "a", "src/__pycache__/x.pyc": "" },
    expected: ["Copying from 'src'", "Rules:", ...PYTHON_RULES, "  exclude 'my *.txt'", "Selected for copy:", "  src/hello.py", "Skipped:", "  src/my a.txt", "  src/__pycache__/"],
  },
  {
    name: "disabled source code",
    guildfile: "op:\n  exec: 'true'\n  sourcecode: no\n",
    files: { "a.txt": "a" },
    expected: ["Copying from the current directory", "Rules:", "  exclude *", "Source code copy disabled"],
  },
];

describe("formatSourceCodeTest", () => {
  it.each(cases)("$name", ({ guildfile, files, expected }) => {
    const dir = project(guildfile, files);
    const opdef = loadGuildfile(dir).models[0].operations[0];
    const warnings: string[] = [];
    const actual = formatSourceCodeTest(testSourceCode(opdef, (message) => warnings.push(message), new Set(), { PATH: "/usr/bin:/bin" }), dir);
    expect(actual).toBe(expected.map((line) => `${line}\n`).join(""));
    expect(warnings).toEqual([]);
  });
});
