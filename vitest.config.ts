// Test configuration: unit tests beside the code, and every transcript as its own test file.
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
    globalSetup: ["./harness/vitest/setup.ts"],
    // Watch mode: editing a sample project re-runs the transcripts that use_project() it.
    watchTriggerPatterns: [sampleProjectTrigger(fileURLToPath(new URL(".", import.meta.url)))],
  },
});
