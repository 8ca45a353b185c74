// The vitest adapter: one test per transcript example, run in order over one session.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, inject, test, type TestContext } from "vitest";
import { TranscriptSession } from "../run/session.js";
import { exampleTitle, formatFailure } from "../report/failure.js";
import { TranscriptError } from "../transcript/index.js";
import { hostFromProcess, type HostServices } from "../sandbox/host.js";
import { removeTempDirsOnExit } from "../sandbox/temp-dir.js";
import { workerInterrupt } from "./interrupt.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// A test worker that exits early still takes its sandboxes with it (kept ones stay).
removeTempDirsOnExit();

function hostServices(): HostServices {
  return hostFromProcess(process, repoRoot, inject("pythonBinDir"), workerInterrupt().signal);
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

export function transcriptSuite(file: string) {
  const displayPath = path.relative(process.cwd(), file) || file;
  const keepSandbox = process.env.KEEP_SANDBOX === "1";
  let session: TranscriptSession | null = null;
  let setupError: Error | null = null;
  try {
    session = new TranscriptSession(file, fs.readFileSync(file, "utf8"), { host: hostServices(), keepSandbox, displayPath });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    setupError = new TranscriptFailure(error.message, file, error.line);
  }
  const update = inject("updateTranscripts") === true;
  const colour = inject("colour") === true;
  const closeOnInterrupt = () => session?.abandon();
  workerInterrupt().cleanups.add(closeOnInterrupt);
  afterAll(async () => {
    workerInterrupt().cleanups.delete(closeOnInterrupt);
    if (session === null) return;
    // An interrupted example's output is no expectation to write back.
    if (update && !workerInterrupt().signal.aborted) {
      const { text, updated } = session.updatedText();
      if (updated > 0) {
        fs.writeFileSync(file, text);
        console.log(`${displayPath}: updated the expected output of ${updated} example(s)`);
      }
    }
    await session.close();
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
        const outcome = await current.run(index);
        switch (outcome.kind) {
          case "passed":
            return;
          case "skipped":
            context.skip(outcome.reason);
            return;
          case "mismatch":
            // Update mode rewrites the expected output once the transcript has run.
            if (update) return;
            break;
          case "error":
            break;
        }
        const line = outcome.kind === "error" ? outcome.location.line : outcome.example.sourceLine;
        const report = formatFailure(outcome, { displayPath, sandboxRoot: current.sandboxRoot, sandboxKept: keepSandbox }, colour);
        throw new TranscriptFailure(report, file, line, outcome.example.indent + 1);
      };
    },
    empty() {
      test(setupError ? "transcript" : "no examples", () => {
        if (setupError) throw setupError;
      });
    },
  };
}
