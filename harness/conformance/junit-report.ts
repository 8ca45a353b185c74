// The `--junit` report: a test suite per transcript and implementation, a test case per example, as CI tools read it.
import { escapeControls } from "../report/escape.js";
import type { Verdict } from "./verdicts.js";

export interface JunitCase {
  /** The example's title, `L<line>: <first source line>`. */
  name: string;
  /** The transcript's path (and implementation, with several): CI tools group cases by it. */
  classname: string;
  file: string;
  line: number;
  seconds: number;
  verdict: Verdict;
  /** The failure report, or why the example was skipped. */
  text?: string;
}

/** A problem outside any example: a transcript that cannot be run, an expected failure naming no example. */
export interface JunitError {
  name: string;
  message: string;
}

export interface JunitSuite {
  name: string;
  /** The transcript's path; none for a suite of problems outside transcripts. */
  file?: string;
  seconds: number;
  cases: readonly JunitCase[];
  errors?: readonly JunitError[];
}

/**
 * The XML. A failure or an XPASS is a `<failure>` with the whole report; a skipped example, an
 * XFAIL and an example update mode rewrote are `<skipped>`; a problem outside any example is an
 * `<error>` case.
 */
export function junitXml(suites: readonly JunitSuite[]): string {
  const counted = suites.map((suite) => ({ suite, counts: countsOf(suite) }));
  const total = counted.reduce(
    (sum, { counts }) => ({ tests: sum.tests + counts.tests, failures: sum.failures + counts.failures, errors: sum.errors + counts.errors, skipped: sum.skipped + counts.skipped }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  const seconds = suites.reduce((sum, suite) => sum + suite.seconds, 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="conformance"${countAttributes(total)} time="${time(seconds)}">`];
  for (const { suite, counts } of counted) {
    const file = suite.file === undefined ? "" : ` file="${attribute(suite.file)}"`;
    lines.push(`  <testsuite name="${attribute(suite.name)}"${countAttributes(counts)} time="${time(suite.seconds)}"${file}>`);
    for (const error of suite.errors ?? []) {
      lines.push(`    <testcase name="${attribute(error.name)}" classname="${attribute(suite.name)}"${file} time="0">`);
      lines.push(`      <error message="${attribute(firstLine(error.message))}">${text(error.message)}</error>`, "    </testcase>");
    }
    for (const testCase of suite.cases) lines.push(...caseLines(testCase));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}

function caseLines(testCase: JunitCase): string[] {
  const open = `    <testcase name="${attribute(testCase.name)}" classname="${attribute(testCase.classname)}" file="${attribute(testCase.file)}" line="${testCase.line}" time="${time(testCase.seconds)}"`;
  const message = attribute(firstLine(testCase.text ?? ""));
  const body = text(testCase.text ?? "");
  switch (testCase.verdict) {
    case "passed":
      return [open + "/>"];
    case "skipped":
      return [open + ">", `      <skipped message="${message}"/>`, "    </testcase>"];
    case "xfail":
      return [open + ">", `      <skipped type="xfail" message="expected failure">${body}</skipped>`, "    </testcase>"];
    case "updated":
      // Update mode rewrote its expected output: neither passed nor failed.
      return [open + ">", `      <skipped type="updated" message="expected output updated"/>`, "    </testcase>"];
    case "failed":
    case "xpass":
      return [open + ">", `      <failure type="${testCase.verdict}" message="${message}">${body}</failure>`, "    </testcase>"];
  }
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function countsOf(suite: JunitSuite): Counts {
  const count = (verdicts: Verdict[]) => suite.cases.filter((testCase) => verdicts.includes(testCase.verdict)).length;
  const errors = suite.errors?.length ?? 0;
  return { tests: suite.cases.length + errors, failures: count(["failed", "xpass"]), errors, skipped: count(["skipped", "xfail", "updated"]) };
}

function countAttributes(counts: Counts): string {
  return ` tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;
}

function time(seconds: number): string {
  return seconds.toFixed(3);
}

function firstLine(value: string): string {
  return value.split("\n")[0];
}

/** Element text: XML's specials escaped, control characters (not allowed in XML 1.0) written out. */
function text(value: string): string {
  return escapeControls(value).text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute text: quotes, newlines and tabs escaped as well. */
function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}
