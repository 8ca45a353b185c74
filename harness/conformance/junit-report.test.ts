// The JUnit XML: counts, one element per verdict, and text escaped for XML.
import { describe, expect, it } from "vitest";
import { junitXml, type JunitCase } from "./junit-report.js";

const base = { classname: "t.md", file: "t.md", seconds: 0.25 };
const cases: JunitCase[] = [
  { ...base, name: "L3: run('a')", line: 3, verdict: "passed" },
  { ...base, name: "L5: run('b')", line: 5, verdict: "failed", text: 't.md:5: output does not match the expected output\n-<a & "b">\n+\x1b[1m' },
  { ...base, name: "L7: run('c')", line: 7, verdict: "skipped", text: "marked +SKIP" },
  { ...base, name: "L9: run('d')", line: 9, verdict: "xfail", text: "t.md:9: output does not match the expected output" },
  { ...base, name: "L11: run('e')", line: 11, verdict: "xpass", text: "t.md:11: XPASS: listed as an expected failure but passed" },
];

describe("junitXml", () => {
  it("writes a case per example and errors as cases of their own", () => {
    const xml = junitXml([
      { name: "t.md", file: "t.md", seconds: 1.25, cases },
      { name: "bad.md", file: "bad.md", seconds: 0, cases: [], errors: [{ name: "transcript", message: "bad.md:2: invalid doctest option: '+NOPE'" }] },
      { name: "conformance", seconds: 0, cases: [], errors: [{ name: "t.md:20", message: "t.md:20: expected failure of 'reference' names no example" }] },
    ]);
    expect(xml.split("\n")).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="conformance" tests="7" failures="2" errors="2" skipped="2" time="1.250">',
      '  <testsuite name="t.md" tests="5" failures="2" errors="0" skipped="2" time="1.250" file="t.md">',
      `    <testcase name="L3: run('a')" classname="t.md" file="t.md" line="3" time="0.250"/>`,
      `    <testcase name="L5: run('b')" classname="t.md" file="t.md" line="5" time="0.250">`,
      '      <failure type="failed" message="t.md:5: output does not match the expected output">t.md:5: output does not match the expected output',
      '-&lt;a &amp; "b"&gt;',
      "+\\x1b[1m</failure>",
      "    </testcase>",
      `    <testcase name="L7: run('c')" classname="t.md" file="t.md" line="7" time="0.250">`,
      '      <skipped message="marked +SKIP"/>',
      "    </testcase>",
      `    <testcase name="L9: run('d')" classname="t.md" file="t.md" line="9" time="0.250">`,
      '      <skipped type="xfail" message="expected failure">t.md:9: output does not match the expected output</skipped>',
      "    </testcase>",
      `    <testcase name="L11: run('e')" classname="t.md" file="t.md" line="11" time="0.250">`,
      '      <failure type="xpass" message="t.md:11: XPASS: listed as an expected failure but passed">t.md:11: XPASS: listed as an expected failure but passed</failure>',
      "    </testcase>",
      "  </testsuite>",
      '  <testsuite name="bad.md" tests="1" failures="0" errors="1" skipped="0" time="0.000" file="bad.md">',
      '    <testcase name="transcript" classname="bad.md" file="bad.md" time="0">',
      `      <error message="bad.md:2: invalid doctest option: '+NOPE'">bad.md:2: invalid doctest option: '+NOPE'</error>`,
      "    </testcase>",
      "  </testsuite>",
      '  <testsuite name="conformance" tests="1" failures="0" errors="1" skipped="0" time="0.000">',
      '    <testcase name="t.md:20" classname="conformance" time="0">',
      `      <error message="t.md:20: expected failure of 'reference' names no example">t.md:20: expected failure of 'reference' names no example</error>`,
      "    </testcase>",
      "  </testsuite>",
      "</testsuites>",
      "",
    ]);
  });

  it("writes an example update mode rewrote as skipped, of type updated", () => {
    const xml = junitXml([{ name: "t.md", file: "t.md", seconds: 0.25, cases: [{ ...base, name: "L3: run('a')", line: 3, verdict: "updated" }] }]);
    expect(xml.split("\n").slice(1, 6)).toEqual([
      '<testsuites name="conformance" tests="1" failures="0" errors="0" skipped="1" time="0.250">',
      '  <testsuite name="t.md" tests="1" failures="0" errors="0" skipped="1" time="0.250" file="t.md">',
      `    <testcase name="L3: run('a')" classname="t.md" file="t.md" line="3" time="0.250">`,
      '      <skipped type="updated" message="expected output updated"/>',
      "    </testcase>",
    ]);
  });
});
