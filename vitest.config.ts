// Test configuration: unit tests beside the code, and every transcript as its own test file.
import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TRANSCRIPT_EXCLUDE, TRANSCRIPT_INCLUDE } from "./harness/vitest/collection.js";
import { transcriptPlugin } from "./harness/vitest/plugin.js";
import { sampleProjectTrigger } from "./harness/vitest/watch-triggers.js";

/**
 * Markdown files that are not transcripts, beyond the folders collection.ts leaves out: the
 * repository's README is about the repository, and its one example only shows the style.
 */
const notTranscripts = ["README.md"];

export default defineConfig({
  plugins: [transcriptPlugin()],
  test: {
    include: ["lib/**/*.test.ts", "harness/**/*.test.ts", "impl/**/*.test.ts", "bench/**/*.test.ts", ...TRANSCRIPT_INCLUDE],
    exclude: [...TRANSCRIPT_EXCLUDE, ...notTranscripts],
    // Commands carry their own timeouts; a test never times out before them.
    testTimeout: 24 * 60 * 60 * 1000,
    hookTimeout: 10 * 60 * 1000,
    includeTaskLocation: true,
    // One worker more than the cores (vitest's default leaves one core idle: a single worker on 2
    // cores), since tests often wait on the processes they start; and test files share their
    // worker's loaded modules instead of loading the CLI and the harness again for each file. Code
    // that keeps state per test file says so (removeSandboxesAfterAll).
    maxWorkers: os.availableParallelism() + 1,
    isolate: false,
    globalSetup: ["./harness/vitest/setup.ts"],
    // Watch mode: editing a sample project re-runs the transcripts that use_project() it.
    watchTriggerPatterns: [sampleProjectTrigger(fileURLToPath(new URL(".", import.meta.url)))],
  },
});
