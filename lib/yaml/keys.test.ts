// Mapping keys YAML resolves to non-strings are named as Python's str() names them, and keep their YAML value.
import { describe, expect, test } from "vitest";
import { PyDate, PyFloat } from "../python/values.js";
import { loadYaml, yamlKey } from "./yaml.js";

const cases: { text: string; expectedKeys: string[]; expectedYamlKeys: unknown[] }[] = [
  { text: "yes: 1\nno: 2\n", expectedKeys: ["True", "False"], expectedYamlKeys: [true, false] },
  { text: "~: 1\nnull: 2\n", expectedKeys: ["None"], expectedYamlKeys: [null] },
  { text: "12: 1\n'13': 2\n", expectedKeys: ["12", "13"], expectedYamlKeys: [12, "13"] },
  { text: "1.5: 1\n", expectedKeys: ["1.5"], expectedYamlKeys: [new PyFloat(1.5)] },
  { text: "2020-01-01: 1\n2021-01-01: 2\n", expectedKeys: ["2020-01-01", "2021-01-01"], expectedYamlKeys: [new PyDate("2020-01-01"), new PyDate("2021-01-01")] },
  { text: "'yes': 1\n\"~\": 2\n", expectedKeys: ["yes", "~"], expectedYamlKeys: ["yes", "~"] },
  { text: "{b: 1, yes: 2, a: 3}", expectedKeys: ["b", "True", "a"], expectedYamlKeys: ["b", true, "a"] },
  { text: "__proto__: 1\nyes: 2\n", expectedKeys: ["__proto__", "True"], expectedYamlKeys: ["__proto__", true] },
  { text: "base: &b {yes: 1}\nop: {<<: *b, x: 2}\n", expectedKeys: ["base", "op"], expectedYamlKeys: ["base", "op"] },
];

describe("non-string mapping keys", () => {
  test.each(cases)("$text", ({ text, expectedKeys, expectedYamlKeys }) => {
    const mapping = loadYaml(text) as Record<string, unknown>;
    expect(Object.keys(mapping)).toEqual(expectedKeys);
    expect(Object.keys(mapping).map((key) => yamlKey(mapping, key))).toEqual(expectedYamlKeys);
  });

  test("merged keys keep their str() names", () => {
    const value = loadYaml("base: &b {yes: 1}\nop: {<<: *b, x: 2}\n") as Record<string, Record<string, unknown>>;
    expect(value.op).toEqual({ True: 1, x: 2 });
  });
});
