// The generated test module: what each markdown line holds, and which example a line belongs to.
import { describe, expect, it } from "vitest";
import { exampleStartLine } from "./example-lines.js";
import { transcriptModule } from "./transcript-module.js";

/** The module's lines past the imports on line 1, as `line: code` for the lines that hold any. */
function codeByLine(markdown: string): string[] {
  const { code } = transcriptModule(markdown, "/t.md", { module: "/suite.ts", repoRoot: "/repo" });
  return code
    .split("\n")
    .map((line, index) => `${index + 1}:${index === 0 ? line.replace(/^import .* from "\/suite\.ts"; const suite = transcriptSuite\("\/t\.md", "\/repo"\);/, "") : line}`)
    .filter((line) => !/^\d+:$/.test(line));
}

const test = (index: number) => ` if (suite.has(${index})) test(suite.title(${index}), suite.body(${index}));`;

describe("transcriptModule", () => {
  it.each([
    {
      name: "examples before any heading stay at the top",
      markdown: ">>> a\n\n# H\n\n>>> b\n",
      lines: [`1:${test(0)}`, '3: describe("H", () => {', `5:${test(1)}`, "6: });"],
    },
    {
      name: "headings nest by level and close at the next of theirs or above",
      markdown: "# A\n\n>>> a\n\n## B\n\n>>> b\n\n### C\n\n>>> c\n\n## D\n\n>>> d\n",
      lines: ['1: describe("A", () => {', `3:${test(0)}`, '5: describe("B", () => {', `7:${test(1)}`, '9: describe("C", () => {', `11:${test(2)}`, '13: }); }); describe("D", () => {', `15:${test(3)}`, "16: }); });"],
    },
    {
      name: "a heading with no examples under it makes no group",
      markdown: "# A\n\n## Empty\n\ntext\n\n## Full\n>>> x\n",
      lines: ['1: describe("A", () => {', '7: describe("Full", () => {', `8:${test(0)}`, "9: }); });"],
    },
    {
      name: "no examples: a skipped placeholder",
      markdown: "# Notes\n\ntext\n",
      lines: ["1: suite.empty();"],
    },
    {
      name: "cannot be parsed: the adapter reports it, no groups",
      markdown: "# A\n>>>x\n",
      lines: ["1: suite.empty();"],
    },
  ])("$name", ({ markdown, lines }) => {
    expect(codeByLine(markdown)).toEqual(lines);
  });

  it("maps line N of the module to line N of the markdown", () => {
    const { map } = transcriptModule("# A\n>>> a\n1\n", "/t.md", { module: "/suite.ts", repoRoot: "/repo" });
    expect(map.mappings).toBe("AAAA;AACA;AACA;AACA");
  });
});

describe("exampleStartLine", () => {
  const markdown = ["# Title", "", "    >>> for i in range(2):", "    ...     print(i)", "    0", "    1", "", "prose", "    >>> x"].join("\n");
  it.each([
    { line: 3, start: 3, why: "the first prompt" },
    { line: 4, start: 3, why: "a continuation line" },
    { line: 6, start: 3, why: "the last output line" },
    { line: 7, start: 7, why: "a blank line after it" },
    { line: 1, start: 1, why: "a heading" },
    { line: 9, start: 9, why: "an example with no output" },
  ])("line $line ($why) -> $start", ({ line, start }) => {
    expect(exampleStartLine(markdown, "t.md", line)).toBe(start);
  });
});
