// Python scripts as operations: which opspecs name one, and the op Guild's python_script plugin makes of it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { execScriptOp, scriptOp } from "./script-model.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "script-model-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
fs.mkdirSync(path.join(dir, "sub"));
fs.writeFileSync(path.join(dir, "hello.py"), "x = 1\ny = 'a'\n_hidden = 2\n");
fs.writeFileSync(path.join(dir, "sub", "train.py"), "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float, default=0.1)\n");
fs.writeFileSync(path.join(dir, "notes.txt"), "");
fs.mkdirSync(path.join(dir, "pkg.py"));
fs.writeFileSync(path.join(dir, "sub", "run.sh"), "#!/bin/sh\n", { mode: 0o755 });

function describeOp(opspec: string): string | null {
  const op = scriptOp(opspec, dir, { env: { NO_IMPORT_FLAGS_PROGRESS: "1" } });
  if (!op) return null;
  const flags = op.opdef.flags.map((flag) => `${flag.name}=${String(flag.default)}`).join(",");
  return [path.relative(dir, op.pkgName) || ".", op.opdef.fullname, op.opdef.exec, op.opdef.flagsDest, flags, path.relative(dir, op.guildfile.dir) || "."].join(" | ");
}

const cases: { opspec: string; expected: string | null }[] = [
  { opspec: "hello.py", expected: ". | hello.py | ${python_exe} -um guild.op_main hello ${flag_args} | globals | x=1,y=a | ." },
  { opspec: "./hello.py", expected: ". | hello.py | ${python_exe} -um guild.op_main hello ${flag_args} | globals | x=1,y=a | ." },
  { opspec: "sub/train.py", expected: "sub | train.py | ${python_exe} -um guild.op_main sub/train ${flag_args} | args | lr=0.1 | ." },
  { opspec: "missing.py", expected: null },
  { opspec: "notes.txt", expected: null },
  { opspec: "pkg.py", expected: null },
  { opspec: "hello", expected: null },
];

describe("script operations", () => {
  test.each(cases)("$opspec", ({ opspec, expected }) => {
    expect(describeOp(opspec)).toEqual(expected);
  });
});

function describeExec(opspec: string): string | null {
  const op = execScriptOp(opspec, dir);
  if (op === null || op === "not-executable") return op;
  return [path.relative(dir, op.pkgName) || ".", op.opdef.fullname, path.relative(dir, op.opdef.exec ?? ""), path.relative(dir, op.guildfile.dir)].join(" | ");
}

describe("executable files as operations", () => {
  test.each([
    { opspec: "sub/run.sh", expected: ". | sub/run.sh | sub/run.sh | sub" },
    { opspec: "notes.txt", expected: "not-executable" },
    { opspec: "sub", expected: "not-executable" },
    { opspec: "missing.sh", expected: null },
  ])("$opspec", ({ opspec, expected }) => {
    expect(describeExec(opspec)).toEqual(expected);
  });
});
