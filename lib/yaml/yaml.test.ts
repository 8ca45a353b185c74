// PyYAML-compatible load and dump: YAML 1.1 scalars, Guild's float patch and safe_dump's layout.
import { describe, expect, test } from "vitest";
import { dumpYaml, encodeYaml, loadYaml } from "./yaml.js";
import { PyFloat } from "../python/values.js";

describe("encodeYaml matches PyYAML safe_dump", () => {
  const cases: [unknown, string][] = [
    ["hello", "hello"],
    ["1", "'1'"],
    ["1.0", "'1.0'"],
    ["yes", "'yes'"],
    ["on", "'on'"],
    ["null", "'null'"],
    ["~", "'~'"],
    ["1e2", "'1e2'"],
    ["1_000", "'1_000'"],
    [".5", "'.5'"],
    ["0x10", "'0x10'"],
    ["12:30", "'12:30'"],
    ["2020-01-01", "'2020-01-01'"],
    ["=", "'='"],
    ["", "''"],
    ["a: b", "'a: b'"],
    ["a #b", "'a #b'"],
    ["- a", "'- a'"],
    [" x", "' x'"],
    ["x ", "'x '"],
    ["a,b", "a,b"],
    ["-a", "-a"],
    [":a", ":a"],
    ["a# b", "a# b"],
    ["it's x", "it's x"],
    ["'q'", "'''q'''"],
    ["${x}", "${x}"],
    ["y", "y"],
    ["é", '"\\xE9"'],
    ["a\tb", '"a\\tb"'],
    [new PyFloat(1), "1.0"],
    [new PyFloat(0.5), "0.5"],
    [new PyFloat(1e-5), "1.0e-05"],
    [new PyFloat(1e16), "1.0e+16"],
    [new PyFloat(Infinity), ".inf"],
    [12, "12"],
    [true, "true"],
    [null, "null"],
    [{}, "{}"],
    [[], "[]"],
    [{ b: 1, a: [1, 2] }, "a:\n- 1\n- 2\nb: 1"],
    [{ yes: true }, "'yes': true"],
    [[{ a: 1, b: { c: 2 } }], "- a: 1\n  b:\n    c: 2"],
    [[[1, 2], 3], "- - 1\n  - 2\n- 3"],
    [{ a: { b: [] } }, "a:\n  b: []"],
  ];
  test.each(cases)("%j", (value, expected) => {
    expect(encodeYaml(value)).toBe(expected);
  });

  test("dumpYaml adds one newline", () => {
    expect(dumpYaml({ msg: "hi" })).toBe("msg: hi\n");
  });

  test("long strings fold at 80 columns", () => {
    const words = Array.from({ length: 20 }, (_, index) => `word${index}`).join(" ");
    expect(encodeYaml({ key: words })).toBe(
      "key: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13 word14 word15 word16 word17 word18 word19",
    );
  });
});

describe("loadYaml uses YAML 1.1 scalars", () => {
  const cases: [string, unknown][] = [
    ["yes", true],
    ["Off", false],
    ["1", 1],
    ["0x10", 16],
    ["010", 8],
    ["1_000", 1000],
    ["1:30", 90],
    ["1.0", new PyFloat(1)],
    ["1e2", new PyFloat(100)],
    ["~", null],
    ["y", "y"],
    ["'1'", "1"],
    ["a: 1\na: 2", { a: 2 }],
  ];
  test.each(cases)("%s", (text, expected) => {
    expect(loadYaml(text)).toEqual(expected);
  });
});
