// Which lines of a transcript are headings: ATX headings outside front matter, fences and examples.
import { describe, expect, it } from "vitest";
import { findHeadings } from "./headings.js";
import { parseTranscript } from "./parse.js";

describe("findHeadings", () => {
  it.each([
    { name: "levels and closing marks", text: "# One\n\n## Two ##\n\n###### Six\n", headings: ["1:1:One", "3:2:Two", "5:6:Six"] },
    { name: "up to three spaces in; four is code", text: "   # Three in\n    # code\n", headings: ["1:1:Three in"] },
    { name: "a mark needs a space after it", text: "#tag\n####### seven\n# C#\n#\n", headings: ["3:1:C#", "4:1:"] },
    { name: "not inside fences", text: "```\n# in a fence\n```\n~~~~\n# tilde\n```\n# still\n~~~~\n# After\n", headings: ["9:1:After"] },
    { name: "an unclosed fence runs to the end", text: "# Before\n```\n# inside\n", headings: ["1:1:Before"] },
    { name: "not in front matter", text: "---\n# a YAML comment\ndoctest: +ELLIPSIS\n---\n# Title\n", headings: ["5:1:Title"] },
    { name: "not in an example's output", text: "# Title\n>>> print('# out')\n# out\n\n# Next\n", headings: ["1:1:Title", "5:1:Next"] },
    { name: "CRLF line endings", text: "# One\r\n\r\n## Two\r\n", headings: ["1:1:One", "3:2:Two"] },
  ])("$name", ({ text, headings }) => {
    const found = findHeadings(parseTranscript(text, "t.md"));
    expect(found.map((heading) => `${heading.line}:${heading.level}:${heading.title}`), JSON.stringify(text)).toEqual(headings);
  });
});
