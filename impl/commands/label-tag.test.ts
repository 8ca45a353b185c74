import { afterEach, describe, expect, it } from "vitest";
import { Run } from "../runs/run.js";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { makeFixture, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import { labelCommand } from "./label.js";
import { tagCommand } from "./tag.js";
import type { GuildCommand } from "./command.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

const A = "a".repeat(32);

async function invoke(command: GuildCommand, commandPath: string, overrides: Record<string, unknown>, input: string[] = []) {
  const captured = captureContext(fixture, commandPath, { input });
  try {
    const code = await command.run!(argsFor(command, overrides), captured.ctx);
    return { code, stderr: captured.stderr(), stdout: captured.stdout() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function oneRun(label?: string, tags?: string[]) {
  fixture = makeFixture();
  writeRun(fixture, { id: A, started: 1, exitStatus: 0, label, tags, flags: { lr: 0.1, msg: "a b" } });
  return new Run(A, fixture.runDir(A));
}

describe("guild label", () => {
  it.each([
    { label: "old", args: { set: "new" }, expected: "new" },
    { label: "old", args: { set: "lr=${lr} ${msg}" }, expected: "lr=0.1 'a b'" },
    { label: "old", args: { prepend: "x" }, expected: "x old" },
    { label: "old", args: { append: "x" }, expected: "old x" },
    { label: undefined, args: { append: "x" }, expected: "x" },
    { label: "blue green x", args: { remove: ["green", "x"] }, expected: "blue" },
  ])("$label with $args -> $expected", async ({ label, args, expected }) => {
    const run = oneRun(label);
    const result = await invoke(labelCommand, "guild label", { ...args, yes: true });
    expect([result.stderr, run.attrText("label")]).toEqual(["Labeled 1 run(s)\n", expected + "\n"]);
  });

  it("clears the label", async () => {
    const run = oneRun("old");
    expect((await invoke(labelCommand, "guild label", { clear: true, yes: true })).stderr).toBe("Cleared label for 1 run(s)\n");
    expect(run.hasAttr("label")).toBe(false);
  });

  it("confirms with a preview", async () => {
    oneRun("old");
    const result = await invoke(labelCommand, "guild label", { set: "new" }, ["n"]);
    expect([result.code, result.stderr?.split("\n")[0], result.stderr?.split("\n").at(-1)]).toEqual([
      4,
      "You are about to label the following runs with 'new':",
      "Continue? (Y/n) ",
    ]);
  });

  it.each([
    { args: {}, error: "missing one of: --set, --append, --prepend, --remove, --clear\nTry `guild label --help` for more information." },
    { args: { set: "a", append: "b" }, error: "--set and --append cannot both be specified\nTry 'guild label --help' for more information." },
  ])("$args is an error", async ({ args, error }) => {
    oneRun();
    expect(await invoke(labelCommand, "guild label", args)).toEqual({ error });
  });
});

describe("guild tag", () => {
  it.each([
    { tags: ["a"], label: "a x", args: { add: ["c", "b"] }, expected: { tags: "- a\n- b\n- c\n", label: "a x\n" } },
    { tags: ["a", "b"], label: "a x", args: { delete: ["a"] }, expected: { tags: "- b\n", label: "a x\n" } },
    { tags: ["a", "b"], label: "a b x", args: { clear: true, sync_labels: true }, expected: { tags: "[]\n", label: "x\n" } },
    { tags: ["a"], label: "a x", args: { add: ["c", "a"], sync_labels: true }, expected: { tags: "- a\n- c\n", label: "c a x\n" } },
  ])("$tags $args", async ({ tags, label, args, expected }) => {
    const run = oneRun(label, tags);
    const result = await invoke(tagCommand, "guild tag", { ...args, yes: true });
    expect(result.stderr).toBe("Modified tags for 1 run(s)\n");
    expect({ tags: run.attrText("tags"), label: run.attrText("label") }).toEqual(expected);
  });

  it("lists all tags of the selected runs", async () => {
    oneRun("x", ["b", "a"]);
    writeRun(fixture, { id: "c".repeat(32), started: 2, tags: ["c", "a"] });
    expect((await invoke(tagCommand, "guild tag", { list_all: true })).stdout).toBe("a\nb\nc\n");
  });

  it("requires an action", async () => {
    oneRun();
    expect(await invoke(tagCommand, "guild tag", {})).toEqual({ error: "missing one of: --add, --delete, --clear, --list-all\nTry `guild tag --help` for more information." });
  });
});
