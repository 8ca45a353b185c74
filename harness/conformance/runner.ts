// The conformance runner: transcripts (files or folders anywhere) against one or more implementations.
import fs from "node:fs";
import path from "node:path";
import { renderLines, type StyledLine } from "../report/colour.js";
import { failureCount, formatTotals, summaryTotals, transcriptLine, type VerdictCounts } from "../report/summary.js";
import type { HostServices } from "../sandbox/host.js";
import { ConformanceError, type Implementation } from "./implementations.js";
import { staleExpectedFailures, type ExpectedFailure } from "./verdicts.js";
import { formatMatrix } from "./matrix.js";
import { verdictsJson } from "./json-report.js";
import { junitXml, type JunitSuite } from "./junit-report.js";
import { implementationProblems } from "./preflight.js";
import { Progress, type ConformanceOutput } from "./progress.js";
import { splitLineSelections } from "./selection.js";
import { selectShard, type Shard } from "./shard.js";
import { durationKey, longestFirst, readDurations, writeDurations } from "./durations.js";
import { collectTranscripts, runTranscript, type TranscriptResult, type TranscriptRunOptions } from "./transcript-run.js";

export { ConformanceError, type Implementation } from "./implementations.js";
export { collectTranscripts, runTranscript, type ExampleVerdict, type TranscriptResult } from "./transcript-run.js";
export type { ConformanceOutput } from "./progress.js";

export interface ConformanceOptions extends TranscriptRunOptions {
  /** Transcripts and folders; `PATH:LINE` selects the example at that line (see splitLineSelections). */
  paths: string[];
  implementations: Implementation[];
  jsonFile?: string;
  junitFile?: string;
  /** Transcripts run at once. */
  jobs: number;
  /** Run only this shard of the transcripts. */
  shard?: Shard;
  /**
   * Where each transcript run's duration is kept between runs (by implementation and transcript
   * text): the longest known start first. Absent: the biggest files start first.
   */
  durationsFile?: string;
  /** Names this process's temporary files (the durations file is replaced through one). */
  uniqueSuffix?: string;
}

/** Exit status of a run the user interrupted, as a shell reports a death by SIGINT. */
export const INTERRUPTED_EXIT_CODE = 130;

interface Job {
  file: string;
  implementation: Implementation;
  /** How the job's line names it: the transcript, and the implementation when there are several. */
  label: string;
}

/**
 * Runs every transcript against every implementation, `jobs` at a time, and reports: a line per
 * transcript as it finishes (with a status line below on a terminal), then with several
 * implementations the matrix, then the failures, then the `N passed, M failed` line. When the
 * host is interrupted no more transcripts start, and what finished is reported. Returns the exit
 * code: 1 on any failure, XPASS or error; 130 when interrupted.
 */
export async function runConformance(options: ConformanceOptions, host: HostServices, output: ConformanceOutput): Promise<number> {
  if (options.update && options.implementations.length > 1) {
    throw new ConformanceError("--update rewrites transcripts from one implementation's output: give at most one --impl");
  }
  const selection = splitLineSelections(options.paths, options.cwd);
  const all = collectTranscripts(selection.paths, options.cwd);
  if (all.length === 0) throw new ConformanceError(`no transcripts (.md files) in ${options.paths.join(", ")}`);
  const files = options.shard ? selectShard(all, options.shard, (file) => path.relative(options.cwd, file), (file) => fs.statSync(file).size) : all;
  const problems = await implementationProblems(options.implementations, host);
  if (problems.length > 0) throw new ConformanceError(problems.join("\n"));
  const several = options.implementations.length > 1;
  const jobs: Job[] = options.implementations.flatMap((implementation) =>
    files.map((file) => ({ file, implementation, label: (path.relative(options.cwd, file) || file) + (several ? ` [${implementation.name}]` : "") })),
  );
  const width = Math.max(...jobs.map((job) => job.label.length));
  const progress = new Progress(output, jobs.length);
  // The longest runs start first, so the last to finish is a short one: as the last runs measured
  // them, else (a first run, a new transcript) the biggest files.
  const known = options.durationsFile ? readDurations(options.durationsFile) : new Map<string, number>();
  const keyOf = new Map(jobs.map((job) => [job, durationKey(job.implementation.name, fs.readFileSync(job.file))]));
  const order = longestFirst(jobs, (job) => known.get(keyOf.get(job)!), (job) => fs.statSync(job.file).size);
  const finished = new Map<Job, TranscriptResult>();
  try {
    await forEachLimited(order, options.jobs, () => host.interrupt?.aborted === true, async (job) => {
      progress.started(job.label);
      const result = await runTranscript(job.file, job.implementation, host, { ...options, lines: selection.lines.get(path.resolve(options.cwd, job.file)) });
      finished.set(job, result);
      progress.done(job.label, [transcriptLine({ ...result.summary, displayPath: job.label }, width)]);
    });
  } finally {
    progress.close();
  }
  const interrupted = host.interrupt?.aborted === true;
  const results = jobs.flatMap((job) => finished.get(job) ?? []);
  // Whole runs only: a transcript stopped halfway (interrupted, or selected lines) says little of the next run.
  if (options.durationsFile && !interrupted && selection.lines.size === 0) {
    const measured = new Map([...finished].map(([job, result]) => [keyOf.get(job)!, Math.round(result.seconds * 1000) / 1000]));
    writeDurations(options.durationsFile, measured, options.uniqueSuffix ?? "runner");
  }
  const report = reportOf(options.implementations, results, (result) => selection.lines.has(result.file));
  const write = (lines: readonly StyledLine[]) => output.write(renderLines(lines, output.colour ?? false) + "\n");
  if (several) {
    const rows = files.map((file) => ({
      displayPath: path.relative(options.cwd, file) || file,
      cells: options.implementations.map((implementation) => results.find((result) => result.file === path.resolve(file) && result.implementation === implementation.name)?.summary),
    }));
    output.write("\n" + formatMatrix(options.implementations.map((implementation) => implementation.name), rows) + "\n");
  }
  for (const column of report.columns) {
    if (column.failures.length === 0) continue;
    if (several) write([{ text: `\n== ${column.implementation.name}: ${failureCount(column.totals)} failed`, style: "heading" }]);
    for (const failure of column.failures) write([{ text: "", style: "plain" }, ...failure]);
  }
  const notRun = jobs.length - finished.size;
  const unfinished = notRun + results.filter((result) => result.summary.interruptedAt !== undefined).length;
  if (interrupted) write([{ text: `\ninterrupted: ${unfinished} of ${jobs.length} transcript runs did not finish`, style: "note" }]);
  output.write((!interrupted && (report.failures > 0 || several) ? "\n" : "") + formatTotals(report.totals) + "\n");
  if (options.jsonFile) {
    const json = verdictsJson(options.implementations, results, report.staleMessages, report.totals, interrupted);
    fs.writeFileSync(path.resolve(options.cwd, options.jsonFile), JSON.stringify(json, null, 2) + "\n");
  }
  if (options.junitFile) {
    fs.writeFileSync(path.resolve(options.cwd, options.junitFile), junitXml(junitSuites(results, several, report.staleMessages)));
  }
  if (interrupted) return INTERRUPTED_EXIT_CODE;
  return failureCount(report.totals) > 0 ? 1 : 0;
}

