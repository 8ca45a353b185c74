// configparser: INI reading (sections, DEFAULT, typed values) and Guild's encode_cfg layout.
import { describe, expect, test } from "vitest";
import { encodeIni, parseIni, sectionOptions, typedIniValue } from "./configparser.js";
import { pyStr } from "./repr.js";
import { pythonAnswers } from "./oracle.js";
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

describe("against python3's configparser", () => {
  const texts = [
    "[DEFAULT]\ni = 123\nf = 1.123\ns = hello there\nb = yes\n\n[foo]\ni = 456\nb = 0\n",
    "# c\n; c\n[a]\nK: v\nx=1\n  more\n[b]\ny = \n",
    "[DEFAULT]\nA = 1\n[s]\na = 2\nz = off\n",
  ];
  const definitions = `
import configparser
def answer(text):
    c = configparser.ConfigParser(interpolation=None)
    c.read_string(text)
    out = [["DEFAULT", list(c.defaults().items())]]
    for s in c.sections():
        out.append([s, [[o, c.get(s, o)] for o in c.options(s)]])
    return out
`;
  const expected = pythonAnswers<unknown>(definitions, texts.map((text) => [text]));
  test.each(texts.map((text, index) => [text, expected[index]] as const))("%j", (text, answer) => {
    const data = parseIni(text);
    const actual = [["DEFAULT", [...data.defaults]], ...[...data.sections.keys()].map((section) => [section, sectionOptions(data, section)])];
    expect(actual).toEqual(answer);
  });

  const values = ["12", " 7 ", "1_000", "1.5", "1e3", "inf", "YES", "off", "On", "x", ""];
  const typed = pythonAnswers<unknown>(`
import configparser
def answer(value):
    c = configparser.ConfigParser(interpolation=None)
    c["s"] = {"v": value}
    for get in (c.getint, c.getfloat, c.getboolean):
        try:
            v = get("s", "v")
            return [type(v).__name__, repr(v)]
        except ValueError:
            pass
    return ["str", repr(c.get("s", "v"))]
`, values.map((value) => [value]));
  test.each(values.map((value, index) => [value, typed[index]] as const))("typed %j", (value, answer) => {
    const actual = typedIniValue(value);
    const kind = typeof actual === "boolean" ? "bool" : typeof actual === "number" ? "int" : actual instanceof PyFloat ? "float" : "str";
    expect(kind).toBe((answer as string[])[0]);
  });
});
