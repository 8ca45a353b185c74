// Benchmarks of the output matcher (~1 MB of output against 100 wildcards) and of failure diffs of long outputs.
import { diffLines } from "diff";
import { checkExample, checkOutput, renderDiff } from "../harness/match/index.js";
import { medianSeconds, type BenchRow } from "./timing.js";

const GUILD_DEFAULTS = {
  ELLIPSIS: true,
  NORMALIZE_WHITESPACE: true,
  NORMALIZE_PATHS: true,
  STRIP_ANSI_FMT: true,
  STRIP_EXIT_0: true,
  WINDOWS: true,
};

const REPETITIONS = 7;
const WILDCARDS = 100;

/** Run-like output of about `bytes` bytes: steps with ids, losses and a final exit line. */
function makeActual(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let step = 0; size < bytes; step++) {
    const id = (step * 2654435761 >>> 0).toString(16).padStart(8, "0").repeat(4);
    const line = `INFO: [guild] step ${step}: run ${id}  loss=${(1 / (step + 1)).toFixed(6)}  acc=${(step % 100) / 100}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n") + "\n<exit 0>\n";
}

/** The actual text with `count` evenly spread regions replaced by `...`. */
function makeExpected(actual: string, count: number): string {
  const stride = Math.floor(actual.length / (count + 1));
  let expected = "";
  let position = 0;
  for (let i = 1; i <= count; i++) {
    // Wildcards start and end at spaces, so no `.` of the text joins a marker.
    const start = actual.indexOf(" ", i * stride);
    const end = actual.indexOf(" ", start + Math.floor(stride / 2));
    expected += actual.slice(position, start) + "...";
    position = end;
  }
  return expected + actual.slice(position);
}

/** Median times of matching (and failing to match) 1 MB of output; each should be under 50 ms. */
export async function benchMatcher(): Promise<Array<{ name: string; seconds: number; note?: string }>> {
  const actual = makeActual(1024 * 1024);
  const expected = makeExpected(actual, WILDCARDS);
  // Fails late: a piece near the end no longer occurs.
  const cut = Math.floor(expected.length * 0.95);
  const failing = expected.slice(0, cut) + "MISSING" + expected.slice(cut);
  const rows: Array<{ name: string; seconds: number; note?: string }> = [];
  const cases = [
    { name: "match 1 MB, 100 wildcards (passes)", expected, passes: true },
    { name: "match 1 MB, 100 wildcards (fails)", expected: failing, passes: false },
  ];
  for (const { name, expected: want, passes } of cases) {
    let verdict: boolean | undefined;
    const seconds = await medianSeconds(REPETITIONS, () => {
      verdict = checkOutput(want, actual, GUILD_DEFAULTS);
    });
    const note = verdict === passes ? `median of ${REPETITIONS}` : `WRONG VERDICT: ${String(verdict)}`;
    rows.push({ name, seconds, note });
  }
  return rows;
}

const DIFF_LINES = 300_000;
const DIFF_REPETITIONS = 3;

/**
 * Median times of a failure's diff report over 300,000 lines of output, as a runaway command cut at
 * the output limit prints, against the `diff` package's plain line diff of the same texts.
 */
export async function benchDiffReport(): Promise<BenchRow[]> {
  const lines = (prefix: string) => Array.from({ length: DIFF_LINES }, (_, i) => `${prefix} ${i}`).join("\n") + "\n";
  const cases = [
    { name: "one line changed", expected: lines("line") + "x\n", actual: lines("line") + "y\n" },
    { name: "one line changed in the middle", expected: lines("a") + lines("b"), actual: lines("a") + "new\n" + lines("b") },
    { name: "every line added", expected: "short\n", actual: lines("line") },
  ];
  const rows: BenchRow[] = [];
  for (const { name, expected, actual } of cases) {
    const plain = `diff package's diffLines, ${name}`;
    let changes = 0;
    rows.push({
      name: plain,
      seconds: await medianSeconds(DIFF_REPETITIONS, () => {
        changes = diffLines(expected, actual).length;
      }),
      note: `${changes} changes, median of ${DIFF_REPETITIONS}`,
    });
    let size = 0;
    rows.push({
      name: `diff report, ${name}`,
      seconds: await medianSeconds(DIFF_REPETITIONS, () => {
        size = renderDiff(checkExample(expected, actual, GUILD_DEFAULTS)).length;
      }),
      baseline: plain,
      note: `${size} characters, median of ${DIFF_REPETITIONS}`,
    });
  }
  return rows;
}
