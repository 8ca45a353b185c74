// Test configuration: unit tests beside the code, and every transcript as its own test file.
import { defineConfig } from "vitest/config";
import { transcriptPlugin } from "./harness/vitest-plugin.js";

export default defineConfig({
  plugins: [transcriptPlugin()],
  test: {
    include: ["harness/**/*.test.ts", "impl/**/*.test.ts", "bench/**/*.test.ts", "transcripts/**/*.md"],
    exclude: ["**/node_modules/**", "**/samples/**", "**/fixtures/**"],
    // Commands carry their own timeouts; a test never times out before them.
    testTimeout: 24 * 60 * 60 * 1000,
    hookTimeout: 10 * 60 * 1000,
    includeTaskLocation: true,
    globalSetup: ["./harness/vitest-setup.ts"],
  },
});
