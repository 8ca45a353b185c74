// Which diff program `guild diff` picks: --cmd, the user config by extension or default, a known tool on PATH, diff -ru.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { diffCommandFor } from "./diff-command.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "guild-diff-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const toolsDir = path.join(root, "bin");
fs.mkdirSync(toolsDir);
for (const tool of ["colordiff", "nbdiff-web"]) fs.writeFileSync(path.join(toolsDir, tool), "#!/bin/sh\n", { mode: 0o755 });
const config = path.join(root, "config.yml");
fs.writeFileSync(config, "diff:\n  command:\n    .txt: echo txt\n    '^\\.(py|pyc)$': echo python\n    default: echo default\n");
const stringConfig = path.join(root, "string-config.yml");
fs.writeFileSync(stringConfig, "diff:\n  command: echo always\n");

test.each([
  { file: "a.txt", given: "my-diff", env: { GUILD_CONFIG: config }, expected: "my-diff" },
  { file: "a.txt", given: null, env: { GUILD_CONFIG: config }, expected: "echo txt" },
  { file: "a.py", given: null, env: { GUILD_CONFIG: config }, expected: "echo python" },
  { file: "run-dir", given: null, env: { GUILD_CONFIG: config }, expected: "echo default" },
  { file: "a.txt", given: null, env: { GUILD_CONFIG: stringConfig }, expected: "echo always" },
  { file: "run-dir", given: null, env: { PATH: toolsDir }, expected: "colordiff" },
  { file: "a.ipynb", given: null, env: { PATH: toolsDir }, expected: "nbdiff-web -M" },
  { file: "run-dir", given: null, env: { PATH: "/nonexistent" }, expected: "diff -ru" },
])("$file with --cmd $given and $env -> $expected", ({ file, given, env, expected }) => {
  expect(diffCommandFor(file, given, { HOME: root, ...env }, root, () => {})).toBe(expected);
});
