// Test configuration: unit tests beside the code, and every transcript as its own test file.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { transcriptPlugin } from "./harness/vitest-plugin.js";
import { sampleProjectTrigger } from "./harness/watch-triggers.js";

export default defineConfig({
  plugins: [transcriptPlugin()],
  test: {
    include: ["lib/**/*.test.ts", "harness/**/*.test.ts", "impl/**/*.test.ts", "bench/**/*.test.ts", "transcripts/**/*.md"],
    exclude: ["**/node_modules/**", "**/samples/**", "**/fixtures/**"],
    // Commands carry their own timeouts; a test never times out before them.
    testTimeout: 24 * 60 * 60 * 1000,
    hookTimeout: 10 * 60 * 1000,
    includeTaskLocation: true,
    globalSetup: ["./harness/vitest-setup.ts"],
    // Watch mode: editing a sample project re-runs the transcripts that use_project() it.
    watchTriggerPatterns: [sampleProjectTrigger(fileURLToPath(new URL("./transcripts", import.meta.url)))],
  },
});
