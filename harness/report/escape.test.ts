// Control characters written out as Python's repr writes them; tabs, newlines and text left alone.
import { describe, expect, it } from "vitest";
import { escapeControls } from "./escape.js";

describe("escapeControls", () => {
  it.each([
    ["plain text\twith tab\n", "plain text\twith tab\n", false],
    ["\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m", true],
    ["over\rwrite", "over\\rwrite", true],
    ["nul\x00 bell\x07 del\x7f c1\x9b", "nul\\x00 bell\\x07 del\\x7f c1\\x9b", true],
    ["vt\x0b ff\x0c", "vt\\x0b ff\\x0c", true],
    ["é ü 日本", "é ü 日本", false],
  ])("%j", (text, expected, escaped) => {
    expect(escapeControls(text)).toEqual({ text: expected, escaped });
  });
});
