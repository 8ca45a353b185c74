// The `--json` report: every example's verdict per implementation, with transcript path and line.
import type { Implementation } from "./implementations.js";
import type { TranscriptSummary, VerdictCounts } from "../report/summary.js";
import type { Verdict } from "./verdicts.js";

/** What the JSON report needs of one transcript run against one implementation. */
export interface JsonSource {
  implementation: string;
  summary: TranscriptSummary;
  verdicts: readonly { transcript: string; line: number; source: string; status: Verdict; reason?: string }[];
}

export interface ExampleVerdicts {
  transcript: string;
  line: number;
  source: string;
  /** Implementation name -> verdict. */
  verdicts: Record<string, Verdict>;
  /** Implementation name -> why it was skipped or could not be compared, when it was. */
  reasons?: Record<string, string>;
}

export interface VerdictsReport {
  implementations: { name: string; command: string | null; expectedFailures: string[] }[];
  examples: ExampleVerdicts[];
  transcripts: (Omit<TranscriptSummary, "displayPath"> & { transcript: string; implementation: string })[];
  /** Problems outside any example: transcripts that cannot run, expected failures naming no example. */
  errors: string[];
  totals: VerdictCounts;
}

export function verdictsJson(implementations: readonly Implementation[], results: readonly JsonSource[], otherErrors: readonly string[], totals: VerdictCounts): VerdictsReport {
  const examples = new Map<string, ExampleVerdicts>();
  for (const result of results) {
    for (const verdict of result.verdicts) {
      const key = `${verdict.transcript}:${verdict.line}`;
      let entry = examples.get(key);
      if (!entry) {
        entry = { transcript: verdict.transcript, line: verdict.line, source: verdict.source, verdicts: {} };
        examples.set(key, entry);
      }
      entry.verdicts[result.implementation] = verdict.status;
      if (verdict.reason) entry.reasons = { ...entry.reasons, [result.implementation]: verdict.reason };
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
  };
}
