import { afterAll, describe, expect, test } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RunOutput, scalarLineText } from "./run-output.js";
import { formatHelperLog, helperLogLevel, helperLogger } from "./helper-log.js";
import { manifestSourceFiles } from "./deps-hook.js";
import { stepCommandEnv } from "./steps-hook.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "guild-run-output-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let counter = 0;
function runDir(): string {
  const dir = path.join(root, `run-${++counter}`);
  fs.mkdirSync(path.join(dir, ".guild"), { recursive: true });
  return dir;
}

interface Capture {
  terminal: Array<[string, string]>;
  lines: Array<[string, number]>;
  output: RunOutput;
  dir: string;
}

function capture(options: { quiet?: boolean; syncOutput?: boolean; noOutput?: boolean } = {}): Capture {
  const terminal: Array<[string, string]> = [];
  const lines: Array<[string, number]> = [];
  const dir = runDir();
  let clock = 1_000_000;
  const output = new RunOutput({
    runDir: dir,
    stdout: (text) => terminal.push(["out", text]),
    stderr: (text) => terminal.push(["err", text]),
    quiet: options.quiet ?? false,
    syncOutput: options.syncOutput ?? false,
    noOutput: options.noOutput ?? false,
    nowMicros: () => (clock += 1000),
    onLine: (line, stream) => lines.push([line, stream]),
  });
  return { terminal, lines, output, dir };
}

const indexStreams = (dir: string): number[] => {
  const bytes = fs.readFileSync(path.join(dir, ".guild", "output.index"));
  return [...Array(bytes.length / 9).keys()].map((entry) => bytes[entry * 9 + 8]);
};

describe("RunOutput", () => {
  test("tees both streams to the terminal and the output file; one index entry per completed line", () => {
    const { terminal, lines, output, dir } = capture();
    output.stderr("INFO: [guild] running a\n");
    output.stdout("hel");
    output.stdout("lo\nwor");
    output.stdout("ld\n");
    output.stderr("tail without newline");
    output.close();
    expect(terminal).toEqual([["err", "INFO: [guild] running a\n"], ["out", "hel"], ["out", "lo\nwor"], ["out", "ld\n"], ["err", "tail without newline"]]);
    expect(fs.readFileSync(path.join(dir, ".guild", "output"), "utf8")).toBe("INFO: [guild] running a\nhello\nworld\ntail without newline");
    expect(indexStreams(dir)).toEqual([1, 0, 0, 1]);
    expect(lines).toEqual([["INFO: [guild] running a", 1], ["hello", 0], ["world", 0], ["tail without newline", 1]]);
  });

  test("SYNC_RUN_OUTPUT: stderr text is stdout (stream 0)", () => {
    const { terminal, dir, output } = capture({ syncOutput: true });
    output.stderr("log\n");
    output.stdout("out\n");
    output.close();
    expect(terminal).toEqual([["out", "log\n"], ["out", "out\n"]]);
    expect(indexStreams(dir)).toEqual([0, 0]);
  });

  test("quiet: nothing on the terminal, everything in the file", () => {
    const { terminal, dir, output } = capture({ quiet: true });
    output.stdout("out\n");
    output.close();
    expect(terminal).toEqual([]);
    expect(fs.readFileSync(path.join(dir, ".guild", "output"), "utf8")).toBe("out\n");
  });

  test("NO_RUN_OUTPUT: terminal only, no files, no lines", () => {
    const { terminal, lines, dir, output } = capture({ noOutput: true });
    output.stdout("out\n");
    output.close();
    expect(terminal).toEqual([["out", "out\n"]]);
    expect(lines).toEqual([]);
    expect(fs.existsSync(path.join(dir, ".guild", "output"))).toBe(false);
  });

  test.each<[string, string]>([
    ["loss: 1.0\n", "loss: 1.0"],
    ["a\x01b\x08c\x09d  \r\n", "abc\td"],
  ])("scalar line text of %j", (line, expected) => {
    expect(scalarLineText(Buffer.from(line))).toBe(expected);
  });
});

describe("helper log lines", () => {
  test.each<[string, Record<string, string>, number]>([
    ["unset → WARNING", {}, 30],
    ["numeric", { LOG_LEVEL: "20" }, 20],
    ["not a number → WARNING", { LOG_LEVEL: "info" }, 30],
  ])("level: %s", (_name, env, expected) => {
    expect(helperLogLevel(env)).toBe(expected);
  });

  test("lines at or above the level, in LOG_FORMAT", () => {
    const written: string[] = [];
    const info = helperLogger({ LOG_LEVEL: "20" }, (text) => written.push(text));
    info("INFO", "running a: m:a");
    info("WARNING", "careful");
    const warningsOnly = helperLogger({ LOG_LEVEL: "30", LOG_FORMAT: "%(levelname)s %(message)s" }, (text) => written.push(text));
    warningsOnly("INFO", "hidden");
    warningsOnly("WARNING", "shown");
    expect(written).toEqual(["INFO: [guild] running a: m:a\n", "WARNING: [guild] careful\n", "WARNING shown\n"]);
    expect(formatHelperLog("[%(name)s] %(message)s", "ERROR", "x")).toBe("[guild] x");
  });
});

describe("step command env and manifest source files", () => {
  test.each<[string, Record<string, string>, string | null, Record<string, string>]>([
    ["isolated", { A: "1" }, "p1", { A: "1", NO_WARN_RUNDIR: "1", GUILD_RUNS_PARENT: "p1" }],
    ["shared keeps an outer parent", { GUILD_RUNS_PARENT: "outer" }, null, { GUILD_RUNS_PARENT: "outer", NO_WARN_RUNDIR: "1" }],
  ])("%s", (_name, parentEnv, runsParent, expected) => {
    expect(stepCommandEnv(parentEnv, runsParent)).toEqual(expected);
  });

  test("manifest `s` lines give run paths", () => {
    const manifest = "s guild.yml abc guild.yml\ns 'a b.py' def 'a b.py'\nd data - operation:prepare\n";
    expect(manifestSourceFiles(manifest)).toEqual(["guild.yml", "a b.py"]);
  });
});