interface Column {
  implementation: Implementation;
  totals: VerdictCounts;
  failures: StyledLine[][];
}

/**
 * Failures and counts per implementation and over all, expected failures naming no example
 * included (`partial`: a transcript run for some of its lines, which cannot tell whether an
 * entry names an example).
 */
function reportOf(implementations: readonly Implementation[], results: readonly TranscriptResult[], partial: (result: TranscriptResult) => boolean) {
  const staleMessages: string[] = [];
  const columns: Column[] = implementations.map((implementation) => {
    const mine = results.filter((result) => result.implementation === implementation.name);
    const stale = staleExpectedFailures(implementation.expectedFailures ?? [], exampleLinesByFile(mine.filter((result) => !partial(result))));
    const messages = stale.map((entry) => staleMessage(implementation.name, entry));
    staleMessages.push(...messages);
    const totals = summaryTotals(mine.map((result) => result.summary));
    totals.errors += stale.length;
    const failures = [...mine.flatMap((result) => result.failures), ...messages.map((text): StyledLine[] => [{ text, style: "failed" }])];
    return { implementation, totals, failures };
  });
  const totals = summaryTotals(results.map((result) => result.summary));
  totals.errors += staleMessages.length;
  return { columns, totals, staleMessages, failures: failureCount(totals) };
}

/** Example lines of each transcript that ran to its end (an interrupted one proves no entry stale). */
function exampleLinesByFile(results: readonly TranscriptResult[]): Map<string, Set<number>> {
  const complete = results.filter((result) => !result.summary.error && result.summary.interruptedAt === undefined);
  return new Map(complete.map((result) => [result.file, new Set(result.verdicts.map((verdict) => verdict.line))]));
}

function staleMessage(implementationName: string, entry: ExpectedFailure): string {
  return `${entry.label}: expected failure of '${implementationName}' names no example (no example starts at that line)`;
}

/** JUnit suites: one per transcript and implementation, and one for problems outside transcripts. */
function junitSuites(results: readonly TranscriptResult[], several: boolean, staleMessages: readonly string[]): JunitSuite[] {
  const suites: JunitSuite[] = results.map((result) => {
    const name = result.summary.displayPath + (several ? ` [${result.implementation}]` : "");
    return {
      name,
      file: result.summary.displayPath,
      seconds: result.seconds,
      cases: result.verdicts.map((verdict) => ({
        name: verdict.title,
        classname: name,
        file: verdict.transcript,
        line: verdict.line,
        seconds: verdict.seconds,
        verdict: verdict.status,
        ...(verdict.report ? { text: renderLines(verdict.report, false) } : verdict.reason ? { text: verdict.reason } : {}),
      })),
      ...(result.summary.error ? { errors: [{ name: "transcript", message: result.summary.error }] } : {}),
    };
  });
  if (staleMessages.length > 0) suites.push({ name: "conformance", seconds: 0, cases: [], errors: staleMessages.map((message) => ({ name: message.split(": ")[0], message })) });
  return suites;
}

/** Runs `action` on the items, at most `limit` at once, starting no more once `stop()` says so. */
async function forEachLimited<T>(items: readonly T[], limit: number, stop: () => boolean, action: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const item = items[next];
      next += 1;
      await action(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
