// Runaway statements raise Python's errors at their example and the next example runs; CPython agrees where it answers quickly.
import { describe, expect, test } from "vitest";
import { runInCPython } from "./cpython-oracle.js";
import { createInterpreter, type InterpreterOptions } from "./interpreter.js";
import { Budget, bitLength, defaultLimits, type Limits } from "./limits.js";
import { PyError } from "./errors.js";
import { pyFunction, pyNone } from "./values.js";

/** Runs examples in one interpreter; each example's output, a syntax error written as doctest's runner below writes it. */
async function runExamples(examples: string[], options: Partial<InterpreterOptions> = {}): Promise<string[]> {
  let output = "";
  const interpreter = createInterpreter({ globals: {}, ...options, print: (text) => (output += text) });
  const outputs: string[] = [];
  for (const source of examples) {
    output = "";
    const result = await interpreter.execute(source);
    outputs.push(result.kind === "syntax-error" ? `SyntaxError: ${result.message}\n` : output);
  }
  return outputs;
}

const lastLine = (text: string) => text.trimEnd().split("\n").pop();

const sum = (terms: number) => Array(terms).fill("1").join(" + ");
const nested = (open: string, middle: string, close: string, depth: number) => open.repeat(depth) + middle + close.repeat(depth);

/**
 * Statements that crashed or hung the runner, with the last line they print now. Each runs with a
 * step budget of 100,000 (so loops stop quickly), then `1 + 1` must print 2 in the same interpreter.
 */
