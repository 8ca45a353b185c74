// float(str), repr(float) and '%f' / '%e' formatting against CPython on a fixed table that includes the edges.
import { describe, expect, test } from "vitest";
import { pythonAnswers } from "./oracle.js";
import { exponentialText, floatRepr, formatFixed, parsePythonFloat } from "./float.js";

/** A float as text python3's float() reads back to the same double (JSON cannot carry -0.0, nan or inf). */
function floatLiteral(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (Object.is(value, -0)) return "-0.0";
  return String(value);
}

const floats = [
  0, -0, 1, -1, 0.1, -2.5, 1 / 3, 2 / 3, 100, 123.456, 1e-4, 1e-5, 0.00001234, 2.5e-7, 1e15, 1e16 - 2, 1e16, 1.5e16,
  9999999999999998, 123456789012345.6, 1e21, 1e22, 1.5e300, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -7, 0.5, 1.5, 2.5,
  0.125, 0.0078125, 1.0000005, 999999.9999995, Infinity, -Infinity, NaN,
];

describe("repr(float) matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(text):\n    return repr(float(text))", floats.map((value) => [floatLiteral(value)]));
  test.each(floats.map((value, index) => [value, answers[index]] as const))("repr(%s)", (value, expected) => {
    expect(floatRepr(value)).toBe(expected);
  });
});

describe("'%.Nf' and '%.Ne' match CPython", () => {
  const cases = floats.flatMap((value) => [0, 1, 3, 6].map((precision) => [value, precision] as const));
  const answers = pythonAnswers<[string, string]>(
    "def answer(text, precision):\n    value = float(text)\n    return ['%.*f' % (precision, value), '%.*e' % (precision, abs(value))]",
    cases.map(([value, precision]) => [floatLiteral(value), precision]),
  );
  test.each(cases.map(([value, precision], index) => [value, precision, answers[index]] as const))("%s with %i digits", (value, precision, expected) => {
    const exponential = Number.isFinite(value) ? exponentialText(value, precision) : (expected as [string, string])[1];
    expect([formatFixed(value, precision), exponential]).toEqual(expected);
  });
});

const texts = [
  "1.0", " 2 ", "\t3\n", "1_000.5", "1e-3", "1E5", "1e1_0", ".5", "5.", "-.5e-2", "+1", "-inf", "+Infinity", "iNfInItY", "nan", "-NaN",
  "1.2.3", "1__0", "_1", "1_", "1_.5", "1._5", "", " ", "-", "+", ".", "e5", "1e", "0x10", "infinit", "nana", "1 2",
  "\u00a01.5\u3000", "\ufeff1", "\u0661\u0662", "\uff11.\uff15", "\u0967e\u0662", "1e500", "-1e500", "1e-400", "00012", "1.7976931348623157e309",
];

describe("float(str) matches CPython", () => {
  const answers = pythonAnswers<string>("def answer(text):\n    return repr(float(text))", texts.map((text) => [text]));
  test.each(texts.map((text, index) => [text, answers[index]] as const))("float(%j)", (text, expected) => {
    const value = parsePythonFloat(text);
    const actual = value === null ? "ValueError" : floatRepr(value);
    expect(actual).toBe(typeof expected === "string" ? expected : expected.error.split(":")[0]);
  });
});
