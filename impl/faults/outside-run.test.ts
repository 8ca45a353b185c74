// Fault tests: no sourcecode dest or dependency target-path makes `guild run` write outside the run directory.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { makeSandbox, removeSandboxesAfterAll, runGuild } from "./cli-process.test-support.js";

removeSandboxesAfterAll();

/** Every path under root, relative, sorted. */
function tree(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort();
}

const sourcecodeCases = [
  { dest: "../../../X", expected: "guild: invalid sourcecode dest '../../../X' (path must be inside the run directory)\n" },
  { dest: "..", expected: "guild: invalid sourcecode dest '..' (path must be inside the run directory)\n" },
  { dest: "a/../../X", expected: "guild: invalid sourcecode dest 'a/../../X' (path must be inside the run directory)\n" },
  { dest: "/tmp/X", expected: "guild: invalid sourcecode dest '/tmp/X' (path must be inside the run directory)\n" },
];

describe("sourcecode dest outside the run", () => {
  test.each(sourcecodeCases)("dest: $dest", async ({ dest, expected }) => {
    const sandbox = makeSandbox({ "guild.yml": `op:\n  exec: python3 -c pass\n  sourcecode:\n    dest: ${JSON.stringify(dest)}\n` });
    const root = path.dirname(sandbox.project);
    const before = tree(root);
    const result = await runGuild(sandbox, ["run", "op", "-y"]);
    expect(result).toEqual({ code: 1, output: expected });
    // Guild home may be created; no run, and nothing else anywhere.
    expect(tree(root).filter((name) => !name.startsWith("guild-home"))).toEqual(before);
    expect(fs.existsSync(path.join(sandbox.guildHome, "runs")) ? fs.readdirSync(path.join(sandbox.guildHome, "runs")) : []).toEqual([]);
  });

  test("a dest that stays inside (a/../b) is used", async () => {
    const sandbox = makeSandbox({ "guild.yml": "op:\n  exec: python3 -c pass\n  sourcecode:\n    dest: a/../b\n" });
    expect((await runGuild(sandbox, ["run", "op", "-y"])).code).toBe(0);
    const runsDir = path.join(sandbox.guildHome, "runs");
    expect(fs.existsSync(path.join(runsDir, fs.readdirSync(runsDir)[0], "b", "guild.yml"))).toBe(true);
  });
});

describe("dependency target-path outside the run", () => {
  test.each(["../../../X", "..", "sub/../../X"])("target-path: %s", async (targetPath) => {
    const guildYml = `up:\n  exec: python3 -c "open('out.txt', 'w').write('x')"\ndown:\n  exec: python3 -c pass\n  requires:\n    - operation: up\n      target-path: ${JSON.stringify(targetPath)}\n`;
    const sandbox = makeSandbox({ "guild.yml": guildYml });
    expect((await runGuild(sandbox, ["run", "up", "-y"])).code).toBe(0);
    const root = path.dirname(sandbox.project);
    const before = tree(root).filter((name) => !name.includes("runs"));
    const result = await runGuild(sandbox, ["run", "down", "-y"]);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`guild: run failed because a dependency was not met: invalid path '${targetPath}' in operation:up resource (path must be inside the run directory)\n`);
    expect(tree(root).filter((name) => !name.includes("runs"))).toEqual(before);
  });
});
