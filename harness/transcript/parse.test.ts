// Table-driven tests of the transcript parser, plus a cross-check against CPython's DocTestParser.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseTranscript } from "./parse.js";
import { TranscriptError } from "./types.js";

type Expected = Partial<{
  kind: string;
  source: string;
  want: string;
  sourceLine: number;
  sourceEndLine: number;
  wantStartLine: number;
  wantEndLine: number;
  indent: number;
  options: Record<string, boolean>;
  optionsLine: number;
}>;

const cases: Array<{ name: string; text: string; examples: Expected[] }> = [
  {
    name: "indented example with output",
    text: "Intro\n\n    >>> run('guild runs')\n    [1]  op  completed\n\nAfter\n",
    examples: [
      { kind: "python", source: "run('guild runs')", want: "[1]  op  completed\n", sourceLine: 3, sourceEndLine: 3, wantStartLine: 4, wantEndLine: 4, indent: 4 },
    ],
  },
  {
    name: "continuation lines and no output",
    text: "    >>> for i in range(2):\n    ...     print(i)\n    ...\n",
    examples: [{ source: "for i in range(2):\n    print(i)\n", want: "", sourceLine: 1, sourceEndLine: 3, wantStartLine: 0, wantEndLine: 0 }],
  },
  {
    name: "output stops at the next prompt",
    text: ">>> a\n1\n>>> b\n2\n3\n",
    examples: [
      { source: "a", want: "1\n", wantStartLine: 2, wantEndLine: 2, indent: 0 },
      { source: "b", want: "2\n3\n", sourceLine: 3, wantStartLine: 4, wantEndLine: 5 },
    ],
  },
  {
    name: "deeper-indented output keeps its extra indentation",
    text: "  >>> x\n    indented\n  flush\n",
    examples: [{ want: "  indented\nflush\n", indent: 2 }],
  },
  {
    name: "lines inside fenced code blocks count, the fence line too",
    text: "```\n>>> x\nout\n```\n",
    examples: [{ want: "out\n```\n" }],
  },
  {
    name: "comment-only source is not an example",
    text: ">>> # just a note\n>>> y\n",
    examples: [{ source: "y", sourceLine: 2 }],
  },
  {
    name: "directive options",
    text: "    >>> run('x')  # doctest: +REPORT_UDIFF, -WINDOWS\n    out\n",
    examples: [{ options: { REPORT_UDIFF: true, WINDOWS: false }, optionsLine: 1 }],
  },
  {
    name: "tabs are expanded before parsing",
    text: "\t>>> x\n\tout\n",
    examples: [{ source: "x", want: "out\n", indent: 8 }],
  },
  {
    name: "CRLF line endings",
    text: ">>> x\r\nout\r\n\r\n",
    examples: [{ source: "x", want: "out\n" }],
  },
  {
    name: "bash transcript",
    text: "---\ndoctest-type: bash\n---\n\n    $ guild run op \\\n    >   -y\n    done\n    <exit 0>\n\n    >>> not_python\n",
    examples: [{ kind: "shell", source: "guild run op \\\n  -y", want: "done\n<exit 0>\n", sourceLine: 5, sourceEndLine: 6, wantStartLine: 7, wantEndLine: 8, indent: 4 }],
  },
];

