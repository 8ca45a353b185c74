// One transcript against one implementation: its examples in order, verdicts with expected failures applied.
import fs from "node:fs";
import path from "node:path";
import { TranscriptSession } from "../run/session.js";
import type { ExampleOutcome } from "../run/outcome.js";
import { escapedDiff, exampleTitle, failureLines, locatedMessage, xpassLines } from "../report/failure.js";
import type { StyledLine } from "../report/colour.js";
import type { TranscriptSummary } from "../report/summary.js";
import { TranscriptError } from "../transcript/index.js";
import type { HostServices } from "../sandbox/host.js";
import { ConformanceError, type Implementation } from "./implementations.js";
import { exampleKey, verdictOf, type Verdict } from "./verdicts.js";

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
  /** The report of a failure, XFAIL or XPASS. */
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
  /** Rewrite the expected output of failing examples in place (update mode). */
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
 * Runs one transcript to the end against one implementation, its expected failures applied.
 * When the host is interrupted it stops: the example under way and those after it are left out,
 * and the summary says where it stopped. Update mode writes nothing then.
 */
export async function runTranscript(file: string, implementation: Implementation, host: HostServices, options: TranscriptRunOptions): Promise<TranscriptResult> {
  const clock = options.clock ?? (() => 0);
  const absolute = path.resolve(options.cwd, file);
  const displayPath = path.relative(options.cwd, file) || file;
  let session: TranscriptSession;
  try {
    session = TranscriptSession.fromFile(file, {
      host,
      implCommand: implementation.command,
      keepSandbox: options.keepSandbox,
      displayPath,
      ...(options.outputLimitBytes ? { outputLimitBytes: options.outputLimitBytes } : {}),
      ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
    });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    return {
      implementation: implementation.name,
      file: absolute,
      summary: { displayPath, passed: 0, failed: 0, skipped: 0, error: error.message },
      verdicts: [],
      failures: [[{ text: error.message, style: "failed" }]],
      seconds: 0,
    };
  }
  const started = clock();
  try {
    const expected = new Set((implementation.expectedFailures ?? []).map((entry) => exampleKey(entry.file, entry.line)));
    const verdicts: ExampleVerdict[] = [];
    let interruptedAt: number | undefined;
    for (let index = 0; index < session.examples.length; index += 1) {
      const exampleStarted = clock();
      const outcome = host.interrupt?.aborted ? null : await session.run(index);
      // An example the interrupt cut short says nothing about the implementation.
      if (outcome === null || host.interrupt?.aborted) {
        interruptedAt = session.examples[index].sourceLine;
        break;
      }
      const status = verdictOf(outcome.kind, expected.has(exampleKey(absolute, outcome.example.sourceLine)));
      verdicts.push(exampleVerdict(outcome, status, (clock() - exampleStarted) / 1000, { displayPath, sandboxRoot: session.sandboxRoot, sandboxKept: options.keepSandbox }));
    }
    const updated = options.update && interruptedAt === undefined ? writeUpdates(session, file) : 0;
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
        ...(updated ? { updated } : {}),
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

function exampleVerdict(outcome: ExampleOutcome, status: Verdict, seconds: number, context: { displayPath: string; sandboxRoot: string; sandboxKept: boolean }): ExampleVerdict {
  const { example } = outcome;
  const verdict: ExampleVerdict = { transcript: context.displayPath, line: example.sourceLine, title: exampleTitle(example), source: example.source, status, seconds };
  switch (outcome.kind) {
    case "skipped":
      return { ...verdict, reason: outcome.reason };
    case "error":
      return { ...verdict, reason: locatedMessage(outcome.location, outcome.message), report: failureLines(outcome, context) };
    case "mismatch": {
      const diff = escapedDiff(outcome.check);
      return { ...verdict, actual: outcome.check.actual, diff: diff.text, report: failureLines(outcome, context, diff) };
    }
    case "passed":
      return status === "xpass" ? { ...verdict, report: xpassLines(example, context.displayPath) } : verdict;
  }
}

/** Writes the updated transcript when any expected output changed; returns how many changed. */
function writeUpdates(session: TranscriptSession, file: string): number {
  const { text, updated } = session.updatedText();
  if (updated > 0) fs.writeFileSync(file, text);
  return updated;
}
