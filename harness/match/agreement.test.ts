// Property test: our doctest verdicts agree with CPython's OutputChecker on random outputs.
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doctestCheckOutput } from "./doctest-check.js";
import { ellipsisMatch } from "./ellipsis.js";
import { exceptionOnly, isTraceback } from "./exception.js";

/** The option flags doctest's OutputChecker reads. */
const FLAG_NAMES = ["ELLIPSIS", "NORMALIZE_WHITESPACE", "DONT_ACCEPT_TRUE_FOR_1", "DONT_ACCEPT_BLANKLINE"] as const;
type Flags = Partial<Record<(typeof FLAG_NAMES)[number], boolean>>;
type Case = { want: string; got: string; normalize: boolean; flags?: Flags };

const PYTHON_CHECKER = [
  "import doctest, json, sys",
  "checker = doctest.OutputChecker()",
  "verdicts = []",
  "for case in json.load(sys.stdin):",
  "    flags = doctest.ELLIPSIS | (doctest.NORMALIZE_WHITESPACE if case['normalize'] else 0)",
  "    if 'flags' in case:",
  "        flags = 0",
  "        for name, on in case['flags'].items():",
  "            flags |= getattr(doctest, name) if on else 0",
  "    verdicts.append(checker.check_output(case['want'], case['got'], flags))",
  "print(json.dumps(verdicts))",
].join("\n");

/** One python3 process for a whole batch of cases. */
function pythonVerdicts(cases: Case[]): boolean[] {
  const output = execFileSync("python3", ["-c", PYTHON_CHECKER], { input: JSON.stringify(cases), encoding: "utf8" });
  return JSON.parse(output) as boolean[];
}

function ourVerdict(c: Case): boolean {
  return doctestCheckOutput(c.want, c.got, c.flags ?? { ELLIPSIS: true, NORMALIZE_WHITESPACE: c.normalize });
}

const token = fc.constantFrom("a", "b", ".", "..", "...", " ", "  ", "\n", "\t", "\x0b", "\x1c", "\u00a0", "<BLANKLINE>", "ab", "é", "True", "1");
const text = fc.array(token, { maxLength: 12 }).map((tokens) => tokens.join(""));
const caseArbitrary: fc.Arbitrary<Case> = fc.record({ want: text, got: text, normalize: fc.boolean() });

describe("doctestCheckOutput agrees with CPython", () => {
  it("on random expected/actual pairs", () => {
    const cases = fc.sample(caseArbitrary, { numRuns: 3000, seed: 20220 });
    // Make sure a good share of pairs can match: actual derived from expected.
    const derived = fc.sample(
      fc.tuple(text, fc.array(text, { maxLength: 4 }), fc.boolean()).map(([want, fills, normalize]) => {
        let i = 0;
        return { want, got: want.replace(/\.\.\./g, () => fills[i++] ?? ""), normalize };
      }),
      { numRuns: 2000, seed: 7 },
    );
    const all = [...cases, ...derived];
    const expected = pythonVerdicts(all);
    const mismatches = all
      .map((c, i) => ({ ...c, python: expected[i], ours: ourVerdict(c) }))
      .filter((r) => r.python !== r.ours);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(expected.filter(Boolean).length).toBeGreaterThan(500);
  });

  it("with fast-check shrinking on failures", () => {
    // Collect a batch through fc.assert so a counterexample shrinks; verdicts are fetched once.
    const batch = fc.sample(caseArbitrary, { numRuns: 500, seed: 99 });
    const verdicts = new Map<string, boolean>();
    const python = pythonVerdicts(batch);
    batch.forEach((c, i) => verdicts.set(JSON.stringify(c), python[i]!));
    fc.assert(
      fc.property(fc.constantFrom(...batch), (c) => {
        return ourVerdict(c) === verdicts.get(JSON.stringify(c));
      }),
      { numRuns: batch.length },
    );
  });
});

