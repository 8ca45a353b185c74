// Update mode on whole transcripts: what is written reads back as written and passes on the next run.
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../transcript/index.js";
import { allPass, outcomesFor } from "./test-outcomes.js";
import { planUpdates } from "./update.js";

const ID_1 = "3634ab5d42cb11efb7e1a4bb6d9f0c21";
const ID_2 = "9f0c21a4bb6d3634ab5d42cb11efb7e1";
const runsOf = (id: string, time: string, root: string) => `[1:${id.slice(0, 8)}]  op  ${time}  completed\nid: ${id}\nrun dir: ${root}/guild-home/runs/${id}\n`;

const cases: Array<{
  name: string;
  text: string;
  /** What each example printed on the run that updates. */
  actual: string[];
  /** The updated text, or null when it must stay as it is. */
  updated: string | null;
  refused?: string[];
  /** What each example prints on a later run; the updated text must pass it. */
  nextRun?: string[];
  known?: string[];
}> = [
  {
    name: "run ids, times and the sandbox become ..., and the next run passes",
    text: "    >>> run('guild runs')\n\nEnd\n",
    actual: [runsOf(ID_1, "2024-01-02 03:04:05", "/tmp/transcript-1-aaa")],
    known: [ID_1, ID_1.slice(0, 8), "/tmp/transcript-1-aaa"],
    updated: "    >>> run('guild runs')\n    [1:...]  op  ...  completed\n    id: ...\n    run dir: .../guild-home/runs/...\n\nEnd\n",
    nextRun: [runsOf(ID_2, "2025-11-30 23:59:59", "/tmp/transcript-2-bbb")],
  },
  {
    name: "a line starting with >>> does not become an example",
    text: ">>> print(s)\nold\n\n>>> 1\n1\n",
    actual: [">>> x\n  >>> y\n", "1\n"],
    updated: ">>> print(s)\n???>> x\n  ...>> y\n\n>>> 1\n1\n",
  },
  {
    name: "a tab under -NORMALIZE_WHITESPACE is written so that it matches",
    text: ">>> print(s)  # doctest: -NORMALIZE_WHITESPACE\nold\n",
    actual: ["a\tb\n"],
    updated: ">>> print(s)  # doctest: -NORMALIZE_WHITESPACE\na...b\n",
  },
  {
    name: "without ELLIPSIS a >>> line cannot be written: the example stays failing",
    text: "---\ndoctest: -ELLIPSIS\n---\n>>> print(s)\nold\n",
    actual: [">>> x\n"],
    updated: null,
    refused: ["not updated: what it printed cannot be written as expected output that reads back the same under its options (a line starting with `>>>`, a tab without NORMALIZE_WHITESPACE or a leading `...` needs ELLIPSIS)"],
  },
  {
    name: "bash: output starting with > is not read as a continuation",
    text: "---\ndoctest-type: bash\n---\n\n    $ echo '>x'\n    old\n",
    actual: [">x\n<exit 0>\n"],
    updated: "---\ndoctest-type: bash\n---\n\n    $ echo '>x'\n    ???x\n",
  },
  {
    name: "CRLF files keep their line endings",
    text: ">>> x\r\nold\r\n\r\nafter\r\n",
    actual: ["new\n\nlines\n"],
    updated: ">>> x\r\nnew\r\n<BLANKLINE>\r\nlines\r\n\r\nafter\r\n",
  },
];

describe("planUpdates", () => {
  it.each(cases)("$name", ({ text, actual, updated, refused, nextRun, known }) => {
    const transcript = parseTranscript(text, "t.md");
    const plan = planUpdates(transcript, outcomesFor(transcript, actual, known));
    expect({ text: plan.text, refused: plan.refused.map((entry) => entry.reason) }).toEqual({ text: updated ?? text, refused: refused ?? [] });
    if (updated !== null) expect(allPass(plan.text, actual), "passes as written").toBe(true);
    if (nextRun) expect(allPass(plan.text, nextRun), "passes on the next run").toBe(true);
  });
});
