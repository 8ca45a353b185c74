// Help pages from option tables: Guild's markup, click's layout and wrapping; expected pages are what Guild's formatter prints for the same click commands.
import { expect, test } from "vitest";
import { formatHelp, renderDoc } from "./help.js";
import type { CommandSpec } from "./options.js";

const apply: CommandSpec = {
  name: "apply",
  help: "Apply an operation whose description goes on far beyond forty-five characters",
  options: [
    { name: "name", flags: ["--name"], kind: "value", help: "A name." },
    { name: "count", flags: ["--count"], kind: "value", type: "int", help: "How many; a longer help text that wraps onto a second line here." },
    { name: "secret", flags: ["--secret"], kind: "value", help: "", hidden: true },
    { name: "quiet", flags: ["-q", "--quiet"], kind: "flag", help: "Say less." },
  ],
  arguments: [{ name: "items", metavar: "[ITEM...]", variadic: true }],
};

const tool: CommandSpec = {
  name: "tool",
  help: `A tool with \`\`markup\`\` and \`code\`.

### Some Section

**NOTE:** kept words, and a long line that must wrap at the given width because it is long.

  \b
  \`kept as\`
  \`written\``,
  options: [{ name: "limit", flags: ["--limit", "-n"], kind: "value", type: "int", min: 1, help: "Limit the \`N\` things shown." }],
  arguments: [],
  subcommands: [{ name: "delete", aliases: ["rm"], help: "Delete things. More words follow here.", options: [], arguments: [] }, apply],
};

const pages: [name: string, spec: CommandSpec, path: string, columns: number, expected: string][] = [
  ["@80", tool, "tool", 80, `Usage: tool [OPTIONS] COMMAND [ARGS]...

  A tool with 'markup' and code.

  SOME SECTION

  NOTE: kept words, and a long line that must wrap at the given width because
  it is long.

      kept as
      written

Options:
  -n, --limit INTEGER RANGE  Limit the N things shown.
  --help                     Show this message and exit.

Commands:
  apply       Apply an operation whose description goes on far beyond...
  delete, rm  Delete things.
`],
  ["apply@80", apply, "tool apply", 80, `Usage: tool apply [OPTIONS] [ITEM...]

  Apply an operation whose description goes on far beyond forty-five
  characters

Options:
  --name TEXT      A name.
  --count INTEGER  How many; a longer help text that wraps onto a second line
                   here.

  -q, --quiet      Say less.
  --help           Show this message and exit.
`],
  ["apply@60", apply, "tool apply", 60, `Usage: tool apply [OPTIONS] [ITEM...]

  Apply an operation whose description goes on far beyond
  forty-five characters

Options:
  --name TEXT      A name.
  --count INTEGER  How many; a longer help text that wraps
                   onto a second line here.

  -q, --quiet      Say less.
  --help           Show this message and exit.
`],
];

test.each(pages)("%s", (_name, spec, path, columns, expected) => {
  expect(formatHelp(spec, path, columns)).toBe(expected);
});

const sections = { "support.runs": "RUNS\n\n", "x": "X" };
const placeholders17 = Array.from({ length: 17 }, () => "{{ x }}").join("\n");

const docs: [doc: string, expected: string | { error: string }][] = [
  ["No sections.", "No sections."],
  ["Intro.\n\n{{ support.runs }}\n\nAfter.", "Intro.\n\nRUNS\n\n\n\nAfter."],
  ["{{support.runs}}", "RUNS\n\n"],
  ["  {{   x   }}  trailing", "  X  trailing"],
  ["{{ nope }}", { error: "help text names an unknown section: nope" }],
  ["{{ x }} and {{ x }}", { error: "help text names an unknown section: x }} and {{ x" }],
  [placeholders17, Array.from({ length: 16 }, () => "X").join("\n") + "\n{{ x }}"],
];

test.each(docs)("render_doc(%j)", (doc, expected) => {
  let actual: string | { error: string };
  try {
    actual = renderDoc(doc, sections);
  } catch (error) {
    actual = { error: (error as Error).message };
  }
  expect(actual).toEqual(expected);
});
