// Verdicts of examples per implementation, with expected failures applied.
import type { ExampleOutcome } from "../run/outcome.js";

/**
 * What an example came to against one implementation, expected failures taken into account.
 * `updated`: it failed and update mode rewrote its expected output to what it printed.
 */
export type Verdict = "passed" | "failed" | "skipped" | "xfail" | "xpass" | "updated";

/** An example an implementation is known to fail: `transcript:line` with the transcript resolved. */
export interface ExpectedFailure {
  /** Absolute path of the transcript. */
  file: string;
  /** Markdown line of the example's first prompt. */
  line: number;
  /** The entry as the user wrote it, for messages. */
  label: string;
}

/**
 * A mismatch or an error is a failure. An expected failure that fails is XFAIL; one that passes
 * is XPASS (a gap that was fixed).
 */
export function verdictOf(kind: ExampleOutcome["kind"], expectedToFail: boolean): Verdict {
  if (kind === "skipped") return "skipped";
  const failed = kind === "mismatch" || kind === "error";
  if (!expectedToFail) return failed ? "failed" : "passed";
  return failed ? "xfail" : "xpass";
}

/** `file:line` key of an example, used to look up expected failures. */
export function exampleKey(file: string, line: number): string {
  return `${file}:${line}`;
}

/**
 * Expected failures that name no example: their transcript was run but has no example starting
 * at that line (the transcript changed, or the line is wrong). Entries for transcripts that were
 * not run are left alone.
 */
export function staleExpectedFailures(expected: readonly ExpectedFailure[], exampleLinesByFile: ReadonlyMap<string, ReadonlySet<number>>): ExpectedFailure[] {
  return expected.filter((entry) => {
    const lines = exampleLinesByFile.get(entry.file);
    return lines !== undefined && !lines.has(entry.line);
  });
}
