// Markdown transcript -> examples, following CPython's DocTestParser (and Guild's bash variant).
import { readFrontMatter } from "./front-matter.js";
import { frontMatterOptions, parseOptionText } from "./options.js";
import { TranscriptError, type Example, type OptionFlags, type Transcript } from "./types.js";

type Dialect = {
  kind: Example["kind"];
  /** Indentation of a first prompt line, or -1 when the line is not one. */
  promptIndent(line: string): number;
  isContinuation(line: string): boolean;
  prompt: string;
  continuation: string;
  skipsCommentOnlySource: boolean;
};

const pythonDialect: Dialect = {
  kind: "python",
  promptIndent: (line) => {
    const m = /^( *)>>>/.exec(line);
    return m ? m[1]!.length : -1;
  },
  isContinuation: (line) => /^ *\.\.\./.test(line),
  prompt: ">>>",
  continuation: "...",
  skipsCommentOnlySource: true,
};

// Guild's BashDocTestParser: `$` prompts indented exactly four spaces, `>` continuations.
const bashDialect: Dialect = {
  kind: "shell",
  promptIndent: (line) => (/^ {4}\$/.test(line) ? 4 : -1),
  isContinuation: (line) => /^ {4}>/.test(line),
  prompt: "$",
  continuation: ">",
  skipsCommentOnlySource: false,
};

const BYTE_ORDER_MARK = "\ufeff";

export function parseTranscript(text: string, file: string): Transcript {
  if (text.startsWith(BYTE_ORDER_MARK)) {
    // Guild's runner reads it as text: front matter behind it is ignored, a first example unseen.
    throw new TranscriptError(file, 1, "the file starts with a UTF-8 byte order mark, which hides front matter and a first example from Guild's runner: save it without one");
  }
  const rawLines = text.split("\n");
  const lines = rawLines.map((line) => expandTabs(line.endsWith("\r") ? line.slice(0, -1) : line));
  const frontMatter = readFrontMatter(lines, file);
  const doctestType = frontMatter.data["doctest-type"] ?? "python";
  if (doctestType !== "python" && doctestType !== "bash") {
    const line = frontMatter.keyLines["doctest-type"] ?? frontMatter.startLine;
    throw new TranscriptError(file, line, `unsupported doctest type '${String(doctestType)}'`);
  }
  const fileOptions = frontMatterOptions(
    frontMatter.data["doctest"],
    file,
    frontMatter.keyLines["doctest"] ?? frontMatter.startLine,
  );
  const dialect = doctestType === "bash" ? bashDialect : pythonDialect;
  const examples = findExamples(lines, file, dialect);
  return { file, frontMatter: frontMatter.data, kind: doctestType, fileOptions, examples, text };
}

function findExamples(allLines: string[], file: string, dialect: Dialect): Example[] {
  // Like doctest, drop the indentation every non-blank line shares.
  const commonIndent = minIndent(allLines);
  const lines = commonIndent > 0 ? allLines.map((line) => line.slice(commonIndent)) : allLines;
  const examples: Example[] = [];
  let i = 0;
  while (i < lines.length) {
    const indent = dialect.promptIndent(lines[i]!);
    if (indent < 0) {
      i++;
      continue;
    }
    let sourceEnd = i + 1;
    while (sourceEnd < lines.length && dialect.isContinuation(lines[sourceEnd]!)) sourceEnd++;
    let wantEnd = sourceEnd;
    while (wantEnd < lines.length && isWantLine(lines[wantEnd]!)) wantEnd++;
    const sourceLines = lines.slice(i, sourceEnd);
    const wantLines = lines.slice(sourceEnd, wantEnd);
    checkSource(sourceLines, indent, i, file, dialect);
    checkWantIndent(wantLines, indent, sourceEnd, file);
    const promptWidth = dialect.prompt.length + 1;
    const source = sourceLines.map((line) => line.slice(indent + promptWidth)).join("\n");
    const { options, optionsLine } = findDirectiveOptions(sourceLines, i, file);
    const commentOnly = isBlankOrComment(source);
    if (commentOnly && optionsLine !== undefined) {
      throw new TranscriptError(file, optionsLine, "option directive on a line with no example");
    }
    if (!(commentOnly && dialect.skipsCommentOnlySource)) {
      const want = wantLines.length > 0 ? wantLines.map((line) => line.slice(indent)).join("\n") + "\n" : "";
      const example: Example = {
        index: examples.length,
        kind: dialect.kind,
        source,
        sourceLine: i + 1,
        sourceEndLine: sourceEnd,
        want,
        wantStartLine: wantLines.length > 0 ? sourceEnd + 1 : 0,
        wantEndLine: wantLines.length > 0 ? wantEnd : 0,
        indent: commonIndent + indent,
        options,
      };
      if (optionsLine !== undefined) example.optionsLine = optionsLine;
      examples.push(example);
    }
    i = wantEnd;
  }
  return examples;
}

