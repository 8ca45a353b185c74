// A transcript whose examples run away: each fails or raises at its own line, the rest run, the sandbox goes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testHost } from "../sandbox/test-host.js";
import { TranscriptSession } from "./session.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A transcript of examples, each `[source, expected output]`, with `1 + 1` after every one. */
function transcriptOf(examples: [string, string][]): string {
  return examples.map(([source, expected]) => `    >>> ${source}\n    ${expected.split("\n").join("\n    ")}\n\n    >>> 1 + 1\n    2\n`).join("\n");
}

const traceback = (last: string) => `Traceback (most recent call last):\n${last}`;

describe("runaway examples in a transcript", () => {
  it("stop at their own example, and the transcript runs to its end", async () => {
    const text = transcriptOf([
      ['"a" * 10**9', traceback("MemoryError")],
      ["'{:>1000000000}'.format('x')", traceback("MemoryError")],
      ["10**10**10", traceback("MemoryError")],
      ["(".repeat(10_000) + "1" + ")".repeat(10_000), "1"],
      [Array(100_000).fill("1").join(" + "), traceback("RecursionError: maximum recursion depth exceeded during compilation")],
      ["[0] * 10**9", traceback("MemoryError")],
    ]);
    const session = new TranscriptSession(path.join(here, "runaway.md"), text, { host: testHost(), keepSandbox: false });
    const outcomes = await session.runAll();
    const root = session.sandboxRoot;
    await session.close();
    // Every example and the `1 + 1` after it pass, but for the parentheses: a syntax error, reported at their line.
    expect(outcomes.map((outcome) => outcome.kind)).toEqual([
      "passed", "passed", "passed", "passed", "passed", "passed", "error", "passed", "passed", "passed", "passed", "passed",
    ]);
    const error = outcomes[6]!;
    expect(error.kind === "error" && [error.location.line, error.message]).toEqual([error.example.sourceLine, "SyntaxError: too many nested parentheses"]);
    expect(fs.existsSync(root)).toBe(false);
  });
});
