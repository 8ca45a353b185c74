// A vitest reporter that closes the run with one plain line: `N passed, M failed[, K skipped][, U updated]`.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    // Examples update mode rewrote pass in vitest's eyes; like the conformance runner, count them apart.
    let updated = 0;
    for (const testModule of testModules) {
      // A module that failed with no failing test (it could not load, or a hook failed) is one failure.
      const tests = [...testModule.children.allTests()];
      if (testModule.state() === "failed" && !tests.some((testCase) => testCase.result().state === "failed")) failed += 1;
      for (const testCase of tests) {
        const state = testCase.result().state;
        if (state === "passed" && testCase.meta().transcriptUpdated) updated += 1;
        else if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}${updated ? `, ${updated} updated` : ""}`);
  }
}