describe("parseTranscript", () => {
  it.each(cases)("$name", ({ text, examples }) => {
    const transcript = parseTranscript(text, "t.md");
    expect(transcript.examples.length, JSON.stringify(text)).toBe(examples.length);
    examples.forEach((expected, i) => {
      expect(transcript.examples[i], JSON.stringify(text)).toMatchObject(expected);
      expect(transcript.examples[i]!.index).toBe(i);
    });
  });

  const frontMatterCases = [
    { text: "---\ndoctest: -WINDOWS\n---\n", fileOptions: { WINDOWS: false }, kind: "python" },
    { text: "\n---\ndoctest: \"+FIXME, -MACOS\"\n---\n", fileOptions: { FIXME: true, MACOS: false }, kind: "python" },
    { text: "---\ndoctest:\n  - +STRICT\n  - -PY3 +PY36\n---\n", fileOptions: { STRICT: true, PY3: false, PY36: true }, kind: "python" },
    { text: "---\ndoctest: -PY3 +PY36  # a YAML comment\n---\n", fileOptions: { PY3: false, PY36: true }, kind: "python" },
    { text: "---\ndoctest-type: bash\n---\n", fileOptions: {}, kind: "bash" },
    { text: "# Title\n---\ndoctest: -WINDOWS\n---\n", fileOptions: {}, kind: "python" },
  ];
  it.each(frontMatterCases)("front matter $text", ({ text, fileOptions, kind }) => {
    const transcript = parseTranscript(text, "t.md");
    expect(transcript.fileOptions).toEqual(fileOptions);
    expect(transcript.kind).toBe(kind);
  });

  const errorCases = [
    { text: "    >>> x\n  out\n", message: "t.md:2: inconsistent leading whitespace" },
    { text: "    >>> x\n      ... y\n", message: "t.md:2: inconsistent leading whitespace" },
    { text: ">>>x\n", message: "t.md:1: lacks blank after >>>" },
    { text: ">>> x\n... y  # doctest: +NOPE\n", message: "t.md:2: invalid doctest option: '+NOPE'" },
    { text: ">>> x  # doctest: ELLIPSIS\n", message: "t.md:1: invalid doctest option: 'ELLIPSIS'" },
    { text: ">>> # doctest: +SKIP\n", message: "t.md:1: option directive on a line with no example" },
    { text: "---\ndoctest: +BOGUS\n---\n", message: "t.md:2: invalid doctest option: '+BOGUS'" },
    { text: "---\ndoctest-type: zsh\n---\n", message: "t.md:2: unsupported doctest type 'zsh'" },
    { text: "---\ndoctest: [\n---\n", message: "t.md:1: invalid front matter" },
    { text: "---\ndoctest: -WINDOWS\n", message: "t.md:1: front matter has no closing '---'" },
    { text: "---\ndoctest-type: bash\n---\n    $x\n", message: "t.md:4: lacks blank after $" },
    // Guild's runner would skip the front matter or the first example behind a byte order mark.
    { text: "\ufeff---\ndoctest: -WINDOWS\n---\n", message: "t.md:1: the file starts with a UTF-8 byte order mark" },
    { text: "\ufeff    >>> x\n", message: "t.md:1: the file starts with a UTF-8 byte order mark" },
    { text: "\ufeff>>> x\n1\n", message: "t.md:1: the file starts with a UTF-8 byte order mark" },
  ];
  it.each(errorCases)("rejects $text", ({ text, message }) => {
    let error: unknown;
    try {
      parseTranscript(text, "t.md");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TranscriptError);
    expect((error as TranscriptError).message.startsWith(message), (error as Error).message).toBe(true);
    expect((error as TranscriptError).file).toBe("t.md");
  });
});

// The same texts through CPython's parser: source, want, 0-based line and indent must agree.
const crossCheckTexts = [
  "Intro\n\n    >>> run('guild runs')\n    [1]  op  completed\n\nAfter\n",
  "    >>> for i in range(2):\n    ...     print(i)\n    ...\n",
  ">>> a\n1\n>>> b\n2\n3\n",
  "  >>> x\n    indented\n  flush\n",
  "```\n>>> x\nout\n```\n",
  ">>> # just a note\n>>> y\n",
  "\t>>> x\n\tout\n",
  "  prose\n    >>> x\n    <BLANKLINE>\n    y\n      z\n\n  more\n    >>> a\n    ... b\n",
  ">>> a\n???\n    ...\n>>>\n>>> b\nx   \n   \n",
];

describe("parseTranscript agrees with doctest.DocTestParser", () => {
  const script = [
    "import doctest, json, sys",
    "out = []",
    "for text in json.load(sys.stdin):",
    "    exs = doctest.DocTestParser().get_examples(text)",
    "    out.append([[e.source, e.want, e.lineno, e.indent] for e in exs])",
    "print(json.dumps(out))",
  ].join("\n");
  const verdicts = JSON.parse(
    execFileSync("python3", ["-c", script], { input: JSON.stringify(crossCheckTexts), encoding: "utf8" }),
  ) as Array<Array<[string, string, number, number]>>;
  it.each(crossCheckTexts.map((text, i) => ({ text, expected: verdicts[i]! })))("$text", ({ text, expected }) => {
    const actual = parseTranscript(text, "t.md").examples.map((e) => [
      e.source.endsWith("\n") || e.source === "" ? e.source : e.source + "\n",
      e.want,
      e.sourceLine - 1,
      e.indent,
    ]);
    expect(actual).toEqual(expected);
  });
});