// Expected output: any line that is neither blank (spaces only) nor a `>>>` prompt.
function isWantLine(line: string): boolean {
  return !/^ *$/.test(line) && !/^ *>>>/.test(line);
}

function checkSource(sourceLines: string[], indent: number, firstIndex: number, file: string, dialect: Dialect): void {
  const prefix = " ".repeat(indent) + dialect.continuation;
  sourceLines.slice(1).forEach((line, offset) => {
    if (!line.startsWith(prefix)) {
      throw new TranscriptError(file, firstIndex + offset + 2, `inconsistent leading whitespace: ${JSON.stringify(line)}`);
    }
  });
  const promptWidth = dialect.prompt.length;
  sourceLines.forEach((line, offset) => {
    if (line.length >= indent + promptWidth + 1 && line[indent + promptWidth] !== " ") {
      const prompt = line.slice(indent, indent + promptWidth);
      throw new TranscriptError(file, firstIndex + offset + 1, `lacks blank after ${prompt}: ${JSON.stringify(line)}`);
    }
  });
}

function checkWantIndent(wantLines: string[], indent: number, firstIndex: number, file: string): void {
  const prefix = " ".repeat(indent);
  wantLines.forEach((line, offset) => {
    if (!line.startsWith(prefix)) {
      throw new TranscriptError(file, firstIndex + offset + 1, `inconsistent leading whitespace: ${JSON.stringify(line)}`);
    }
  });
}

// doctest's _OPTION_DIRECTIVE_RE: `# doctest: ...` running to the end of a line without quotes.
function findDirectiveOptions(
  sourceLines: string[],
  firstIndex: number,
  file: string,
): { options: OptionFlags; optionsLine?: number } {
  const options: OptionFlags = {};
  let optionsLine: number | undefined;
  sourceLines.forEach((line, offset) => {
    const m = /#\s*doctest:\s*([^'"]*)$/.exec(line);
    if (!m) return;
    const lineNumber = firstIndex + offset + 1;
    const found = parseOptionText(m[1]!, file, lineNumber);
    if (Object.keys(found).length > 0 && optionsLine === undefined) optionsLine = lineNumber;
    Object.assign(options, found);
  });
  return optionsLine === undefined ? { options } : { options, optionsLine };
}

// doctest's _IS_BLANK_OR_COMMENT: the source is empty, spaces, or a single comment line.
function isBlankOrComment(source: string): boolean {
  const body = source.endsWith("\n") ? source.slice(0, -1) : source;
  return /^ *(#[^\n]*)?$/.test(body);
}

function minIndent(lines: string[]): number {
  let smallest = Infinity;
  for (const line of lines) {
    const m = /^( *)\S/.exec(line);
    if (m && m[1]!.length < smallest) smallest = m[1]!.length;
  }
  return smallest === Infinity ? 0 : smallest;
}

// Python's str.expandtabs(8) for one line.
function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const ch of line) {
    if (ch === "\t") out += " ".repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}
