import { describe, expect, it } from "vitest";
import { shellQuote, shellSplit } from "./shlex.js";

describe("shellSplit", () => {
  it.each([
    ["hello msg='${msg} (again)'", ["hello", "msg=${msg} (again)"]],
    ['a "b c" d\\ e', ["a", "b c", "d e"]],
    ["  ", []],
    ["x=''", ["x="]],
    ['say "a\\"b"', ["say", 'a"b']],
  ])("splits %j", (text, expected) => {
    expect(shellSplit(text)).toEqual(expected);
  });

  it("rejects an unclosed quote", () => {
    expect(() => shellSplit("a 'b")).toThrow("No closing quotation");
  });
});

describe("shellQuote", () => {
  it.each([
    ["", "''"],
    ["m4", "m4"],
    ["/abs/path/guild.yml", "/abs/path/guild.yml"],
    ["hello world", "'hello world'"],
    ["it's", "'it'\"'\"'s'"],
  ])("quotes %j", (word, expected) => {
    expect(shellQuote(word)).toBe(expected);
  });
});
