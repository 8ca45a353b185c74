// percentFormat against python3's `FORMAT % value`.
import { expect, test } from "vitest";
import { PyFloat } from "./values.js";
import { percentFormat, PercentFormatTypeError } from "./percent-format.js";
import { pythonAnswers } from "./oracle.js";

const cases: [string, unknown][] = [
  ["%.2f", new PyFloat(1)],
  ["%.2f", 3],
  ["%f", new PyFloat(-0.5)],
  ["%.0f", new PyFloat(2.5)],
  ["%08.3f", new PyFloat(-3.14159)],
  ["%+.1f", new PyFloat(2.25)],
  ["%d", new PyFloat(7.9)],
  ["%05d", -42],
  ["%-5d|", 42],
  ["%s", new PyFloat(0.1)],
  ["%s", "abc"],
  ["%r", "abc"],
  ["%10s", "x"],
  ["%e", new PyFloat(12345.678)],
  ["%.2E", new PyFloat(0.000123)],
  ["lr=%.3f%%", new PyFloat(0.01)],
  ["%.2f", "abc"],
  ["%d", "abc"],
];

const asPython = (value: unknown) => (value instanceof PyFloat ? { float: value.value } : value);

test("agrees with python3", () => {
  const answers = pythonAnswers<string>(
    "def answer(fmt, value):\n    if isinstance(value, dict):\n        value = float(value['float'])\n    try:\n        return fmt % value\n    except TypeError:\n        return 'TypeError'",
    cases.map(([format, value]) => [format, asPython(value)]),
  );
  const actual = cases.map(([format, value]) => {
    try {
      return percentFormat(format, value);
    } catch (error) {
      if (error instanceof PercentFormatTypeError) return "TypeError";
      throw error;
    }
  });
  expect(actual).toEqual(answers);
});
