// click 8.1's formatting on fixed tables; expected texts are what click 8.1.3 (Guild 0.8.2's click) prints for the same calls.
import { describe, expect, test } from "vitest";
import { HelpFormatter, joinOptions, makeDefaultShortHelp, terminalColumns, wrapText, type DefinitionRow } from "./click-formatting.js";

const wrapCases: [text: string, width: number, initialIndent: string, subsequentIndent: string, preserveParagraphs: boolean, expected: string][] = [
  ["One paragraph that is long enough to need wrapping at a narrow width, with a hyphenated non-batch word.", 30, "", "", false, "One paragraph that is long\nenough to need wrapping at a\nnarrow width, with a\nhyphenated non-batch word."],
  ["First paragraph\nstill first.\n\nSecond paragraph, after an empty line.", 24, "  ", "  ", true, "  First paragraph still\n  first.\n\n  Second paragraph,\n  after an empty line."],
  ["Kept as written:\n\n\b\nline one\n  line two indented\n\nThen filled again, this paragraph wraps.", 20, "", "", true, "Kept as written:\n\nline one\n  line two indented\n\nThen filled again,\nthis paragraph\nwraps."],
  ["Intro.\n\n    --filter 'batch-size = 10 and loss < 0.8'\n\nIndented paragraphs keep their indent.", 30, "", "", true, "Intro.\n\n    --filter 'batch-size = 10\n    and loss < 0.8'\n\nIndented paragraphs keep their\nindent."],
  ["  \b\n  `a`\n  `b`", 40, "  ", "  ", true, "      `a`\n      `b`"],
  ["use '--terminated --error', or the short form '-Set'", 30, "", "", false, "use '--terminated --error', or\nthe short form '-Set'"],
  ["averyveryveryverylongwordwithoutanybreaks-and-hyphens-inside it", 16, "", "", false, "averyveryveryver\nylongwordwithout\nanybreaks-and-\nhyphens-inside\nit"],
  ["tab\tseparated\ttext", 30, "", "", false, "tab     separated       text"],
  ["line one\nline two", 30, "", "", false, "line one\nline two"],
];

test.each(wrapCases)("wrap_text(%j, %d, %j, %j, %s)", (text, width, initialIndent, subsequentIndent, preserveParagraphs, expected) => {
  expect(wrapText(text, width, initialIndent, subsequentIndent, preserveParagraphs)).toBe(expected);
});

const shortHelpCases: [help: string, maxLength: number, expected: string][] = [
  ["Show or manage runs.\n\nIf COMMAND is omitted, lists runs.", 45, "Show or manage runs."],
  ["Import one or more runs from `ARCHIVE`.", 45, "Import one or more runs from `ARCHIVE`."],
  ["A first sentence without a period that goes on and on", 30, "A first sentence without a..."],
  ["exactly fits here", 17, "exactly fits here"],
  ["\b\nKept block first line.", 45, "Kept block first line."],
  ["", 45, ""],
  ["Word", 2, "..."],
];

test.each(shortHelpCases)("make_default_short_help(%j, %d)", (help, maxLength, expected) => {
  expect(makeDefaultShortHelp(help, maxLength)).toBe(expected);
});

const definitionCases: [rows: DefinitionRow[], width: number, indent: number, expected: string][] = [
  [[["-a, --all", "Show all runs (by default only the last 20 runs are shown)."], ["--json", "Format runs as JSON."]], 78, 2, "  -a, --all  Show all runs (by default only the last 20 runs are shown).\n  --json     Format runs as JSON.\n"],
  [[["--a-very-long-option-name-indeed TEXT", "Goes below the name."], ["-x", ""]], 60, 0, "--a-very-long-option-name-indeed TEXT\n                                Goes below the name.\n-x\n"],
  [[["name", "First paragraph.\n\nSecond paragraph."]], 40, 4, "    name  First paragraph.\n          \n          Second paragraph.\n"],
];

describe("HelpFormatter", () => {
  test.each(definitionCases)("write_dl(%j) at width %d, indent %d", (rows, width, indent, expected) => {
    const formatter = new HelpFormatter(width);
    formatter.currentIndent = indent;
    formatter.writeDl(rows);
    expect(formatter.value()).toBe(expected);
  });

  const usageCases: [prog: string, args: string, width: number, expected: string][] = [
    ["guild runs list", "[OPTIONS]", 78, "Usage: guild runs list [OPTIONS]\n"],
    ["guild run", "[OPTIONS] [[MODEL:]OPERATION] [FLAG=VAL...] and more arguments to wrap around", 50, "Usage: guild run [OPTIONS] [[MODEL:]OPERATION]\n                 [FLAG=VAL...] and more arguments\n                 to wrap around\n"],
    ["guild a-very-long-command-path-that-leaves-no-room", "[OPTIONS] ARG", 60, "Usage: guild a-very-long-command-path-that-leaves-no-room \n           [OPTIONS] ARG\n"],
  ];

  test.each(usageCases)("write_usage(%j, %j) at width %d", (prog, args, width, expected) => {
    const formatter = new HelpFormatter(width);
    formatter.writeUsage(prog, args);
    expect(formatter.value()).toBe(expected);
  });
});

const joinCases: [options: string[], expected: string][] = [
  [["--limit", "-n"], "-n, --limit"],
  [["-m", "--max-trials", "--trials"], "-m, --max-trials, --trials"],
  [["--start", "--restart"], "--start, --restart"],
  [["-Fo", "--operation"], "-Fo, --operation"],
];

test.each(joinCases)("join_options(%j)", (options, expected) => {
  expect(joinOptions(options)).toBe(expected);
});

const widths: [env: Record<string, string>, ttyColumns: number | undefined, expected: number][] = [
  [{}, undefined, 80],
  [{}, 120, 120],
  [{ COLUMNS: "60" }, 120, 60],
  [{ COLUMNS: " 100 " }, undefined, 100],
  [{ COLUMNS: "0" }, 90, 90],
  [{ COLUMNS: "wide" }, undefined, 80],
];

test.each(widths)("terminal columns with env %j and a terminal of %s columns", (env, ttyColumns, expected) => {
  expect(terminalColumns(env, ttyColumns)).toBe(expected);
});