describe("doctestCheckOutput agrees with CPython beyond ELLIPSIS and NORMALIZE_WHITESPACE", () => {
  // Whole lines too, so that the True-for-1 and <BLANKLINE> rules (which compare lines) come up.
  const lineToken = fc.constantFrom("True\n", "False\n", "1\n", "0\n", "<BLANKLINE>\n", "<BLANKLINE>  \n", "\n", "  \n", "...\n", "a...\n");
  const mixed = fc.array(fc.oneof(token, lineToken), { maxLength: 8 }).map((tokens) => tokens.join(""));
  const flags: fc.Arbitrary<Flags> = fc.record(Object.fromEntries(FLAG_NAMES.map((name) => [name, fc.boolean()])) as Record<keyof Flags, fc.Arbitrary<boolean>>);

  it("under any combination of flags", () => {
    const random = fc.sample(fc.record({ want: mixed, got: mixed, normalize: fc.constant(false), flags }), { numRuns: 2000, seed: 1111 });
    // Actual output made from the expected one as each rule allows, so that many pairs match under some flags.
    const derived = fc.sample(fc.tuple(mixed, flags, fc.array(text, { maxLength: 4 })), { numRuns: 2000, seed: 1114 }).map(([want, caseFlags, fills]) => {
      let index = 0;
      const got = want.replace(/\.\.\./g, () => fills[index++] ?? "").replace(/^<BLANKLINE> *$/gm, "").replace(/^1$/gm, "True").replace(/ +/g, " \t");
      return { want, got, normalize: false, flags: caseFlags };
    });
    const cases = [...random, ...derived];
    const expected = pythonVerdicts(cases);
    const mismatches = cases.map((c, i) => ({ ...c, python: expected[i], ours: ourVerdict(c) })).filter((r) => r.python !== r.ours);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(expected.filter(Boolean).length).toBeGreaterThan(500);
  });

  it("on long outputs with many wildcards, split-and-find needs no backtracking to agree", () => {
    // Hundreds of `...` over thousands of characters: a backtracking matcher would not finish.
    const long = fc.array(fc.constantFrom("a", "b", "ab", "...", "\n"), { minLength: 500, maxLength: 2000 }).map((tokens) => tokens.join(""));
    const cases = fc.sample(fc.record({ want: long, got: long, normalize: fc.boolean() }), { numRuns: 40, seed: 1112 });
    const derived = cases.map((c) => ({ ...c, got: c.want.replace(/\.\.\./g, "ba") }));
    const all = [...cases, ...derived];
    const expected = pythonVerdicts(all);
    expect(all.map(ourVerdict)).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThanOrEqual(derived.length);
  });
});

const PYTHON_EXCEPTION_MESSAGES = [
  "import doctest, json, sys",
  "pattern = doctest.DocTestParser._EXCEPTION_RE",
  "messages = []",
  "for want in json.load(sys.stdin):",
  "    match = pattern.match(want)",
  "    messages.append(match.group('msg') if match else None)",
  "print(json.dumps(messages))",
].join("\n");

describe("exceptionOnly agrees with doctest's exception pattern", () => {
  it("on random tracebacks: the message is what follows the first line starting with a word character", () => {
    const header = fc.constantFrom(
      "Traceback (most recent call last):", "Traceback (innermost last):", "Traceback (most recent call last):  ", "Traceback (most recent call last):\t",
      "Traceback (most recent call last):\r", "Traceback (most recent call last):\x0b", "Traceback (most recent call last):\u00a0", "Traceback (most recent call last): x",
    );
    const line = fc.constantFrom(
      '  File "<stdin>", line 1, in <module>', "    raise ValueError", "ValueError: bad", "KeyError: 'k'", "_Private: x", "3rd: y", "élan: z",
      "...", "", "  ", "-", ":", "MemoryError", "RecursionError: maximum recursion depth exceeded", "a...b",
    );
    const want = fc.tuple(header, fc.array(line, { maxLength: 5 })).map(([first, rest]) => [first, ...rest].join("\n") + "\n");
    const wants = fc.sample(want, { numRuns: 2000, seed: 1113 });
    const output = execFileSync("python3", ["-c", PYTHON_EXCEPTION_MESSAGES], { input: JSON.stringify(wants), encoding: "utf8" });
    const expected = JSON.parse(output) as (string | null)[];
    const ours = wants.map((text) => {
      if (!isTraceback(text)) return null;
      const message = exceptionOnly(text);
      return message === text ? null : message;
    });
    const mismatches = wants.map((text, i) => ({ text, python: expected[i], ours: ours[i] })).filter((r) => r.python !== r.ours);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe("ellipsisMatch", () => {
  const cases: Array<{ expected: string; actual: string; matches: boolean }> = [
    { expected: "a...b", actual: "ab", matches: true },
    { expected: "a...b", actual: "a-b", matches: true },
    { expected: "a...b", actual: "a-c", matches: false },
    { expected: "aa...aa", actual: "aaa", matches: false },
    { expected: "...", actual: "", matches: true },
    { expected: "......", actual: "x", matches: true },
    { expected: "x...y...z", actual: "x-z-y-z", matches: true },
    { expected: "x...y...z", actual: "x-z-z", matches: false },
    { expected: "....", actual: "abc.", matches: true },
    { expected: "....", actual: "abc", matches: false },
    { expected: "no wildcard", actual: "no wildcard", matches: true },
    { expected: "...a...a...a...", actual: "aa", matches: false },
  ];
  it.each(cases)("$expected ~ $actual -> $matches", ({ expected, actual, matches }) => {
    expect(ellipsisMatch(expected, actual)).toBe(matches);
  });
});
