// A vitest reporter that closes the run with one plain line, as the conformance runner does: `N passed, M failed[, ...]`.
import type { Reporter, TestCase, TestModule } from "vitest/node";
import { formatTotals, type VerdictCounts } from "../report/summary.js";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    console.log(`\n${formatTotals(countVerdicts(testModules, unhandledErrors.length))}`);
  }
}

/**
 * Tests by verdict: a +FIXME example that failed as expected (annotated `xfail`) counts apart
 * from the passed ones, one that passed (annotated `xpass`) as an XPASS, and an example whose
 * expected output update mode rewrote (it passes in vitest's eyes) as updated. A test module that
 * failed without tests (it could not be loaded) and each unhandled error count as errors.
 */
export function countVerdicts(testModules: ReadonlyArray<TestModule>, unhandledErrors: number): VerdictCounts {
  const counts: Required<VerdictCounts> = { passed: 0, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: unhandledErrors, updated: 0 };
  for (const testModule of testModules) {
    const tests = [...testModule.children.allTests()];
    if (testModule.state() === "failed" && !tests.some((testCase) => testCase.result().state === "failed")) counts.errors += 1;
    for (const testCase of tests) counts[verdictOf(testCase)] += 1;
  }
  return counts;
}

function verdictOf(testCase: TestCase): "passed" | "failed" | "skipped" | "xfail" | "xpass" | "updated" {
  const annotated = (type: string) => testCase.annotations().some((annotation) => annotation.type === type);
  const state = testCase.result().state;
  if (state === "failed") return annotated("xpass") ? "xpass" : "failed";
  if (state === "passed") return testCase.meta().transcriptUpdated ? "updated" : annotated("xfail") ? "xfail" : "passed";
  return "skipped";
}
