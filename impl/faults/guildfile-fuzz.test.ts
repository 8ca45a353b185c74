// Property: for any guild.yml, `guild operations` and `guild run --print-cmd` end with output or clear errors, never a JavaScript leak.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { arbitraryGuildfile } from "../../lib/guildfile/guildfile-arbitrary.test-support.js";
import { runCli } from "../cli.js";
import { testIo } from "../test-io.test-support.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "guild-fuzz-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const project = path.join(root, "project");
fs.mkdirSync(project);

async function guild(args: string[]): Promise<{ code: number; output: string }> {
  let output = "";
  const io = testIo({
    cwd: project,
    env: { PATH: process.env.PATH, HOME: root, GUILD_HOME: path.join(root, "guild-home"), NO_IMPORT_FLAGS_PROGRESS: "1" },
    stdout: (text) => void (output += text),
    stderr: (text) => void (output += text),
    nowMicros: () => 1_700_000_000_000_000,
  });
  const code = await runCli(args, io);
  return { code, output };
}

/** What only JavaScript prints: Python would show None, a repr, or a traceback we never want. */
const JS_LEAK = /\[object Object\]|NaN-NaN|\bundefined\b(?! alias| model or config)|Maximum call stack|at .*\.m?[jt]s:\d+/;
/** The first line of a failing command: Guild's log levels or its error line. */
const ERROR_LINE = /^(guild: |ERROR: |WARNING: |Try '|Refreshing flags)/;

describe("any guild.yml", () => {
  test("guild operations and guild run --print-cmd end with a result or clear errors", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryGuildfile, fc.constantFrom("op", "train", "yes", "m:op"), async (text, opspec) => {
        fs.writeFileSync(path.join(project, "guild.yml"), text);
        for (const args of [["operations"], ["run", opspec, "--print-cmd"]]) {
          const { code, output } = await guild(args);
          expect(output, `guild ${args.join(" ")}`).not.toMatch(JS_LEAK);
          if (code !== 0) {
            expect([1, 2]).toContain(code);
            // The first line is a log line or the error; Guild's `guild: ...` error line is among them.
            expect(output, `guild ${args.join(" ")}`).toMatch(ERROR_LINE);
            expect(output, `guild ${args.join(" ")}`).toMatch(/(^|\n)guild: \S/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
