// Tokenizer: token kinds and values, indentation, implicit line joining, string forms and lexical errors.
import { describe, expect, test } from "vitest";
import { PySyntaxError, tokenize } from "./tokenize.js";

function show(source: string): string {
  return tokenize(source).map((token) => (token.type === "op" || token.type === "name" || token.type === "number" ? token.value
    : token.type === "string" ? `${token.formatted ? "f" : ""}${JSON.stringify(token.value)}`
    : token.type.toUpperCase())).join(" ");
}

describe("tokenize", () => {
  test.each([
    ["x = 1", "x = 1 NEWLINE EOF"],
    ["a.b[0](c, d=2)", "a . b [ 0 ] ( c , d = 2 ) NEWLINE EOF"],
    ["x += 2 ** 3 // 4", "x += 2 ** 3 // 4 NEWLINE EOF"],
    ["a != b <= c >> 1", "a != b <= c >> 1 NEWLINE EOF"],
    ["1.5 .5 1e-3 0x1F 1_000 5.", "1.5 .5 1e-3 0x1F 1_000 5. NEWLINE EOF"],
    ["'a' \"b\" '''c\nd''' r'\\n' 'e\\tf'", '"a" "b" "c\\nd" "\\\\n" "e\\tf" NEWLINE EOF'],
    ["f'{x!r}'", 'f"{x!r}" NEWLINE EOF'],
    ["'\\x41\\u00e9\\101\\N'", '"AéA\\\\N" NEWLINE EOF'],
    ["run('x')   # doctest: +REPORT_UDIFF", 'run ( "x" ) NEWLINE EOF'],
    ["for x in y:\n    print(x)\n", "for x in y : NEWLINE INDENT print ( x ) NEWLINE DEDENT EOF"],
    ["if a:\n    if b:\n        c\nd", "if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT DEDENT d NEWLINE EOF"],
    ["f(1,\n  2)\n", "f ( 1 , 2 ) NEWLINE EOF"],
    ["x = 1 + \\\n  2", "x = 1 + 2 NEWLINE EOF"],
    ["if a:\n\n    # comment\n    b\n", "if a : NEWLINE INDENT b NEWLINE DEDENT EOF"],
    ["café = 1", "café = 1 NEWLINE EOF"],
  ])("%j", (source, expected) => {
    expect(show(source)).toBe(expected);
  });

  test("tokens carry 0-based lines", () => {
    expect(tokenize("a\nb\n'''x\ny'''\nc").filter((token) => token.type !== "newline" && token.type !== "eof").map((token) => token.line))
      .toEqual([0, 1, 2, 4]);
  });

  test.each([
    ["'abc", "unterminated string literal", 0],
    ["x = '''abc", "unterminated triple-quoted string literal", 0],
    ["(1,\n2", "'(' was never closed", 0],
    ["x)", "unmatched ')'", 0],
    ["(]", "closing parenthesis ']' does not match opening parenthesis '('", 0],
    ["x = 1\n$", "invalid character '$' (U+0024)", 1],
    ["1abc", "invalid decimal literal", 0],
    ["if a:\n    b\n  c", "unindent does not match any outer indentation level", 2],
  ])("%j fails with %s", (source, message, lineOffset) => {
    let caught: unknown;
    try {
      tokenize(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PySyntaxError);
    expect((caught as PySyntaxError).message).toBe(message);
    expect((caught as PySyntaxError).lineOffset).toBe(lineOffset);
  });
});
