// The conformance runner: transcripts (files or folders anywhere) against one or more implementations.
import fs from "node:fs";
import path from "node:path";
import { TranscriptSession } from "../run/session.js";
import type { ExampleOutcome } from "../run/outcome.js";
import { formatFailure, formatXpass, locatedMessage } from "../report/failure.js";
import { failureCount, formatSummary, formatTotals, summaryTotals, type TranscriptSummary } from "../report/summary.js";
import { TranscriptError } from "../transcript/index.js";
import { ConformanceError, type Implementation } from "./implementations.js";
import { exampleKey, staleExpectedFailures, verdictOf, type ExpectedFailure, type Verdict } from "./verdicts.js";
import { formatMatrix } from "./matrix.js";
import { verdictsJson } from "./json-report.js";
import { examplesAtLines, splitLineSelections } from "./selection.js";
import type { HostServices } from "../sandbox/host.js";

export { ConformanceError, type Implementation } from "./implementations.js";

export interface ConformanceOptions {
  /** Transcripts and folders; `PATH:LINE` selects the example at that line (see splitLineSelections). */
  paths: string[];
  implementations: Implementation[];
  jsonFile?: string;
  keepSandbox: boolean;
  /** Rewrite the expected output of failing examples (update mode); those rewritten count as updated. */
  update?: boolean;
  concurrency: number;
  cwd: string;
}

export interface ExampleVerdict {
  transcript: string;
  line: number;
  source: string;
  status: Verdict;
  reason?: string;
}

export interface TranscriptResult {
  implementation: string;
  /** Absolute path of the transcript. */
  file: string;
  summary: TranscriptSummary;
  verdicts: ExampleVerdict[];
  failures: string[];
}

/** Every `.md` transcript under the given files and folders (sample projects and node_modules left out). */
export function collectTranscripts(paths: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (stat.isFile()) {
      found.push(target);
      return;
    }
    for (const entry of fs.readdirSync(target, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === "node_modules" || entry.name === "samples" || entry.name.startsWith(".")) continue;
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (entry.name.endsWith(".md")) found.push(child);
    }
  };
  for (const target of paths) {
    const absolute = path.resolve(cwd, target);
    if (!fs.existsSync(absolute)) throw new ConformanceError(`${target}: no such file or directory`);
    visit(absolute);
  }
  return found;
}

/**
 * Runs one transcript to the end against one implementation, its expected failures applied. With
 * `lines`, only the examples at those lines are reported (and updated); earlier ones run first,
 * silently, and later ones do not run.
 */
export async function runTranscript(
  file: string,
  implementation: Implementation,
  host: HostServices,
  options: Pick<ConformanceOptions, "keepSandbox" | "cwd" | "update"> & { lines?: readonly number[] },
): Promise<TranscriptResult> {
  const absolute = path.resolve(options.cwd, file);
  const displayPath = path.relative(options.cwd, file) || file;
  const unrunnable = (message: string): TranscriptResult => ({
    implementation: implementation.name,
    file: absolute,
    summary: { displayPath, passed: 0, failed: 0, skipped: 0, error: message },
    verdicts: [],
    failures: [message],
  });
  let session: TranscriptSession;
  try {
    session = TranscriptSession.fromFile(file, { host, implCommand: implementation.command, keepSandbox: options.keepSandbox, displayPath, update: options.update });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    return unrunnable(error.message);
  }
  try {
    let outcomes: ExampleOutcome[];
    let only: Set<number> | undefined;
    if (options.lines) {
      const { indexes, missing } = examplesAtLines(session.examples, options.lines);
      if (missing.length > 0) return unrunnable(`${displayPath}:${missing[0]}: no example at this line`);
      outcomes = [];
      for (const index of indexes) outcomes.push(await session.run(index));
      only = new Set(indexes);
    } else {
      outcomes = await session.runAll();
    }
    const plan = options.update ? session.writeUpdates(only) : null;
    const updated = new Set(plan?.updated.map((example) => example.index));
    const notUpdated = new Map(plan?.refused.map(({ example, reason }) => [example.index, reason]));
    const expected = new Set((implementation.expectedFailures ?? []).map((entry) => exampleKey(entry.file, entry.line)));
    const verdicts: ExampleVerdict[] = outcomes.map((outcome) => ({
      transcript: displayPath,
      line: outcome.example.sourceLine,
      source: outcome.example.source,
      status: updated.has(outcome.example.index) ? "updated" : verdictOf(outcome.kind, expected.has(exampleKey(absolute, outcome.example.sourceLine))),
      ...reasonOf(outcome),
    }));
    const count = (status: Verdict) => verdicts.filter((verdict) => verdict.status === status).length;
    const failures = outcomes.flatMap((outcome, index) => {
      if (verdicts[index].status === "xpass") return [formatXpass(outcome.example, displayPath)];
      if (verdicts[index].status === "failed" && (outcome.kind === "mismatch" || outcome.kind === "error")) {
        const refusal = notUpdated.get(outcome.example.index);
        return [formatFailure(outcome, { displayPath, sandboxRoot: session.sandboxRoot, sandboxKept: options.keepSandbox, ...(refusal ? { notUpdated: refusal } : {}) })];
      }
      return [];
    });
    return {
      implementation: implementation.name,
      file: absolute,
      summary: {
        displayPath,
        passed: count("passed"),
        failed: count("failed"),
        skipped: count("skipped"),
        ...(count("xfail") ? { xfail: count("xfail") } : {}),
        ...(count("xpass") ? { xpass: count("xpass") } : {}),
        ...(count("updated") ? { updated: count("updated") } : {}),
      },
      verdicts,
      failures,
    };
  } finally {
    await session.close();
  }
}

