// `guild cat`: which file each option combination prints, and Guild's messages when it cannot.
import { afterEach, describe, expect, it } from "vitest";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { makeFixture, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import type { CommandArgs } from "../cli/options.js";
import { CliError } from "../io.js";
import { catCommand } from "./cat.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const OLD = "a".repeat(32);
const NEW = "b".repeat(32);

function twoRuns() {
  fixture = makeFixture();
  writeRun(fixture, { id: OLD, started: 1, exitStatus: 0, files: { "hello.py": "print('old')\n", ".guild/output": "old output\n" } });
  writeRun(fixture, {
    id: NEW, started: 2, exitStatus: 0,
    rawAttrs: { op: "sourcecode:\n  dest: src\n" },
    files: { "src/hello.py": "print('new')\n", "out.txt": "result\n", ".guild/output": "new output\n" },
  });
}

async function cat(overrides: Partial<CommandArgs<typeof catCommand>>) {
  const captured = captureContext(fixture, "guild cat");
  try {
    const code = await catCommand.run!(argsFor(catCommand, overrides), captured.ctx);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    const message = error.message.split(fixture.home).join("<home>");
    return { code: error.exitCode, stdout: captured.stdout(), stderr: captured.stderr() + message };
  }
}

describe("guild cat", () => {
  it.each([
    { args: { path: "out.txt" }, expected: { code: 0, stdout: "result\n", stderr: "" } },
    { args: { path: "hello.py", run: "2" }, expected: { code: 0, stdout: "print('old')\n", stderr: "" } },
    { args: { path: "hello.py", sourcecode: true }, expected: { code: 0, stdout: "print('new')\n", stderr: "" } },
    { args: { path: "hello.py", sourcecode: true, run: "2" }, expected: { code: 0, stdout: "print('old')\n", stderr: "" } },
    { args: { output: true }, expected: { code: 0, stdout: "new output\n", stderr: "" } },
    { args: { output: true, path: "out.txt" }, expected: { code: 0, stdout: "new output\n", stderr: "--output cannot be used with other options - ignorning other options\n" } },
    { args: {}, expected: { code: 1, stdout: "", stderr: "-p / --path is required unless --output is specified" } },
    { args: { path: "/etc/hosts" }, expected: { code: 1, stdout: "", stderr: "PATH must be relative\nTry 'guild cat --help' for more information." } },
    { args: { path: "missing.txt" }, expected: { code: 1, stdout: "", stderr: `<home>/runs/${NEW}/missing.txt does not exist` } },
    { args: { path: "src" }, expected: { code: 1, stdout: "", stderr: `[Errno 21] Is a directory: '<home>/runs/${NEW}/src'` } },
  ])("$args", async ({ args, expected }) => {
    twoRuns();
    expect(await cat(args)).toEqual(expected);
  });
});
