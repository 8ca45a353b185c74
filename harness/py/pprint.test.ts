// pprint.pformat over our values, cross-checked against CPython's pprint.
import { describe, expect, test } from "vitest";
import { runInCPython } from "./cpython-oracle.js";
import { createInterpreter } from "./interpreter.js";
import { pformat } from "./pprint.js";
import { pyFunction, pyModule, pyNone, pyStr } from "./values.js";

/** Python expressions whose pformat CPython and we must print alike. */
const values = [
  "{'flags-dest': 'config:empty.json', 'flags-import': 'all', 'main': 'test_args foo bar baz'}",
  "{'b': 1, 'a': [1, 2, 3], 'c': {'z': None, 'y': (1,)}}",
  "['.guild/attrs/' + name for name in ['cmd', 'deps', 'exit_status', 'flags', 'host', 'label', 'op', 'platform', 'plugins']]",
  "[('a' * 30, 'b' * 30), ('c' * 40,), {'k' * 50: 'v' * 40}]",
  "(set(), [], {}, ())", "('x' * 70,)", "{'deep': {'deeper': {'deepest': ['item %d' % i for i in range(12)]}}}",
  "'word ' * 30", "['line one\\nline two ' * 5]", "{'text': 'a fairly long string value ' * 4}",
  "[1.5, True, None, -3, 'x']", "{(1, 2): 'tuple key', 'b': 0, 'a': 1}",
];

describe("pprint.pformat behaves like CPython's", () => {
  const cases = values.map((value) => [`from pprint import pformat`, `print(pformat(${value}))`]);
  const expected = runInCPython(cases);
  test.each(values.map((value, index) => [value, cases[index]!, expected[index]!] as const))("%s", async (_value, examples, cpython) => {
    let actual = "";
    const interpreter = createInterpreter({
      globals: {},
      modules: { pprint: pyModule("pprint", { pformat: pyFunction("pformat", (args) => pyStr(pformat(args[0] ?? pyNone))) }) },
      print: (text) => (actual += text),
    });
    for (const example of examples) await interpreter.execute(example);
    expect(actual).toBe(cpython);
  });
});
