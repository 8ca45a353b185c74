// The conformance runner: transcripts (files or folders anywhere) against one or more implementations.
import fs from "node:fs";
import path from "node:path";
import { TranscriptSession, type ExampleOutcome } from "./session.js";
import { formatFailure, formatSummary, type TranscriptSummary } from "./report.js";
import { TranscriptError } from "./transcript/index.js";
import type { HostServices } from "./host.js";

export interface Implementation {
  name: string;
  /** Shell command standing in for `guild`; undefined = the reference CLI. */
  command?: string;
}

export interface ConformanceOptions {
  paths: string[];
  implementations: Implementation[];
  jsonFile?: string;
  keepSandbox: boolean;
  /** Rewrite the expected output of failing examples in place (update mode). */
  update?: boolean;
  concurrency: number;
  cwd: string;
}

export interface ExampleVerdict {
  transcript: string;
  line: number;
  source: string;
  status: ExampleOutcome["status"];
  reason?: string;
}

export interface TranscriptResult {
  implementation: string;
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

export class ConformanceError extends Error {}

/** Runs one transcript to the end against one implementation. */
export async function runTranscript(file: string, implementation: Implementation, host: HostServices, options: Pick<ConformanceOptions, "keepSandbox" | "cwd" | "update">): Promise<TranscriptResult> {
  const displayPath = path.relative(options.cwd, file) || file;
  let session: TranscriptSession;
  try {
    session = TranscriptSession.fromFile(file, { host, implCommand: implementation.command, keepSandbox: options.keepSandbox, displayPath });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    return {
      implementation: implementation.name,
      summary: { displayPath, passed: 0, failed: 0, skipped: 0, error: error.message },
      verdicts: [],
      failures: [error.message],
    };
  }
  try {
    const outcomes = await session.runAll();
    const updated = options.update ? writeUpdates(session, file) : 0;
    const context = { displayPath, sandboxRoot: session.sandboxRoot, sandboxKept: options.keepSandbox, matchContext: session.matchContext };
    return {
      implementation: implementation.name,
      summary: {
        displayPath,
        passed: outcomes.filter((outcome) => outcome.status === "passed").length,
        failed: outcomes.filter((outcome) => outcome.status === "failed").length,
        skipped: outcomes.filter((outcome) => outcome.status === "skipped").length,
        ...(updated ? { updated } : {}),
      },
      verdicts: outcomes.map((outcome) => ({
        transcript: displayPath,
        line: outcome.example.sourceLine,
        source: outcome.example.source,
        status: outcome.status,
        ...(outcome.reason ? { reason: outcome.reason } : {}),
      })),
      failures: outcomes.filter((outcome) => outcome.status === "failed").map((outcome) => formatFailure(outcome, context)),
    };
  } finally {
    session.close();
  }
}

/** Writes the updated transcript when any expected output changed; returns how many changed. */
function writeUpdates(session: TranscriptSession, file: string): number {
  const { text, updated } = session.updatedText();
  if (updated > 0) fs.writeFileSync(file, text);
  return updated;
}

/** Runs every transcript against every implementation; writes the report; returns the exit code. */
export async function runConformance(options: ConformanceOptions, host: HostServices, write: (text: string) => void): Promise<number> {
  const files = collectTranscripts(options.paths, options.cwd);
  const jobs = options.implementations.flatMap((implementation) => files.map((file) => ({ file, implementation })));
  const results = await mapLimited(jobs, options.concurrency, ({ file, implementation }) => runTranscript(file, implementation, host, options));
  let anyFailed = false;
  for (const implementation of options.implementations) {
    const mine = results.filter((result) => result.implementation === implementation.name);
    if (options.implementations.length > 1) write(`== ${implementation.name}\n`);
    for (const result of mine) for (const failure of result.failures) write(failure + "\n\n");
    const summary = formatSummary(mine.map((result) => result.summary));
    write(summary + "\n");
    if (mine.some((result) => result.summary.failed > 0 || result.summary.error)) anyFailed = true;
  }
  if (options.jsonFile) {
    const verdicts = results.map((result) => ({ implementation: result.implementation, ...result.summary, examples: result.verdicts }));
    fs.writeFileSync(path.resolve(options.cwd, options.jsonFile), JSON.stringify({ transcripts: verdicts }, null, 2) + "\n");
  }
  return anyFailed ? 1 : 0;
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
