import { afterEach, describe, expect, it } from "vitest";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { makeFixture, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import type { CommandArgs } from "../cli/options.js";
import { selectCommand } from "./select.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const A = "31977bf0a12242d8a34613f451459770";
const B = "2945c59b5f604a09af0c6d8a2e5cad31";

async function select(overrides: Partial<CommandArgs<typeof selectCommand>>) {
  fixture = makeFixture();
  writeRun(fixture, { id: A, started: 2, exitStatus: 0, label: "lbl", flags: { msg: "hi" } });
  writeRun(fixture, { id: B, started: 1, exitStatus: 1, model: "m4", op: "train" });
  const captured = captureContext(fixture, "guild select");
  try {
    await selectCommand.run!(argsFor(selectCommand, overrides), captured.ctx);
  } catch (error) {
    return { error: (error as Error).message, stderr: captured.stderr() };
  }
  return captured.stdout();
}

describe("guild select", () => {
  it.each([
    { args: {}, expected: `${A}\n` },
    { args: { runs: ["2"] }, expected: `${B}\n` },
    { args: { short_id: true }, expected: "31977bf0\n" },
    { args: { all: true }, expected: `${A}\n${B}\n` },
    { args: { runs: ["2", "1"] }, expected: `${B}\n${A}\n` },
    { args: { runs: ["2"], attr: "operation" }, expected: "m4:train\n" },
    { args: { attr: "label" }, expected: "lbl\n" },
    { args: { runs: ["2"], attr: "status" }, expected: "error\n" },
    { args: { attr: "flags" }, expected: "msg: hi\n" },
    { args: { attr: "nope" }, expected: { error: "no such run attribute 'nope'", stderr: "" } },
    { args: { runs: [":"] }, expected: { error: "", stderr: `':' matches multiple runs:\n  31977bf0\n  2945c59b\n` } },
    { args: { short_id: true, attr: "id" }, expected: { error: "--short-id and --attr cannot both be specified\nTry 'guild select --help' for more information.", stderr: "" } },
  ])("$args", async ({ args, expected }) => {
    expect(await select(args)).toEqual(expected);
  });

  it("prints the run dir with --path", async () => {
    expect(await select({ path: true })).toBe(`${fixture.runDir(A)}\n`);
  });
});
