// A vitest reporter that closes the run with one plain line, as the conformance runner does: `N passed, M failed[, ...]`, also when interrupted.
import path from "node:path";
import type { Reporter, TestCase, TestModule, Vitest } from "vitest/node";
import { formatTotals, type VerdictCounts } from "../report/summary.js";

type TestVerdict = "passed" | "failed" | "skipped" | "xfail" | "xpass" | "updated";

export default class SummaryReporter implements Reporter {
  private readonly finished: Required<VerdictCounts> = { passed: 0, failed: 0, skipped: 0, xfail: 0, xpass: 0, errors: 0, updated: 0 };
  private readonly failedAt: string[] = [];
  private readonly onInterrupt = () => this.reportInterrupted();
  private root = "";

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    // vitest exits on SIGINT and SIGTERM without a summary; this reports what finished before.
    process.once("SIGINT", this.onInterrupt);
    process.once("SIGTERM", this.onInterrupt);
  }

  onTestCaseResult(testCase: TestCase): void {
    const verdict = verdictOf(testCase);
    this.finished[verdict] += 1;
    if (verdict === "failed" || verdict === "xpass") {
      this.failedAt.push(`${path.relative(this.root, testCase.module.moduleId)}:${testCase.location?.line ?? 0}  ${testCase.name}`);
    }
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    process.off("SIGINT", this.onInterrupt);
    process.off("SIGTERM", this.onInterrupt);
    console.log(`\n${formatTotals(countVerdicts(testModules, unhandledErrors.length))}`);
  }

  private reportInterrupted(): void {
    const lines = ["", ...this.failedAt.map((where) => `FAIL  ${where}`), `interrupted: ${formatTotals(this.finished)} (tests that finished)`];
    process.stdout.write(lines.join("\n") + "\n");
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

function verdictOf(testCase: TestCase): TestVerdict {
  const annotated = (type: string) => testCase.annotations().some((annotation) => annotation.type === type);
  const state = testCase.result().state;
  if (state === "failed") return annotated("xpass") ? "xpass" : "failed";
  if (state === "passed") return testCase.meta().transcriptUpdated ? "updated" : annotated("xfail") ? "xfail" : "passed";
  return "skipped";
}
