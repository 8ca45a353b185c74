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
  const update = inject("updateTranscripts") === true;
  let session: TranscriptSession | null = null;
  let setupError: Error | null = null;
  try {
    session = new TranscriptSession(file, fs.readFileSync(file, "utf8"), { host: hostServices(), keepSandbox, displayPath, update });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    setupError = new TranscriptFailure(error.message);
  }
  // The examples whose tests ran and were updated: examples replayed silently before a selected one are not.
  const updatedExamples = new Set<number>();
  afterAll(async () => {
    if (session === null) return;
    try {
      if (update) {
        const { updated, refused } = session.writeUpdates(updatedExamples);
        if (updated.length > 0) console.log(`${displayPath}: updated the expected output of ${updated.length} example(s)`);
        // Each of these tests found its update writable; a file edited meanwhile (say) undoes that.
        if (refused.length > 0) throw new TranscriptFailure(refused.map(({ example, reason }) => `${displayPath}:${example.sourceLine}: ${reason}`).join("\n"));
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
              updatedExamples.add(index);
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
