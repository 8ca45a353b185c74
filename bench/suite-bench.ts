// Whole-suite benchmarks: every transcript through the conformance runner, the reference CLI spawned or in-process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { execa } from "execa";
import type { BenchRow } from "./timing.js";
import { DIST_IS_BUILT } from "../harness/vitest/dist-built.js";

export interface SuiteBenchConfig {
  root: string;
  /** A folder of the bench's own: each suite's transcript durations are kept below it, not in the user's cache. */
  workDir: string;
  nodeBin: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Seconds the conformance runner takes over the paths, and its closing `N passed, M failed` line. */
async function timeConformance(config: SuiteBenchConfig, paths: string[], spawn: boolean, cacheHome: string): Promise<{ seconds: number; summary: string }> {
  // The baseline is the harness as it was: a process per command, sandboxes in the OS temp folder.
  const common = { ...config.env, XDG_CACHE_HOME: cacheHome };
  const env = spawn ? { ...common, GUILD_TRANSCRIPTS_SPAWN: "1", TMPDIR: config.env.TMPDIR || os.tmpdir() } : { ...common, GUILD_TRANSCRIPTS_SPAWN: "" };
  const start = performance.now();
  const result = await execa(config.nodeBin, [path.join(config.root, "dist", "conformance.mjs"), ...paths], { cwd: config.root, env, reject: false, stdin: "ignore", all: true });
  const seconds = (performance.now() - start) / 1000;
  const summary = (result.all ?? "").trim().split("\n").filter((line) => / passed, \d+ failed/.test(line)).pop() ?? `exit ${result.exitCode}`;
  return { seconds, summary };
}

/** Seconds `vitest run` (npm test after its build) takes, and its closing tests line. */
async function timeVitest(config: SuiteBenchConfig, spawn: boolean): Promise<{ seconds: number; summary: string }> {
  const env = { ...config.env, GUILD_TRANSCRIPTS_SPAWN: spawn ? "1" : "", CI: "1", NO_COLOR: "1", [DIST_IS_BUILT]: "1" };
  const start = performance.now();
  const result = await execa(config.nodeBin, [path.join(config.root, "node_modules", "vitest", "vitest.mjs"), "run"], { cwd: config.root, env, reject: false, stdin: "ignore", all: true });
  const seconds = (performance.now() - start) / 1000;
  const summary = (result.all ?? "").split("\n").filter((line) => /^\s*Tests\s/.test(line)).pop()?.trim() ?? `exit ${result.exitCode}`;
  return { seconds, summary };
}

/**
 * `npm start`'s work (all transcripts) with `guild` spawned and in-process; with GUILD_TESTS_LIST
 * naming a file of transcript paths (Guild's own), those too.
 */
export async function benchSuites(config: SuiteBenchConfig): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = [];
  const suites: Array<[string, string[], string]> = [["all transcripts", [path.join(config.root, "transcripts")], "≤ 15 s"]];
  const list = config.env.GUILD_TESTS_LIST;
  if (list && fs.existsSync(list)) {
    // A relative path in the list names a file from the list's own folder, wherever the bench runs.
    const listed = fs.readFileSync(list, "utf8").split(/\s+/).filter(Boolean).map((entry) => path.resolve(path.dirname(list), entry));
    suites.push([`${path.basename(list)}`, listed, "≤ 24 s"]);
  }
  for (const [index, [name, paths, target]] of suites.entries()) {
    // Each run order starts from no known durations (the biggest transcripts first); the in-process
    // suite then runs again with the durations its first run measured (the longest first).
    const spawned = await timeConformance(config, paths, true, path.join(config.workDir, `suite-${index}-spawned-cache`));
    rows.push({ name: `${name}, guild spawned, sandboxes on disk`, seconds: spawned.seconds, note: spawned.summary });
    const cacheHome = path.join(config.workDir, `suite-${index}-cache`);
    const first = await timeConformance(config, paths, false, cacheHome);
    rows.push({ name: `${name}, guild in-process, first run`, seconds: first.seconds, baseline: `${name}, guild spawned, sandboxes on disk`, note: first.summary });
    const known = await timeConformance(config, paths, false, cacheHome);
    rows.push({ name: `${name}, guild in-process, durations known`, seconds: known.seconds, baseline: `${name}, guild spawned, sandboxes on disk`, target, note: known.summary });
  }
  // npm test's own run (the build before it takes about a second): every test file, the transcripts with them.
  const spawned = await timeVitest(config, true);
  rows.push({ name: "vitest run (npm test), guild spawned", seconds: spawned.seconds, note: spawned.summary });
  const hosted = await timeVitest(config, false);
  rows.push({ name: "vitest run (npm test)", seconds: hosted.seconds, baseline: "vitest run (npm test), guild spawned", target: "≤ 45 s", note: hosted.summary });
  return { rows };
}
