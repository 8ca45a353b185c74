// vitest itself run on the transcripts in harness/fixtures/vitest: collection, sections, line filters, replays, +FIXME, sandboxes, annotations.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixtures = path.join(root, "harness", "fixtures", "vitest");
const fixturesConfig = path.join(fixtures, "vitest.config.ts");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const summaryReporter = path.join(root, "harness", "vitest", "summary-reporter.ts");
const tempDir = useTempDir("plugin-test");

/** The `file.md:LINE` cases: each runs on its own copy of sections.md, `line-LINE.md`, so that one vitest run holds them all. */
const lineCases = [
  { line: 13, selects: ['passed Labels Two lines L13: print("a")'], why: "the first prompt" },
  { line: 14, selects: ['passed Labels Two lines L13: print("a")'], why: "a continuation line" },
  { line: 16, selects: ['passed Labels Two lines L13: print("a")'], why: "the last line of output" },
  { line: 6, selects: ['passed Labels L8: run("echo labelled")', 'passed Labels Two lines L13: print("a")'], why: "a heading: its section" },
];

/**
 * Files whose selections all pass, run together: each vitest process costs seconds, so the tests
 * below read the part of one run that is theirs (its files' tests) instead of starting one each.
 */
/** The fixtures of harness/fixtures that fail (copied beside the others), each at one markdown line. */
const ANNOTATED = ["mismatch.md", "syntax-error.md", "unknown-option.md"];

/**
 * Files whose selections fail, with a file that passes, run together for the same reason: with
 * KEEP_SANDBOX=1, and the github-actions reporter besides the others.
 */
const FAILING_RUN = ["replay.md:10", "fixme.md", "sections.md", ...ANNOTATED, "--reporter=github-actions"];
const FAILING_ENV = { KEEP_SANDBOX: "1" };

/** `-t HEADING` over a file with that heading and one without (whose examples all skip). */
const LABELS_RUN = ["sections.md", "replay.md", "-t", "Labels"];

const PASSING_RUN = ["docs", "notes.md", ...lineCases.map(({ line }) => `line-${line}.md:${line}`), "replay.md:14", "sections.md"];

/** The fixtures, copied with the line cases' copies of sections.md; vitest runs with this folder as its root. */
function fixturesCopy(): string {
  return path.join(tempDir(), "fixtures");
}

beforeAll(() => {
  fs.cpSync(fixtures, fixturesCopy(), { recursive: true, filter: (source) => source !== fixturesConfig });
  for (const { line } of lineCases) fs.copyFileSync(path.join(fixtures, "sections.md"), path.join(fixturesCopy(), `line-${line}.md`));
  for (const file of ANNOTATED) fs.copyFileSync(path.join(fixtures, "..", file), path.join(fixturesCopy(), file));
});

interface VitestRun {
  exitCode: number;
  /** stdout and stderr, without colours, sandbox paths replaced by `<sandbox>`. */
  output: string;
  /** Each test that ran or was skipped: `status name`. */
  tests: string[];
  /** The files that had tests, relative to the fixtures, sorted. */
  files: string[];
  /** The tests of one file (relative to the fixtures), as in `tests`. */
  testsIn: (file: string) => string[];
  failures: string[];
  /** The failures of one file's tests (relative to the fixtures). */
  failuresIn: (file: string) => string[];
  /** `transcript-*` folders left in the run's temp folder. */
  leftSandboxes: string[];
}

let runCount = 0;
/** Runs already started, by their command line: tests that check the same run share it. */
const runs = new Map<string, Promise<VitestRun>>();

/** vitest on the fixtures, once per command line and environment (see startVitest). */
function vitest(command: "run" | "list", args: string[], env: Record<string, string> = {}): Promise<VitestRun> {
  const key = JSON.stringify([command, args, env]);
  if (!runs.has(key)) runs.set(key, startVitest(command, args, env));
  return runs.get(key)!;
}

