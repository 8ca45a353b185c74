// Fault tests: hostile YAML in a Guild file or a run's attrs ends every command quickly, with one clear error or as missing.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { copySandbox, makeSandbox, removeSandboxesAfterAll, runGuild, type Sandbox } from "./cli-process.test-support.js";

removeSandboxesAfterAll();

/** Ten levels of ten aliases: 10^10 nodes once expanded. */
function aliasBomb(): string {
  const items = ["&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let level = 1; level <= 10; level++) items.push(`&a${level} [${Array(10).fill(`*a${level - 1}`).join(", ")}]`);
  return `[${items.join(", ")}]`;
}

const DEEP = "[".repeat(10_000) + "]".repeat(10_000);
const NO_JS = /\[object Object\]|NaN|undefined|Maximum call stack|at .*\.m?js:\d+/;

describe("a hostile Guild file", () => {
  test.each([
    { name: "an alias bomb as a flag default", flags: `{f: {default: ${aliasBomb()}}}`, expected: "aliases expand the document by more than 1000000 nodes" },
    { name: "10,000 nested lists as a flag default", flags: `{f: {default: ${DEEP}}}`, expected: "document nested more than 1000 levels deep" },
  ])("$name fails guild run with one error", async ({ flags, expected }) => {
    const sandbox = makeSandbox({ "guild.yml": `op:\n  exec: python3 -c pass\n  flags: ${flags}\n` });
    const result = await runGuild(sandbox, ["run", "op", "-y"]);
    const file = path.join(sandbox.project, "guild.yml");
    expect(result).toEqual({ code: 1, output: `ERROR: error in ${file}: ${expected}\nguild: guildfile in the current directory contains an error (see above for details)\n` });
  });
});

const GUILD_YML = "op:\n  exec: python3 -c pass\n  flags: {x: 1}\n";
/** A Guild home with one completed run, made by the first case that needs it. */
let completedRun: Promise<Sandbox> | null = null;

async function makeCompletedRun(): Promise<Sandbox> {
  const sandbox = makeSandbox({ "guild.yml": GUILD_YML });
  expect((await runGuild(sandbox, ["run", "op", "-y"])).code).toBe(0);
  return sandbox;
}

/** One completed run (a copy of the same one for each case) whose attr `name` then holds `text`. */
async function runWithAttr(name: string, text: string): Promise<Sandbox> {
  const template = await (completedRun ??= makeCompletedRun());
  const sandbox = copySandbox(template, { "guild.yml": GUILD_YML });
  const runsDir = path.join(sandbox.guildHome, "runs");
  fs.writeFileSync(path.join(runsDir, fs.readdirSync(runsDir)[0], ".guild", "attrs", name), text);
  return sandbox;
}

describe("hostile run attrs", () => {
  test.each([
    { attr: "flags", text: aliasBomb() + "\n" },
    { attr: "flags", text: DEEP + "\n" },
    { attr: "label", text: aliasBomb() + "\n" },
    { attr: "started", text: "99999999999999999999\n" },
    { attr: "started", text: "-1e30\n" },
    { attr: "stopped", text: ".inf\n" },
    { attr: "flags", text: "{2020-01-01: 1, yes: 2, ~: 3, 1.5: 4, 12: 5}\n" },
    { attr: "label", text: "{a: {b: [1, 2020-01-01]}}\n" },
    { attr: "cmd", text: "{foo: bar}\n" },
  ])("$attr: $text", async ({ attr, text }) => {
    const sandbox = await runWithAttr(attr, text);
    for (const command of [["runs"], ["runs", "info"], ["compare", "-t"], ["select", "--attr", "duration"]]) {
      const result = await runGuild(sandbox, command);
      expect(result.code, `guild ${command.join(" ")}: ${result.output}`).toBe(0);
      expect(result.output, `guild ${command.join(" ")}`).not.toMatch(NO_JS);
    }
  });
});
