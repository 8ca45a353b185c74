// Update mode for a whole transcript: new expected outputs, written only where they read back as written.
import { replaceWants, updateExpected } from "../match/index.js";
import { parseTranscript, type Example, type Transcript } from "../transcript/index.js";
import type { ExampleOutcome } from "./outcome.js";

/** What update mode does to a transcript. */
export interface UpdatePlan {
  /** The transcript text with every update applied (the text as read when there is none). */
  text: string;
  /** Examples whose expected output the text rewrites. */
  updated: Example[];
  /** Failing examples left as they are, and why. */
  refused: Array<{ example: Example; reason: string }>;
}

/**
 * Rewrites the expected output of every mismatched example (see updateExpected). The rewritten
 * text is parsed again: an update is kept only when every example then reads back with the same
 * source and the expected output intended for it, so what is written is what passed.
 */
export function planUpdates(transcript: Transcript, outcomes: Iterable<ExampleOutcome>): UpdatePlan {
  const refused: UpdatePlan["refused"] = [];
  let updates: Array<{ example: Example; want: string }> = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== "mismatch") continue;
    const want = updateExpected(outcome.check, outcome.volatile);
    if (want === null) refused.push({ example: outcome.example, reason: UNWRITABLE });
    else if (want !== outcome.example.want) updates.push({ example: outcome.example, want });
  }
  updates.sort((a, b) => a.example.index - b.example.index);
  for (;;) {
    const text = updates.length === 0 ? transcript.text : replaceWants(transcript.text, updates);
    const misread = misreadExamples(transcript, text, updates);
    if (misread.size === 0) {
      refused.sort((a, b) => a.example.index - b.example.index);
      return { text, updated: updates.map((update) => update.example), refused };
    }
    for (const update of updates) if (misread.has(update.example.index)) refused.push({ example: update.example, reason: MISREAD });
    updates = updates.filter((update) => !misread.has(update.example.index));
  }
}

const UNWRITABLE =
  "not updated: what it printed cannot be written as expected output that reads back the same under its options (a line starting with `>>>`, a tab without NORMALIZE_WHITESPACE or a leading `...` needs ELLIPSIS)";
const MISREAD = "not updated: the new expected output would not read back as written";

/**
 * Indexes of the updated examples that `text` does not read back as intended: all of them when
 * the examples no longer line up (a different count, or a source changed).
 */
function misreadExamples(transcript: Transcript, text: string, updates: ReadonlyArray<{ example: Example; want: string }>): Set<number> {
  const all = new Set(updates.map((update) => update.example.index));
  if (updates.length === 0) return all;
  let reread: Transcript;
  try {
    reread = parseTranscript(text, transcript.file);
  } catch {
    return all;
  }
  const { examples } = transcript;
  const lined = reread.examples.length === examples.length && examples.every((example, i) => reread.examples[i]!.source === example.source);
  if (!lined) return updates.length === 1 ? all : firstMisread(transcript, updates);
  const wants = new Map(updates.map((update) => [update.example.index, update.want]));
  const misread = examples.filter((example, i) => reread.examples[i]!.want !== (wants.get(example.index) ?? example.want));
  if (misread.length === 0) return new Set();
  // An update that changes another example's expected output is found by trying each alone.
  if (misread.some((example) => !wants.has(example.index))) return updates.length === 1 ? all : firstMisread(transcript, updates);
  return new Set(misread.map((example) => example.index));
}

/** When the examples no longer line up, find one update to blame by trying each on its own. */
function firstMisread(transcript: Transcript, updates: ReadonlyArray<{ example: Example; want: string }>): Set<number> {
  for (const update of updates) {
    if (misreadExamples(transcript, replaceWants(transcript.text, [update]), [update]).size > 0) return new Set([update.example.index]);
  }
  return new Set(updates.map((update) => update.example.index));
}
