// One transcript against one implementation: its examples in order, verdicts with expected failures applied.
import fs from "node:fs";
import path from "node:path";
import { TranscriptSession } from "../run/session.js";
import type { ExampleOutcome } from "../run/outcome.js";
import { escapedDiff, exampleTitle, failureLines, locatedMessage, xpassLines, type ReportContext } from "../report/failure.js";
import type { StyledLine } from "../report/colour.js";
import type { TranscriptSummary } from "../report/summary.js";
import { TranscriptError } from "../transcript/index.js";
import type { HostServices } from "../sandbox/host.js";
import { ConformanceError, type Implementation } from "./implementations.js";
import { exampleKey, verdictOf, type Verdict } from "./verdicts.js";
import { examplesAtLines } from "./selection.js";

export interface ExampleVerdict {
  transcript: string;
  line: number;
  /** `L<line>: <first source line>`, the example's test name. */
  title: string;
  source: string;
  status: Verdict;
  /** Why it was skipped or could not be run. */
  reason?: string;
  seconds: number;
  /** What the example printed, when it did not match. */
  actual?: string;
  /** The diff the report shows, when it did not match. */
  diff?: string;
  /** The report of a failure, XFAIL or XPASS (none for an example update mode rewrote). */
  report?: StyledLine[];
}

export interface TranscriptResult {
  implementation: string;
  /** Absolute path of the transcript. */
  file: string;
  summary: TranscriptSummary;
  verdicts: ExampleVerdict[];
  /** The reports that count as failures (failed and XPASS examples, or why the transcript cannot run). */
  failures: StyledLine[][];
  seconds: number;
}

export interface TranscriptRunOptions {
  keepSandbox: boolean;
  cwd: string;
  /** Rewrite the expected output of failing examples (update mode); those rewritten count as updated. */
  update?: boolean;
  /** Milliseconds from a fixed time, for example timings (none: every time is 0). */
  clock?: () => number;
  /** Most output kept of one command (the session's default when absent). */
  outputLimitBytes?: number;
  /** Folder to make sandboxes in (default: the OS temp folder). */
  tempRoot?: string;
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
 * silently, and later ones do not run. Update mode rewrites failing examples, which then count as
 * updated. When the host is interrupted it stops: the example under way and those after it are
 * left out, and the summary says where it stopped. Update mode writes nothing then.
 */
export async function runTranscript(
  file: string,
  implementation: Implementation,
  host: HostServices,
  options: TranscriptRunOptions & { lines?: readonly number[] },
): Promise<TranscriptResult> {
  const clock = options.clock ?? (() => 0);
  const absolute = path.resolve(options.cwd, file);
  const displayPath = path.relative(options.cwd, file) || file;
  const unrunnable = (message: string): TranscriptResult => ({
    implementation: implementation.name,
    file: absolute,
    summary: { displayPath, passed: 0, failed: 0, skipped: 0, error: message },
    verdicts: [],
    failures: [[{ text: message, style: "failed" }]],
    seconds: 0,
  });
  let session: TranscriptSession;
  try {
    session = TranscriptSession.fromFile(file, {
      host,
      implCommand: implementation.command,
      keepSandbox: options.keepSandbox,
      displayPath,
      update: options.update,
      ...(options.outputLimitBytes ? { outputLimitBytes: options.outputLimitBytes } : {}),
      ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
    });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    return unrunnable(error.message);
  }
  const started = clock();
  try {
    let indexes = session.examples.map((example) => example.index);
    let only: Set<number> | undefined;
    if (options.lines) {
      const selected = examplesAtLines(session.examples, options.lines);
      if (selected.missing.length > 0) return unrunnable(`${displayPath}:${selected.missing[0]}: no example at this line`);
      indexes = selected.indexes;
      only = new Set(indexes);
    }
    const ran: { outcome: ExampleOutcome; seconds: number }[] = [];
    let interruptedAt: number | undefined;
    for (const index of indexes) {
      const exampleStarted = clock();
      const outcome = host.interrupt?.aborted ? null : await session.run(index);
      // An example the interrupt cut short says nothing about the implementation.
      if (outcome === null || host.interrupt?.aborted) {
        interruptedAt = session.examples[index].sourceLine;
        break;
      }
      ran.push({ outcome, seconds: (clock() - exampleStarted) / 1000 });
    }
    const plan = options.update && interruptedAt === undefined ? session.writeUpdates(only) : null;
    const updated = new Set(plan?.updated.map((example) => example.index));
    const notUpdated = new Map(plan?.refused.map(({ example, reason }) => [example.index, reason]));
    const expected = new Set((implementation.expectedFailures ?? []).map((entry) => exampleKey(entry.file, entry.line)));
    const verdicts = ran.map(({ outcome, seconds }): ExampleVerdict => {
      const { index, sourceLine } = outcome.example;
      const status = updated.has(index) ? "updated" : verdictOf(outcome.kind, expected.has(exampleKey(absolute, sourceLine)));
      const refusal = notUpdated.get(index);
      const context = { displayPath, sandboxRoot: session.sandboxDir ?? "", sandboxKept: options.keepSandbox, ...(refusal ? { notUpdated: refusal } : {}) };
      return exampleVerdict(outcome, status, seconds, context);
    });
    const count = (status: Verdict) => verdicts.filter((verdict) => verdict.status === status).length;
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
        ...(interruptedAt !== undefined ? { interruptedAt } : {}),
      },
      verdicts,
      failures: verdicts.flatMap((verdict) => (verdict.report && (verdict.status === "failed" || verdict.status === "xpass") ? [verdict.report] : [])),
      seconds: (clock() - started) / 1000,
    };
  } finally {
    await session.close();
  }
}

/** An example's verdict with what the reports show of it: why it was skipped, its diff and output, its failure report. */
function exampleVerdict(outcome: ExampleOutcome, status: Verdict, seconds: number, context: ReportContext): ExampleVerdict {
  const { example } = outcome;
  const verdict: ExampleVerdict = { transcript: context.displayPath, line: example.sourceLine, title: exampleTitle(example), source: example.source, status, seconds };
  switch (outcome.kind) {
    case "skipped":
      return { ...verdict, reason: outcome.reason };
    case "error":
      return { ...verdict, reason: locatedMessage(outcome.location, outcome.message), report: failureLines(outcome, context) };
    case "mismatch": {
      const diff = escapedDiff(outcome.check);
      // An example update mode rewrote is not a failure: its output and diff say what was written.
      const report = status === "updated" ? {} : { report: failureLines(outcome, context, diff) };
      return { ...verdict, actual: outcome.check.actual, diff: diff.text, ...report };
    }
    case "passed":
      return status === "xpass" ? { ...verdict, report: xpassLines(example, context.displayPath) } : verdict;
  }
}
