// configparser: INI reading (sections, DEFAULT, typed values) and Guild's encode_cfg layout.
import { describe, expect, test } from "vitest";
import { encodeIni, parseIni, sectionOptions, typedIniValue } from "./configparser.js";
import { pyStr } from "./repr.js";
import { PyFloat } from "./values.js";

describe("parseIni", () => {
  const text = "# comment\n[DEFAULT]\ni = 1\nName: x\n\n[foo]\n; note\ni = 2\nlong = a\n  b\n";
  test("defaults, sections, lowercased names, continuations", () => {
    const data = parseIni(text);
    expect([...data.defaults]).toEqual([["i", "1"], ["name", "x"]]);
    expect(sectionOptions(data, "foo")).toEqual([["i", "2"], ["long", "a\nb"], ["name", "x"]]);
  });
});

describe("typedIniValue", () => {
  const cases: [string, unknown][] = [
    ["123", 123],
    ["1.5", new PyFloat(1.5)],
    ["yes", true],
    ["Off", false],
    ["0", 0],
    ["hello there", "hello there"],
  ];
  test.each(cases)("%s", (text, expected) => expect(typedIniValue(text)).toEqual(expected));
});

describe("encodeIni", () => {
  test("DEFAULT first, sections after, sorted, str() values", () => {
    expect(encodeIni({ s: "x", foo: { b: true, a: new PyFloat(2) }, i: 1 }, pyStr)).toBe("[DEFAULT]\ni = 1\ns = x\n\n[foo]\na = 2.0\nb = True\n\n");
  });
  test("no defaults", () => expect(encodeIni({ foo: { a: 1 } }, pyStr)).toBe("[foo]\na = 1\n\n"));
});
