// A vitest reporter that closes the run with one plain line, `N passed, M failed[, K skipped]`, also when interrupted.
import path from "node:path";
import type { Reporter, TestCase, TestModule, Vitest } from "vitest/node";

export default class SummaryReporter implements Reporter {
  private readonly finished = { passed: 0, failed: 0, skipped: 0 };
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
    const state = testCase.result().state;
    if (state === "passed") this.finished.passed += 1;
    else if (state === "failed") {
      this.finished.failed += 1;
      this.failedAt.push(`${path.relative(this.root, testCase.module.moduleId)}:${testCase.location?.line ?? 0}  ${testCase.name}`);
    } else this.finished.skipped += 1;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    process.off("SIGINT", this.onInterrupt);
    process.off("SIGTERM", this.onInterrupt);
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      if (testModule.state() === "failed" && [...testModule.children.allTests()].length === 0) failed += 1;
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
    }
    console.log(`\n${countsLine(passed, failed, skipped)}`);
  }

  private reportInterrupted(): void {
    const { passed, failed, skipped } = this.finished;
    const lines = ["", ...this.failedAt.map((where) => `FAIL  ${where}`), `interrupted: ${countsLine(passed, failed, skipped)} (tests that finished)`];
    process.stdout.write(lines.join("\n") + "\n");
  }
}

function countsLine(passed: number, failed: number, skipped: number): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
}
