// Property tests: an update of any transcript reads back as the expectations it wrote, which then pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveOptions, parseTranscript, type Transcript } from "../transcript/index.js";
import { outcomesFor } from "./test-outcomes.js";
import { planUpdates } from "./update.js";

// Output pieces chosen for what the parser or the matcher could misread.
const piece = fc.constantFrom("a", "b c", "  x", "...", "???", ">>> p", " >>> q", ">r", "\t", "a\tb", "\r", " ", "<BLANKLINE>", "<exit 0>", "<exit 2>", "$ s", "---", "# doctest: +SKIP", "é");
const outputLine = fc.array(piece, { minLength: 0, maxLength: 4 }).map((pieces) => pieces.join(""));
const output = fc.array(outputLine, { maxLength: 5 }).map((lines) => (lines.length === 0 ? "" : lines.join("\n") + "\n"));
const wantLine = fc.constantFrom("old", "a", "...", "b c", "<BLANKLINE>");
const BASH = "---\ndoctest-type: bash\n---\n";

const example = fc.record({
  source: fc.constantFrom("run('x')", "print(1)", "x = 1", "for i in y:\n...     pass"),
  directive: fc.constantFrom("", "  # doctest: -NORMALIZE_WHITESPACE", "  # doctest: -ELLIPSIS", "  # doctest: +STRICT", "  # doctest: -STRIP_EXIT_0"),
  want: fc.array(wantLine, { maxLength: 3 }),
  prose: fc.constantFrom("", "Some prose.", "```", "    indented prose"),
});

const transcriptText = fc
  .record({
    frontMatter: fc.constantFrom("", "---\ndoctest: -NORMALIZE_WHITESPACE\n---\n", "---\ndoctest: +REPORT_NDIFF\n---\n", BASH),
    indent: fc.constantFrom("", "    ", "\t"),
    crlf: fc.boolean(),
    examples: fc.array(example, { minLength: 1, maxLength: 4 }),
  })
  .map(({ frontMatter, indent, crlf, examples }) => {
    const bash = frontMatter === BASH;
    const blocks = examples.map(({ source, directive, want, prose }) => {
      const [first, ...more] = source.split("\n");
      const margin = bash ? "    " : indent;
      const prompt = bash ? "$ " : ">>> ";
      const continued = more.map((line) => margin + (bash ? "> " + line.slice(4) : line));
      const lines = [margin + prompt + first + directive, ...continued, ...want.map((line) => margin + line)];
      return (prose ? prose + "\n\n" : "") + lines.join("\n") + "\n";
    });
    const text = frontMatter + "# Title\n\n" + blocks.join("\n");
    return crlf ? text.replaceAll("\n", "\r\n") : text;
  });

/**
 * Whether the example's options let update mode write any output: ELLIPSIS on and STRICT off,
 * and for bash NORMALIZE_WHITESPACE on (Guild's bash checker strips the actual output's final
 * newline, which every expected output has, so without it only empty output can pass).
 */
function canWriteAnything(transcript: Transcript, index: number): boolean {
  const options = effectiveOptions(transcript, transcript.examples[index]!);
  if (transcript.kind === "bash" && !options.NORMALIZE_WHITESPACE) return false;
  return options.ELLIPSIS && !(options.STRICT && transcript.kind === "python");
}

describe("planUpdates", () => {
  it("writes only what reads back as written, passes as written, and is refused only without wildcards", () => {
    fc.assert(
      fc.property(transcriptText, fc.array(output, { minLength: 4, maxLength: 4 }), (text, actual) => {
        const transcript = parseTranscript(text, "t.md");
        const plan = planUpdates(transcript, outcomesFor(transcript, actual));
        const reread = parseTranscript(plan.text, "t.md");
        // The examples line up: same count, same sources, only expected outputs changed.
        expect(reread.examples.map((e) => e.source)).toEqual(transcript.examples.map((e) => e.source));
        // Every example now passes, except those refused, which keep their text.
        const after = outcomesFor(reread, actual);
        const refused = new Set(plan.refused.map((entry) => entry.example.index));
        for (const outcome of after) {
          const index = outcome.example.index;
          if (refused.has(index)) expect(outcome.example.want).toBe(transcript.examples[index]!.want);
          else expect(outcome.kind, JSON.stringify({ text: plan.text, actual: actual[index] })).not.toBe("mismatch");
          if (refused.has(index)) expect(canWriteAnything(transcript, index), JSON.stringify({ text, actual: actual[index] })).toBe(false);
        }
        // Text outside the rewritten expected outputs is untouched.
        expect(outsideWants(plan.text, reread)).toEqual(outsideWants(text, transcript));
        // Updating again changes nothing.
        expect(planUpdates(reread, after).text).toBe(plan.text);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});

// What differs between two runs of the same transcript, and output lines that show it.
const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const runValues = fc.record({
  id: hex(32),
  root: fc.string({ unit: fc.constantFrom(..."abcXYZ019"), minLength: 6, maxLength: 6 }).map((name) => `/tmp/transcript-${name}`),
  time: fc.date({ min: new Date("2001-01-01"), max: new Date("2099-01-01"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 19).replace("T", " ")),
  duration: fc.tuple(fc.nat(99), fc.nat(59), fc.nat(59)).map(([h, m, s]) => `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`),
  pid: fc.integer({ min: 1, max: 4_000_000 }),
});
type RunValues = { id: string; root: string; time: string; duration: string; pid: number };
const templateLine = fc.constantFrom(
  "[1:{SHORT}]  op  {TIME}  completed  x=1",
  "id: {ID}",
  "run dir: {ROOT}/guild-home/runs/{ID}",
  "started: {TIME}",
  "time: {DURATION}",
  "pid: {PID}",
  "Resolving file dependency in {ROOT}/work",
  "plain line",
  "  indented {SHORT} line",
);
const template = fc.array(templateLine, { minLength: 1, maxLength: 5 }).map((lines) => lines.join("\n") + "\n");

function fill(template: string, values: RunValues): string {
  return template
    .replaceAll("{SHORT}", values.id.slice(0, 8))
    .replaceAll("{ID}", values.id)
    .replaceAll("{ROOT}", values.root)
    .replaceAll("{TIME}", values.time)
    .replaceAll("{DURATION}", values.duration)
    .replaceAll("{PID}", String(values.pid));
}

describe("planUpdates with values that differ from run to run", () => {
  it("writes an expectation the next run passes as written", () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 1, maxLength: 3 }), runValues, runValues, fc.boolean(), (templates, first, second, normalize) => {
        const directive = normalize ? "" : "  # doctest: -NORMALIZE_WHITESPACE";
        const text = templates.map((_, i) => `    >>> run('step ${i}')${directive}\n    old\n`).join("\n");
        const transcript = parseTranscript(text, "t.md");
        const known = [first.root, first.id, first.id.slice(0, 8)];
        const plan = planUpdates(transcript, outcomesFor(transcript, templates.map((t) => fill(t, first)), known));
        expect(plan.refused).toEqual([]);
        const nextRun = outcomesFor(parseTranscript(plan.text, "t.md"), templates.map((t) => fill(t, second)));
        expect(nextRun.filter((outcome) => outcome.kind !== "passed").map((outcome) => outcome.example.sourceLine), plan.text).toEqual([]);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

/** The lines of a transcript that no example's expected output covers. */
function outsideWants(text: string, transcript: Transcript): string[] {
  const covered = new Set<number>();
  for (const example of transcript.examples) for (let line = example.wantStartLine; line > 0 && line <= example.wantEndLine; line++) covered.add(line);
  return text.split("\n").filter((_, index) => !covered.has(index + 1));
}
