// Syntax errors in PyYAML's words: each case's text as PyYAML 6 words it for a file named f.yml.
import { describe, expect, test } from "vitest";
import { loadYaml, YamlError } from "./yaml.js";

function message(text: string): string {
  try {
    loadYaml(text, "f.yml");
  } catch (error) {
    if (error instanceof YamlError) return error.message;
    throw error;
  }
  return "";
}

describe("PyYAML messages", () => {
  const cases: [string, string][] = [
    ["- model: m\n  operations: {hello: {main: say}\n", `while parsing a flow mapping\n  in "f.yml", line 2, column 15\nexpected ',' or '}', but got '<stream end>'\n  in "f.yml", line 3, column 1`],
    ["op: [a, b", `while parsing a flow sequence\n  in "f.yml", line 1, column 5\nexpected ',' or ']', but got '<stream end>'\n  in "f.yml", line 1, column 10`],
    ["op: {a: [1, {b: 2}\n", `while parsing a flow sequence\n  in "f.yml", line 1, column 9\nexpected ',' or ']', but got '<stream end>'\n  in "f.yml", line 2, column 1`],
    ["op: {a: 'it''s', b: \"x\\\"\" # c {\n", `while parsing a flow mapping\n  in "f.yml", line 1, column 5\nexpected ',' or '}', but got '<stream end>'\n  in "f.yml", line 2, column 1`],
    ["op: \"abc\n", `while scanning a quoted scalar\n  in "f.yml", line 1, column 5\nfound unexpected end of stream\n  in "f.yml", line 2, column 1`],
    ["op: 'abc\n", `while scanning a quoted scalar\n  in "f.yml", line 1, column 5\nfound unexpected end of stream\n  in "f.yml", line 2, column 1`],
    ["op: *x\n", `found undefined alias 'x'\n  in "f.yml", line 1, column 5`],
    ["op:\n\tmain: x\n", `while scanning for the next token\nfound character '\\t' that cannot start any token\n  in "f.yml", line 2, column 1`],
  ];
  test.each(cases)("%j", (text, expected) => expect(message(text)).toBe(expected));

  test("other errors keep js-yaml's words", () => expect(message("a: b: c\n")).toContain("bad indentation of a mapping entry"));
  test("without a name, js-yaml's words", () => expect(() => loadYaml("op: [a, b")).toThrow("unexpected end of the stream within a flow collection"));
});
