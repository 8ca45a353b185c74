// The vitest adapter: one test per transcript example, run in order over one session.
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject, test, type TestContext } from "vitest";
import { TranscriptSession } from "../run/session.js";
import type { ExampleOutcome, FailedOutcome } from "../run/outcome.js";
import { exampleTitle, formatFailure, formatReplayedFailures, formatXpass } from "../report/failure.js";
import { TranscriptError } from "../transcript/index.js";
import { hostFromProcess, type HostServices } from "../sandbox/host.js";
import { removeTempDirsOnExit, sandboxTempRoot } from "../sandbox/temp-dir.js";
import { workerInterrupt } from "./interrupt.js";

declare module "vitest" {
  interface TaskMeta {
    /** Update mode rewrote this example's expected output: reporters count it as updated. */
    transcriptUpdated?: boolean;
  }
}

// A test worker that exits early still takes its sandboxes with it (kept ones stay).
removeTempDirsOnExit();

function hostServices(repoRoot: string): HostServices {
  return hostFromProcess(process, repoRoot, inject("pythonBinDir"), workerInterrupt().signal, process.env.GUILD_TRANSCRIPTS_SPAWN === "1");
}

/**
 * An error whose text is the whole report. Its one stack frame is the markdown line: vitest
 * shows that line in context, and reporters that annotate (github-actions) place it there.
 */
class TranscriptFailure extends Error {
  constructor(message: string, file: string, line: number, column = 1) {
    super(message);
    this.name = "TranscriptFailure";
    this.stack = `${this.name}: ${message}\n    at ${file}:${line}:${column}`;
  }
}

/** The tests of transcript `file`, with the reference CLI under `<repoRoot>/dist/bin`. */
export function transcriptSuite(file: string, repoRoot: string) {
  const displayPath = path.relative(process.cwd(), file) || file;
  const keepSandbox = process.env.KEEP_SANDBOX === "1";
  const update = inject("updateTranscripts") === true;
  let session: TranscriptSession | null = null;
  let setupError: Error | null = null;
  try {
    const tempRoot = sandboxTempRoot(process.env);
    session = new TranscriptSession(file, fs.readFileSync(file, "utf8"), { host: hostServices(repoRoot), keepSandbox, displayPath, runFixme: true, update, ...(tempRoot ? { tempRoot } : {}) });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    setupError = new TranscriptFailure(error.message, file, error.line);
  }
  // The examples whose tests ran and were updated: examples replayed silently before a selected one are not.
  const updatedExamples = new Set<number>();
  const colour = inject("colour") === true;
  const closeOnInterrupt = () => session?.abandon();
  workerInterrupt().cleanups.add(closeOnInterrupt);
  afterAll(async () => {
    workerInterrupt().cleanups.delete(closeOnInterrupt);
    if (session === null) return;
    const kept = keepSandbox ? session.sandboxDir : null;
    try {
      // An interrupted example's output is no expectation to write back.
      if (update && !workerInterrupt().signal.aborted) {
        const { updated, refused } = session.writeUpdates(updatedExamples);
        if (updated.length > 0) console.log(`${displayPath}: updated the expected output of ${updated.length} example(s)`);
        // Each of these tests found its update writable; a file edited meanwhile (say) undoes that.
        if (refused.length > 0) {
          const [{ example: first }] = refused;
          const message = refused.map(({ example, reason }) => `${displayPath}:${example.sourceLine}: ${reason}`).join("\n");
          throw new TranscriptFailure(message, file, first.sourceLine, first.indent + 1);
        }
      }
    } finally {
      await session.close();
    }
    // Failures name the sandbox; a passing transcript says here where it was kept.
    if (kept !== null) console.log(`${displayPath}: sandbox kept at ${kept}`);
  });

  return {
    has(index: number): boolean {
      return session !== null && index < session.examples.length;
    },
    title(index: number): string {
      return exampleTitle(session!.examples[index]);
    },
    body(index: number) {
      const current = session!;
      return async (context: TestContext) => {
        const { outcome, replayed } = await current.runSelected(index);
        // Earlier examples this test ran silently, failing where they should not.
        const replayedFailures = replayed.filter((earlier): earlier is FailedOutcome => isFailure(earlier) && !current.isExpectedFailure(earlier.example));
        const warnReplayed = () => {
          if (replayedFailures.length > 0) console.warn(formatReplayedFailures(replayedFailures, displayPath).join("\n"));
        };
        if (outcome.kind === "skipped") {
          warnReplayed();
          context.skip(outcome.reason);
          return;
        }
        if (current.isExpectedFailure(outcome.example)) {
          if (isFailure(outcome)) {
            warnReplayed();
            await context.annotate(`${displayPath}:${outcome.example.sourceLine}: fails as expected (+FIXME)`, "xfail");
            return;
          }
          await context.annotate(`${displayPath}:${outcome.example.sourceLine}: marked +FIXME but passed`, "xpass");
          const replayedText = formatReplayedFailures(replayedFailures, displayPath, colour);
          const xpass = formatXpass(outcome.example, displayPath, "marked +FIXME but passed (remove +FIXME)", colour);
          throw new TranscriptFailure([xpass, ...replayedText].join("\n"), file, outcome.example.sourceLine, outcome.example.indent + 1);
        }
        if (outcome.kind === "passed") {
          warnReplayed();
          return;
        }
        let notUpdated: string | undefined;
        if (outcome.kind === "mismatch" && update) {
          // Update mode rewrites the expected output once the transcript has run; the example counts as updated.
          const { updated, reason } = current.planUpdate(index);
          if (updated) {
            warnReplayed();
            updatedExamples.add(index);
            context.task.meta.transcriptUpdated = true;
            return;
          }
          notUpdated = reason;
        }
        const line = outcome.kind === "error" ? outcome.location.line : outcome.example.sourceLine;
        const report = { displayPath, sandboxRoot: current.sandboxRoot, sandboxKept: keepSandbox, replayed: replayedFailures, ...(notUpdated ? { notUpdated } : {}) };
        throw new TranscriptFailure(formatFailure(outcome, report, colour), file, line, outcome.example.indent + 1);
      };
    },
    /** A transcript with no examples to run: the reason it cannot be parsed, or a skipped placeholder. */
    empty() {
      if (setupError === null) test.skip("no examples", () => {});
      else {
        const error = setupError;
        test("transcript", () => {
          throw error;
        });
      }
    },
  };
}

function isFailure(outcome: ExampleOutcome): outcome is FailedOutcome {
  return outcome.kind === "mismatch" || outcome.kind === "error";
}
