// Test support: the outcomes of a transcript's examples given what each printed, without running anything.
import { checkExample } from "../match/index.js";
import { effectiveOptions, parseTranscript, type Transcript } from "../transcript/index.js";
import type { ExampleOutcome } from "./outcome.js";

/** Each example's outcome had it printed `actual[i]` (an example with no entry printed nothing). */
export function outcomesFor(transcript: Transcript, actual: readonly string[], volatile: readonly string[] = []): ExampleOutcome[] {
  return transcript.examples.map((example, index) => {
    const check = checkExample(example.want, actual[index] ?? "", effectiveOptions(transcript, example), transcript.kind);
    return check.passed ? { kind: "passed", example } : { kind: "mismatch", example, check, notes: [], volatile };
  });
}

/** Whether every example of `text` passes when each prints `actual[i]`. */
export function allPass(text: string, actual: readonly string[]): boolean {
  return outcomesFor(parseTranscript(text, "t.md"), actual).every((outcome) => outcome.kind === "passed");
}