/** Runs vitest on the fixtures with a temp folder of its own, with the JSON, default and summary reporters. */
async function startVitest(command: "run" | "list", args: string[], env: Record<string, string>): Promise<VitestRun> {
  runCount += 1;
  const tmp = path.join(tempDir(), `run-${runCount}`);
  fs.mkdirSync(tmp);
  const jsonFile = path.join(tempDir(), `run-${runCount}.json`);
  const reporters = command === "run" ? ["--reporter=default", `--reporter=${summaryReporter}`, "--reporter=json", `--outputFile.json=${jsonFile}`] : [`--json=${jsonFile}`];
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [vitestBin, command, "--config", fixturesConfig, "--root", fixturesCopy(), ...reporters, ...args],
      { cwd: fixturesCopy(), timeout: 120_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: "1", NO_COLOR: "1", TMPDIR: tmp, ...env } },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
  const report: unknown = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, "utf8")) : null;
  const tested = Array.isArray(report)
    ? (report as { name: string; file: string }[]).map((test) => ({ file: test.file, status: "listed", fullName: test.name, failureMessages: [] as string[] }))
    : ((report as { testResults?: { name: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[] } | null)?.testResults ?? []).flatMap((file) =>
        file.assertionResults.map((test) => ({ file: file.name, ...test })),
      );
  const hideSandbox = (text: string) => text.replaceAll(tmp, "<tmp>").replace(/<tmp>\/transcript-[\w-]+/g, "<sandbox>");
  const named = (test: (typeof tested)[number]) => `${test.status} ${test.fullName}`;
  return {
    exitCode,
    output: hideSandbox(output),
    tests: tested.map(named),
    files: [...new Set(tested.map((test) => path.relative(fixturesCopy(), test.file)))].sort(),
    testsIn: (file) => tested.filter((test) => test.file === path.join(fixturesCopy(), file)).map(named),
    failures: tested.flatMap((test) => test.failureMessages.map(hideSandbox)),
    failuresIn: (file) => tested.filter((test) => test.file === path.join(fixturesCopy(), file)).flatMap((test) => test.failureMessages.map(hideSandbox)),
    leftSandboxes: fs.readdirSync(tmp).filter((name) => name.startsWith("transcript-")),
  };
}

describe("collection", () => {
  it("takes markdown in any folder; a file with no examples is one skipped test", { timeout: 120_000 }, async () => {
    const run = await vitest("run", PASSING_RUN);
    expect({ exitCode: run.exitCode, files: run.files, tests: [...run.testsIn("docs/guide.md"), ...run.testsIn("notes.md")] }).toEqual({
      exitCode: 0,
      // The folder and the file named, and no other file than the run's others.
      files: ["docs/guide.md", ...lineCases.map(({ line }) => `line-${line}.md`), "notes.md", "replay.md", "sections.md"].sort(),
      tests: ['passed L3: run("echo from docs")', "skipped no examples"],
    });
  });
});

describe("headings", () => {
  it("group the examples under them, nested by level", { timeout: 120_000 }, async () => {
    expect((await vitest("list", ["sections.md"])).tests).toEqual([
      'listed L3: run("echo before any heading")',
      'listed Labels > L8: run("echo labelled")',
      'listed Labels > Two lines > L13: print("a")',
      'listed Other section > L28: run("echo other")',
    ]);
  });

  it("-t HEADING runs the examples under it", { timeout: 120_000 }, async () => {
    const run = await vitest("run", LABELS_RUN);
    expect(run.testsIn("replay.md").map((test) => test.split(" ")[0])).toEqual(["skipped", "skipped", "skipped", "skipped"]);
    expect(run.testsIn("sections.md")).toEqual([
      'skipped L3: run("echo before any heading")',
      'passed Labels L8: run("echo labelled")',
      'passed Labels Two lines L13: print("a")',
      'skipped Other section L28: run("echo other")',
    ]);
  });
});

describe("file.md:LINE", () => {
  it.each(lineCases)("line $line ($why) runs $selects", { timeout: 120_000 }, async ({ line, selects }) => {
    const run = await vitest("run", PASSING_RUN);
    expect({ exitCode: run.exitCode, ran: run.testsIn(`line-${line}.md`).filter((test) => !test.startsWith("skipped")) }).toEqual({ exitCode: 0, ran: selects });
  });

  it("a line in no example is vitest's error, and leaves no sandbox", { timeout: 120_000 }, async () => {
    const run = await vitest("run", ["sections.md:20"]);
    expect({ exitCode: run.exitCode, said: run.output.includes("No test found in sections.md in line 20"), left: run.leftSandboxes }).toEqual({ exitCode: 1, said: true, left: [] });
  });
});

