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
import { CHANGED_SINCE_READ } from "../run/write-transcript.js";

declare module "vitest" {
  interface TaskMeta {
    /** Update mode rewrote this example's expected output: reporters count it as updated. */
    transcriptUpdated?: boolean;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// A test worker that exits early still takes its sandboxes with it (kept ones stay).
removeTempDirsOnExit();

function hostServices(): HostServices {
  return hostFromProcess(process, repoRoot, inject("pythonBinDir"));
}

/** An error whose text is the whole report: no JavaScript stack, which would only point at the harness. */
class TranscriptFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TranscriptFailure";
    this.stack = `${this.name}: ${message}`;
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
    setupError = new TranscriptFailure(error.message);
  }
  const update = inject("updateTranscripts") === true;
  afterAll(async () => {
    if (session === null) return;
    try {
      if (update) {
        const { updated, refused } = session.writeUpdates();
        if (updated.length > 0) console.log(`${displayPath}: updated the expected output of ${updated.length} example(s)`);
        // Each test already said whether its example would be updated; only a file edited meanwhile is news here.
        const changed = refused.filter(({ reason }) => reason === CHANGED_SINCE_READ);
        if (changed.length > 0) throw new TranscriptFailure(`${displayPath}:${changed[0]!.example.sourceLine}: ${CHANGED_SINCE_READ}`);
      }
    } finally {
      await session.close();
    }
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
          case "mismatch": {
            if (!update) break;
            // Update mode rewrites the expected output once the transcript has run; the example counts as updated.
            const { updated, reason } = current.planUpdate(index);
            if (updated) {
              context.task.meta.transcriptUpdated = true;
              return;
            }
            throw new TranscriptFailure(formatFailure(outcome, { displayPath, sandboxRoot: current.sandboxRoot, sandboxKept: keepSandbox, ...(reason ? { notUpdated: reason } : {}) }));
          }
          case "error":
            break;
        }
        throw new TranscriptFailure(formatFailure(outcome, { displayPath, sandboxRoot: current.sandboxRoot, sandboxKept: keepSandbox }));
      };
    },
    empty() {
      test(setupError ? "transcript" : "no examples", () => {
        if (setupError) throw setupError;
      });
    },
  };
}
