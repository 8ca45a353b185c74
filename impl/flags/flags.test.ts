import { describe, expect, test } from "vitest";
import { decodeFlagValue } from "./decode.js";
import { encodeFlagValue, flagAssigns, formatFlag, shortenPath } from "./encode.js";
import { encodeArgValue, flagEnvName } from "./cmd-encode.js";
import { resolveRefs, UndefinedReferenceError } from "./refs.js";
import { PyDate, PyFloat } from "../../lib/python/values.js";
import { floatRepr } from "../../lib/python/float.js";
import { pyRepr, strRepr } from "../../lib/python/repr.js";

describe("decodeFlagValue", () => {
  const cases: [string, unknown][] = [
    ["1", 1],
    ["010", 10],
    [" 7 ", 7],
    ["1.0", new PyFloat(1)],
    ["1.", new PyFloat(1)],
    [".5", new PyFloat(0.5)],
    ["1e-5", new PyFloat(1e-5)],
    ["inf", new PyFloat(Infinity)],
    ["0x10", 16],
    ["0o7", "0o7"],
    ["1_000", "1_000"],
    ["1:2", "1:2"],
    ["12:30", "12:30"],
    ["yes", true],
    ["True", true],
    ["off", false],
    ["y", "y"],
    ["null", null],
    ["~", null],
    ["None", "None"],
    ["hello world", "hello world"],
    ["'quoted'", "quoted"],
    ["a: b", { a: "b" }],
    ["2020-01-01", new PyDate("2020-01-01")],
    ["#x", null],
    ["a #b", "a"],
    ["${msg}", "${msg}"],
    ["", ""],
    ["[1,2]", [1, 2]],
    ["[0:100]", "[0:100]"],
    ["uniform[0:1]", "uniform[0:1]"],
    ["[1]*3", [1, 1, 1]],
  ];
  test.each(cases)("%j", (input, expected) => {
    expect(decodeFlagValue(input)).toEqual(expected);
  });

  const typed: [string, string, unknown][] = [
    ["1", "string", "1"],
    ["[1]", "string", [1]],
    ["1", "float", new PyFloat(1)],
    ["1.5", "int", new PyFloat(1.5)],
    ["1", "boolean", true],
    ["0", "boolean", false],
    ["2", "number", 2],
  ];
  test.each(typed)("%j as %s", (input, type, expected) => {
    expect(decodeFlagValue(input, type)).toEqual(expected);
  });
});

describe("floatRepr", () => {
  const cases: [number, string][] = [
    [1, "1.0"], [0.5, "0.5"], [1.234, "1.234"], [1e-5, "1e-05"], [1e-4, "0.0001"], [100000, "100000.0"],
    [1e16, "1e+16"], [1e15, "1000000000000000.0"], [-2.5, "-2.5"], [0.1 + 0.2, "0.30000000000000004"], [1.5e300, "1.5e+300"],
  ];
  test.each(cases)("%d", (input, expected) => expect(floatRepr(input)).toBe(expected));
});

describe("repr", () => {
  const cases: [unknown, string][] = [
    ["it's", `"it's"`], [`it's "x"`, `'it\\'s "x"'`], ["a\nb", "'a\\nb'"], [{ run: "   " }, "{'run': '   '}"],
    [[1, 2, 3], "[1, 2, 3]"], [null, "None"], [{}, "{}"], [true, "True"], [new PyFloat(2), "2.0"],
  ];
  test.each(cases)("%j", (input, expected) => expect(pyRepr(input)).toBe(expected));
  test("strRepr escapes backslashes", () => expect(strRepr("a\\b")).toBe("'a\\\\b'"));
});

describe("encodeFlagValue and formatFlag", () => {
  const cases: [unknown, string, string][] = [
    ["hello steps", "hello steps", "'hello steps'"],
    ["hello m2, from composite", "hello m2, from composite", "'hello m2, from composite'"],
    ["it's x", "it's x", `"it's x"`],
    [`it's "x"`, `it's "x"`, `'it\\'s "x"'`],
    ["hi-5", "hi-5", "hi-5"],
    ["", "''", "''"],
    [new PyFloat(1), "1.0", "1.0"],
    [new PyFloat(0.5), "0.5", "0.5"],
    [true, "yes", "yes"],
    ["yes", "'yes'", "'yes'"],
    ["a: b", "'a: b'", "'a: b'"],
    [null, "null", "null"],
    [[1, "a,b", "c"], "[1, 'a,b', c]", "[1, 'a,b', c]"],
    [{ b: 1, a: "x" }, "{a: x, b: 1}", "{a: x, b: 1}"],
    [new PyFloat(1e-5), "1.0e-05", "1.0e-05"],
  ];
  test.each(cases)("%j", (value, encoded, formatted) => {
    expect([encodeFlagValue(value), formatFlag(value)]).toEqual([encoded, formatted]);
  });

  test("label formatting truncates floats", () => {
    expect(flagAssigns({ t: new PyFloat(0.123456789), s: "", i: 1, f: new PyFloat(1.5), b: true }, { truncateFloats: 5 }).join(" ")).toBe(
      "b=yes f=1.5 i=1 s='' t=0.12345",
    );
  });

  test("shortenPath", () => {
    expect(shortenPath("/home/user/some/long/path/file.txt", 20)).toBe("/home/\u2026/file.txt");
  });
});

describe("command encodings", () => {
  const cases: [unknown, string][] = [[true, "1"], [false, ""], [null, ""], ["a b", "a b"], [new PyFloat(1), "1.0"], [new PyFloat(1e-5), "1e-05"], [16, "16"], [[1, "a b"], "1 'a b'"]];
  test.each(cases)("%j", (value, expected) => expect(encodeArgValue(value)).toBe(expected));
  test("env names", () => expect(flagEnvName("operation:prepare")).toBe("FLAG_OPERATION_PREPARE"));
});

describe("resolveRefs", () => {
  const values = { msg: "hello", loss: new PyFloat(1), flag: true };
  const cases: [string, unknown][] = [
    ["${loss}", new PyFloat(1)],
    ["loss=${loss}", "loss=1.0"],
    ["${msg} (again)", "hello (again)"],
    ["${msg}${msg}", "hellohello"],
    ["\\${msg}", "${msg}"],
    ["x ${flag}", "x true"],
  ];
  test.each(cases)("%s", (input, expected) => expect(resolveRefs(input, values)).toEqual(expected));
  test("undefined reference", () => expect(() => resolveRefs("${nope}", values)).toThrow(UndefinedReferenceError));
});