/** Why an example was skipped or could not be run, for the JSON report; nothing for the others. */
function reasonOf(outcome: ExampleOutcome): { reason?: string } {
  if (outcome.kind === "skipped") return { reason: outcome.reason };
  if (outcome.kind === "error") return { reason: locatedMessage(outcome.location, outcome.message) };
  return {};
}

/**
 * Runs every transcript against every implementation and writes the report: with one
 * implementation, failures then a line per transcript; with several, the matrix, then the
 * failures of each implementation. Both end with the `N passed, M failed` line. Returns the
 * exit code: 1 on any failure, XPASS or error.
 */
export async function runConformance(options: ConformanceOptions, host: HostServices, write: (text: string) => void): Promise<number> {
  if (options.update && options.implementations.length > 1) {
    throw new ConformanceError("--update rewrites transcripts from one implementation's output: give at most one --impl");
  }
  const selection = splitLineSelections(options.paths, options.cwd);
  const files = collectTranscripts(selection.paths, options.cwd);
  const jobs = options.implementations.flatMap((implementation) => files.map((file) => ({ file, implementation })));
  const results = await mapLimited(jobs, options.concurrency, ({ file, implementation }) =>
    runTranscript(file, implementation, host, { ...options, lines: selection.lines.get(path.resolve(options.cwd, file)) }),
  );
  const columns = options.implementations.map((implementation) => {
    const mine = results.filter((result) => result.implementation === implementation.name);
    // A transcript run for some of its lines cannot tell whether an entry names an example.
    const wholeRuns = mine.filter((result) => !selection.lines.has(result.file));
    const stale = staleExpectedFailures(implementation.expectedFailures ?? [], exampleLinesByFile(wholeRuns));
    const failures = [...mine.flatMap((result) => result.failures), ...stale.map((entry) => staleMessage(implementation.name, entry))];
    return { implementation, results: mine, stale, failures };
  });
  if (columns.length === 1) {
    const [{ results: mine, stale, failures }] = columns;
    for (const failure of failures) write(failure + "\n\n");
    write(formatSummary(mine.map((result) => result.summary), stale.length) + "\n");
  } else {
    const rows = files.map((file, row) => ({ displayPath: columns[0].results[row].summary.displayPath, cells: columns.map((column) => column.results[row].summary) }));
    write(formatMatrix(columns.map((column) => column.implementation.name), rows) + "\n");
    for (const column of columns) {
      if (column.failures.length === 0) continue;
      const totals = summaryTotals(column.results.map((result) => result.summary));
      totals.errors += column.stale.length;
      write(`\n== ${column.implementation.name}: ${failureCount(totals)} failed\n\n${column.failures.join("\n\n")}\n`);
    }
  }
  const totals = summaryTotals(results.map((result) => result.summary));
  totals.errors += columns.reduce((sum, column) => sum + column.stale.length, 0);
  if (columns.length > 1) write("\n" + formatTotals(totals) + "\n");
  if (options.jsonFile) {
    const json = verdictsJson(options.implementations, results, columns.flatMap((column) => column.stale.map((entry) => staleMessage(column.implementation.name, entry))), totals);
    fs.writeFileSync(path.resolve(options.cwd, options.jsonFile), JSON.stringify(json, null, 2) + "\n");
  }
  return failureCount(totals) > 0 ? 1 : 0;
}

function exampleLinesByFile(results: readonly TranscriptResult[]): Map<string, Set<number>> {
  return new Map(results.filter((result) => !result.summary.error).map((result) => [result.file, new Set(result.verdicts.map((verdict) => verdict.line))]));
}

function staleMessage(implementationName: string, entry: ExpectedFailure): string {
  return `${entry.label}: expected failure of '${implementationName}' names no example (no example starts at that line)`;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, action: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await action(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
