// The `--json` report: every example's verdict per implementation, with transcript path and line, diffs and actual output.
import type { Implementation } from "./implementations.js";
import type { TranscriptSummary, VerdictCounts } from "../report/summary.js";
import type { Verdict } from "./verdicts.js";

/** What the JSON report needs of one transcript run against one implementation. */
export interface JsonSource {
  implementation: string;
  summary: TranscriptSummary;
  verdicts: readonly { transcript: string; line: number; source: string; status: Verdict; reason?: string; actual?: string; diff?: string }[];
}

export interface ExampleVerdicts {
  transcript: string;
  line: number;
  source: string;
  /** Implementation name -> verdict. */
  verdicts: Record<string, Verdict>;
  /** Implementation name -> why it was skipped or could not be compared, when it was. */
  reasons?: Record<string, string>;
  /** Implementation name -> what the example printed, where it did not match. */
  actual?: Record<string, string>;
  /** Implementation name -> the diff of expected and actual output (as the report shows it). */
  diffs?: Record<string, string>;
}

export interface VerdictsReport {
  implementations: { name: string; command: string | null; expectedFailures: string[] }[];
  examples: ExampleVerdicts[];
  transcripts: (Omit<TranscriptSummary, "displayPath"> & { transcript: string; implementation: string })[];
  /** Problems outside any example: transcripts that cannot run, expected failures naming no example. */
  errors: string[];
  totals: VerdictCounts;
  /** The user stopped the run: what is here is what finished. */
  interrupted: boolean;
}

export function verdictsJson(implementations: readonly Implementation[], results: readonly JsonSource[], otherErrors: readonly string[], totals: VerdictCounts, interrupted = false): VerdictsReport {
  const examples = new Map<string, ExampleVerdicts>();
  for (const result of results) {
    const name = result.implementation;
    for (const verdict of result.verdicts) {
      const key = `${verdict.transcript}:${verdict.line}`;
      let entry = examples.get(key);
      if (!entry) {
        entry = { transcript: verdict.transcript, line: verdict.line, source: verdict.source, verdicts: {} };
        examples.set(key, entry);
      }
      entry.verdicts[name] = verdict.status;
      if (verdict.reason) entry.reasons = { ...entry.reasons, [name]: verdict.reason };
      if (verdict.actual !== undefined) entry.actual = { ...entry.actual, [name]: verdict.actual };
      if (verdict.diff !== undefined) entry.diffs = { ...entry.diffs, [name]: verdict.diff };
    }
  }
  return {
    implementations: implementations.map((implementation) => ({
      name: implementation.name,
      command: implementation.command ?? null,
      expectedFailures: (implementation.expectedFailures ?? []).map((entry) => entry.label),
    })),
    examples: [...examples.values()],
    transcripts: results.map(({ implementation, summary: { displayPath, ...counts } }) => ({ transcript: displayPath, implementation, ...counts })),
    errors: [...new Set(results.flatMap((result) => (result.summary.error ? [result.summary.error] : []))), ...otherErrors],
    totals,
    interrupted,
  };
}
