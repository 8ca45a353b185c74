// What became of each example of a transcript: the data reports and update mode are made from.
import type { CheckResult } from "../match/index.js";
import type { Example } from "../transcript/index.js";

/** A place in a transcript, as messages name it. */
export interface SourceLocation {
  /** The transcript's path as messages show it. */
  path: string;
  line: number;
}

/** What became of one example: its kind says which, and each kind carries only what it has. */
export type ExampleOutcome =
  | { kind: "passed"; example: Example }
  /** The example ran and its output does not satisfy the expected output. */
  | {
      kind: "mismatch";
      example: Example;
      /** The one check of the output, which the report's diff and update mode both read. */
      check: CheckResult;
      /** Extra facts for the report (timeouts and the like). */
      notes: readonly string[];
      /** Values of this run another run will not repeat (sandbox paths, run ids), in update mode: written as `...`. */
      volatile: readonly string[];
    }
  /** The example could not be run at all (its source does not parse). */
  | { kind: "error"; example: Example; location: SourceLocation; message: string }
  | { kind: "skipped"; example: Example; reason: string };

/** The outcomes a report shows as failures. */
export type FailedOutcome = Extract<ExampleOutcome, { kind: "mismatch" | "error" }>;
