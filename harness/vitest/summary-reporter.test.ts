// The closing line of the summary reporter: updated examples are counted apart from passed ones.
import { describe, expect, it, vi } from "vitest";
import type { TestModule } from "vitest/node";
import SummaryReporter from "./summary-reporter.js";

type FakeTest = { state: "passed" | "failed" | "skipped"; updated?: boolean };

/** A test module as the reporter reads it: its state (failed when a test or a hook failed) and its tests. */
function fakeModule(tests: FakeTest[], hookFailed = false): TestModule {
  const testCases = tests.map((test) => ({ annotations: () => [], result: () => ({ state: test.state }), meta: () => (test.updated ? { transcriptUpdated: true } : {}) }));
  const failed = hookFailed || tests.some((test) => test.state === "failed");
  return { state: () => (failed ? "failed" : "passed"), children: { allTests: () => testCases[Symbol.iterator]() } } as unknown as TestModule;
}

describe("SummaryReporter", () => {
  it.each([
    { tests: [{ state: "passed" }, { state: "failed" }], line: "1 passed, 1 failed" },
    { tests: [{ state: "passed" }, { state: "passed", updated: true }, { state: "skipped" }], line: "1 passed, 0 failed, 1 skipped, 1 updated" },
    { tests: [{ state: "passed", updated: true }, { state: "failed" }], line: "0 passed, 1 failed, 1 updated" },
    // An update that could not be written after all fails the module's afterAll.
    { tests: [{ state: "passed", updated: true }], hookFailed: true, line: "0 passed, 1 failed, 1 updated" },
    { tests: [], hookFailed: true, line: "0 passed, 1 failed" },
  ] as Array<{ tests: FakeTest[]; hookFailed?: boolean; line: string }>)("$line", ({ tests, hookFailed, line }) => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      new SummaryReporter().onTestRunEnd([fakeModule(tests, hookFailed)], []);
      expect(log.mock.calls).toEqual([[`\n${line}`]]);
    } finally {
      log.mockRestore();
    }
  });
});