describe("replayed examples", () => {
  it("that failed are reported in the failure of the selected example", { timeout: 120_000 }, async () => {
    const run = await vitest("run", FAILING_RUN, FAILING_ENV);
    expect(run.failuresIn("replay.md")).toEqual([
      [
        "TranscriptFailure: replay.md:9: output does not match the expected output",
        '    >>> run("cat state.txt")',
        "exit status: 0",
        "--- expected",
        "+++ actual",
        "@@ -1 +1 @@",
        "-three",
        "+one",
        "replayed example at replay.md:4 failed: output does not match the expected output",
        '    >>> run("cat state.txt")',
        "exit status: 0",
        "--- expected",
        "+++ actual",
        "@@ -1 +1 @@",
        "-two",
        "+one",
        "sandbox: <sandbox> (kept)",
        // The failure's stack frame: the selected example's markdown line.
        `    at ${path.join(fixturesCopy(), "replay.md")}:9:5`,
      ].join("\n"),
    ]);
  });

  it("that failed are printed when the selected example passes", { timeout: 120_000 }, async () => {
    const run = await vitest("run", PASSING_RUN);
    expect({
      exitCode: run.exitCode,
      ran: run.testsIn("replay.md").filter((test) => !test.startsWith("skipped")),
      warned: ["replay.md:4", "replay.md:9"].map((at) => run.output.includes(`replayed example at ${at} failed: output does not match the expected output`)),
    }).toEqual({ exitCode: 0, ran: ['passed L14: run("echo passes")'], warned: [true, true] });
  });
});

describe("+FIXME", () => {
  it("runs the example: failing is an XFAIL, passing an XPASS that fails the run", { timeout: 120_000 }, async () => {
    const run = await vitest("run", FAILING_RUN, FAILING_ENV);
    expect({ exitCode: run.exitCode, tests: run.testsIn("fixme.md"), failures: run.failuresIn("fixme.md"), summary: /^\d+ passed, .*$/m.exec(run.output)?.[0] }).toEqual({
      exitCode: 1,
      tests: ['passed L3: run("echo wrong")  # doctest: +FIXME', 'failed L6: run("echo fixed")  # doctest: +FIXME', 'passed L9: run("echo plain")'],
      failures: [`TranscriptFailure: fixme.md:6: XPASS: marked +FIXME but passed (remove +FIXME)\n    >>> run("echo fixed")  # doctest: +FIXME\n    at ${path.join(fixturesCopy(), "fixme.md")}:6:5`],
      // The run's totals: replay.md's selected example adds a failure and its other three are
      // skipped; sections.md adds four passes, and the annotated fixtures a pass and three failures.
      summary: "6 passed, 5 failed (1 xpass), 3 skipped, 1 xfail",
    });
  });
});

describe("sandboxes", () => {
  it.each([
    { command: "list" as const, args: ["sections.md"] },
    // replay.md has no example under a heading "Labels": -t leaves it none to run.
    { command: "run" as const, args: LABELS_RUN },
    { command: "run" as const, args: PASSING_RUN },
  ])("vitest $command $args leaves none behind", { timeout: 120_000 }, async ({ command, args }) => {
    expect((await vitest(command, args)).leftSandboxes).toEqual([]);
  });

  it("KEEP_SANDBOX=1 keeps them and says where, passing or not", { timeout: 120_000 }, async () => {
    const run = await vitest("run", FAILING_RUN, FAILING_ENV);
    const said = [...run.output.matchAll(/^(\S+): sandbox kept at (\S+)$/gm)].map((match) => `${match[1]} ${match[2]}`).sort();
    // unknown-option.md cannot be parsed, so it never made one.
    expect({ said, left: run.leftSandboxes.length }).toEqual({
      said: ["fixme.md <sandbox>", "mismatch.md <sandbox>", "replay.md <sandbox>", "sections.md <sandbox>", "syntax-error.md <sandbox>"],
      left: 5,
    });
  });
});

describe("github-actions annotations", () => {
  it("place each failure at its markdown line", { timeout: 120_000 }, async () => {
    const run = await vitest("run", FAILING_RUN, FAILING_ENV);
    const annotations = [...run.output.matchAll(/^::error file=([^,]*),title=[^,]*,line=(\d+),column=(\d+)::TranscriptFailure: ([^%]*)/gm)]
      .map((match) => ({ file: path.relative(fixturesCopy(), match[1]), line: Number(match[2]), message: match[4] }))
      .filter((annotation) => ANNOTATED.includes(annotation.file));
    expect(annotations.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: "mismatch.md", line: 10, message: "mismatch.md:10: output does not match the expected output" },
      { file: "syntax-error.md", line: 5, message: "syntax-error.md:5: SyntaxError: '(' was never closed" },
      { file: "unknown-option.md", line: 5, message: "unknown-option.md:5: invalid doctest option: '+NOPE'" },
    ]);
  });
});