const runaway: [title: string, source: string, expected: string][] = [
  ["a billion-character str", '"a" * 10**9', "MemoryError"],
  ["a billion-wide format", "'{:>1000000000}'.format('x')", "MemoryError"],
  ["10**10**10", "10**10**10", "MemoryError"],
  ["10,000 nested parentheses", nested("(", "1", ")", 10_000), "SyntaxError: too many nested parentheses"],
  ["a 100,000-term sum", sum(100_000), "RecursionError: maximum recursion depth exceeded during compilation"],
  ["a billion-item list", "[0] * 10**9", "MemoryError"],
  ["a 100,000-deep unary chain", "-".repeat(100_000) + "1", "RecursionError: maximum recursion depth exceeded during compilation"],
  ["a 100,000-long attribute chain", "x" + ".y".repeat(100_000), "RecursionError: maximum recursion depth exceeded during compilation"],
  ["a 100,000-long elif chain", "if 0: pass\n" + "elif 0: pass\n".repeat(100_000), "RecursionError: maximum recursion depth exceeded during compilation"],
  ["while True", "while True: pass", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["a billion loop rounds", "for i in range(10**9): pass", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["a loop that grows the list it reads", "x = [1]\nfor i in x: x.append(i)", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["a loop caught by except", "while True:\n    try:\n        pass\n    except Exception:\n        pass", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["summing a billion", "sum(range(10**9))", "MemoryError"],
  ["summing ten million", "sum(range(10**7))", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["a list of a hundred million", "list(range(10**8))", "MemoryError"],
  ["printing forever", "while True: print('x' * 100_000)", "RuntimeError: example exceeded the interpreter's step limit (100000 steps)"],
  ["an int of ten million bits", "2 ** 10**7", "MemoryError"],
  ["squaring a big int", "x = 2**999_999\nx * x", "MemoryError"],
  ["shifting by 2**62", "1 << 2**62", "MemoryError"],
  ["a str of a million repeated ten times over", "'x' * 10**6 * 100", "MemoryError"],
  ["a join past the size limit", "x = ['y' * 10**6] * 20\n''.join(x)", "MemoryError"],
  ["a format precision past the size limit", "'%.100000000f' % 1.0", "MemoryError"],
  ["a huge `*` width", "'%*d' % (10**9, 1)", "MemoryError"],
  ["f-string fields past the size limit", "x = 'y' * 10**6\nf'{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}{x}'", "MemoryError"],
  ["deep recursion", "def f(n): return f(n + 1)\nf(0)", "RecursionError: maximum recursion depth exceeded"],
  ["recursion through a builtin", "def f(n): return sorted([1], key=lambda x: f(n))\nf(0)", "RecursionError: maximum recursion depth exceeded"],
  ["repr of a 9,000-deep list", "x = []\nfor i in range(9000): x = [x]\nx", "RecursionError: maximum recursion depth exceeded while getting the repr of an object"],
  ["comparing 9,000-deep lists", "x = []\nfor i in range(9000): x = [x]\nx == x[0]", "RecursionError: maximum recursion depth exceeded in comparison"],
  ["ordering 9,000-deep lists", "x = []\nfor i in range(9000): x = [x]\nx < x[0]", "RecursionError: maximum recursion depth exceeded in comparison"],
  ["a 5000-digit int", "10**5000", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"],
];

describe("runaway statements raise Python errors at their example", () => {
  test.each(runaway)("%s", async (_title, source, expected) => {
    const [output, next] = await runExamples([source, "1 + 1"], { limits: { maxSteps: 100_000 } });
    expect(lastLine(output!)).toBe(expected);
    expect(next).toBe("2\n");
  });

  test("an example left in an infinite loop by its time limit, host calls not counted", async () => {
    // A fake clock: every reading is a millisecond later; the host function takes ten seconds.
    let now = 0;
    const clock = () => (now += 1);
    const slow = pyFunction("slow", () => {
      now += 10_000;
      return pyNone;
    });
    const options = { globals: { slow }, clock, limits: { timeLimitSeconds: 1 } };
    const [hosted, looping, next] = await runExamples(["for i in range(3): slow()", "while True: pass", "1 + 1"], options);
    expect(hosted).toBe("");
    expect(lastLine(looping!)).toBe("TimeoutError: example exceeded the interpreter's time limit (1 seconds)");
    expect(next).toBe("2\n");
  });

  test("smaller limits apply to parsing, calls, sizes and repr", async () => {
    const limits: Partial<Limits> = { maxDepth: 20, maxSize: 1000 };
    const examples = [sum(30), "def f(n): return n and f(n - 1)\nf(25)", "'x' * 1001", "x = [0] * 1000", "x", "len(x)"];
    expect((await runExamples(examples, { limits })).map(lastLine)).toEqual([
      "RecursionError: maximum recursion depth exceeded during compilation",
      "RecursionError: maximum recursion depth exceeded",
      "MemoryError",
      "",
      // A thousand items may be built, but not their repr of 3000 characters.
      "MemoryError",
      "1000",
    ]);
  });
});

/** Examples CPython answers at once with an error (or a value) that ours must match exactly. */
const agreeing: string[][] = [
  [nested("(", "1", ")", 10_000)], [nested("[", "", "]", 201)], [nested("(", "1", ")", 200)],
  [sum(100_000)],
  ["'x' * 2**62"], ["[0] * 2**62"], ["(1,) * 2**62"], ["'x' * 2**63"], ["[0] * -2**64"], ["[0] * -2**63"],
  ["'a'.ljust(2**62)"], ["'a'.ljust(2**63)"], ["'a'.center(2**61)"], ["'x'.zfill(2**62)"], ["'a'.ljust(5, 'xy')"],
  ["'{:>9223372036854775807}'.format('x')"], ["'{:>10000000000000000000}'.format('x')"], ["'{:.10000000000000000000f}'.format(1.0)"],
  ["'%*d' % (2**62, 1)"], ["'%*d' % (2**63, 1)"], ["'%99999999999999999999d' % 1"], ["'%.2147483648f' % 1.0"], ["'%.*f' % (2**40, 1.0)"],
  ["format(1.5, '.2147483648f')"], ["'%*d' % ('a', 1)"], ["'%*d|' % (-5, 1)"], ["format(1.0, '.1100f')[-5:]"],
  ["format(-1, 'c')"], ["'%c' % 0x110000"], ["'%d' % float('inf')"], ["'%d' % float('nan')"],
  ["'{:{:{}}}'.format(1, 2, 3)"], ["'{:{}}|'.format('a', 5)"], ["f'{1:{2:{3}}}'"],
  ["1 << 10**20"], ["1 << 2**62"], ["1 >> 10**30"], ["0 << 10**30"], ["0 ** 10**30"], ["1 ** 10**30"], ["(-1) ** (10**30 + 1)"],
  ["list(range(2**62))"], ["len(range(2**100))"], ["range(2**100)[-1]", "range(2**100)[::-1]", "10**100 in range(2**400)", "range(10)[5:2]"],
  ["chr(2**31)"], ["chr(-1)"], ["'abc'[2**63]"], ["[1][2**63]"], ["'abc'[2**62]"], ["[].insert(2**70, 1)"],
  ["x = 10**5000", "x", "str(x)", "f'{x}'", "'%d' % x", "format(x, ',')", "len(hex(x))", "-(10**4299) < 0", "len(str(10**4299))", "len(str(10**4300))"],
  ["int('1' * 5000)"], ["int('1' * 4301, 7)"], ["int('f' * 100_000, 16) > 0"], ["float(10**400)"],
  ["1" + "0".repeat(5000)], ["'\\U00110000'"],
  ["def f(): return f()", "f()"], ["def f(n): return n and f(n - 1)", "f(900)"],
  ["x = []", "for i in range(5000): x = [x]\n", "x", "str(x)", "x == x[0]", "x < x[0]", "x[0] in [x]"],
  ["t = ()", "for i in range(5000): t = (t,)\n", "len({t: 1})"],
  ["x = [1]", "x.append(x)", "x", "d = {}", "d[1] = d", "d"],
  [Array.from({ length: 21 }, (_, depth) => " ".repeat(depth) + "for a in b:\n").join("") + " ".repeat(21) + "pass\n"],
  [Array.from({ length: 100 }, (_, depth) => " ".repeat(depth) + "if 1:\n").join("") + " ".repeat(100) + "pass\n"],
];

describe("limits agree with CPython", () => {
  const expected = runInCPython(agreeing);
  test.each(agreeing.map((examples, index) => [examples.join(" ⏎ ").slice(0, 80), examples, expected[index]!] as const))("%s", async (_title, examples, cpython) => {
    let actual = "";
    const interpreter = createInterpreter({ globals: {}, print: (text) => (actual += text) });
    for (const source of examples) {
      const result = await interpreter.execute(source);
      if (result.kind === "syntax-error") actual += `SyntaxError at line offset ${result.lineOffset}\n`;
    }
    expect(actual).toBe(cpython);
  });
});

describe("Budget", () => {
  const limits = (overrides: Partial<Limits>): Limits => ({ ...defaultLimits, ...overrides });
  const messageOf = (run: () => void) => {
    try {
      run();
      return "no error";
    } catch (error) {
      return error instanceof PyError ? error.message : String(error);
    }
  };

  test("steps past the limit raise, and keep raising until reset", () => {
    const budget = new Budget(limits({ maxSteps: 3 }));
    budget.reset();
    expect([1, 2, 3].map(() => messageOf(() => budget.step()))).toEqual(["no error", "no error", "no error"]);
    const spent = "RuntimeError: example exceeded the interpreter's step limit (3 steps)";
    expect([messageOf(() => budget.step()), messageOf(() => budget.step())]).toEqual([spent, spent]);
    budget.reset();
    expect(messageOf(() => budget.step(3))).toBe("no error");
  });

  test.each([
    [10, "no error"], [99, "no error"], [100, "no error"], [101, "MemoryError"],
  ])("a result of %i items with maxSize 100: %s", (size, expected) => {
    const budget = new Budget(limits({ maxSize: 100 }));
    budget.reset();
    expect(messageOf(() => budget.build(size))).toBe(expected);
  });

  test("big results and iterated items cost steps", () => {
    const budget = new Budget(limits({ maxSteps: 150 }));
    budget.reset();
    expect(messageOf(() => budget.build(10_000))).toBe("no error");
    expect(messageOf(() => budget.iterate(50))).toBe("no error");
    expect(messageOf(() => budget.iterate(1))).toBe("RuntimeError: example exceeded the interpreter's step limit (150 steps)");
  });

  test("time counts from reset, leaving out time spent outside", async () => {
    let now = 0;
    const budget = new Budget(limits({ timeLimitSeconds: 1 }), () => now);
    budget.reset();
    await budget.outside(() => {
      now += 5000;
    });
    expect(messageOf(() => budget.step(2))).toBe("no error");
    now += 1001;
    expect(messageOf(() => budget.step(2))).toBe("TimeoutError: example exceeded the interpreter's time limit (1 seconds)");
  });

  test.each([
    [0n, 0], [1n, 1], [-1n, 1], [255n, 8], [256n, 9], [-(2n ** 100n), 101], [2n ** 100n - 1n, 100], [2n ** 1000n, 1001],
  ])("bitLength(%s) = %i", (value, expected) => {
    expect(bitLength(value)).toBe(expected);
  });
});
