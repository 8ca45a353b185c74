// click 8.1's help formatting (click/formatting.py): wrap_text with `\b` paragraphs, HelpFormatter, short help, joined option names.
import { splitLines } from "./docstrings.js";
import { parsePythonInt } from "./int.js";
import { expandTabs, pyLen, TextWrapper } from "./textwrap.js";
import { isPythonSpace, pythonLstrip, pythonStrip } from "./whitespace.js";

/** click's TextWrapper: long words cut where the line ends (never after a hyphen), plus extra indents. */
class ClickTextWrapper extends TextWrapper {
  protected override handleLongWord(reversedChunks: string[], currentLine: string[], currentLength: number, width: number): void {
    const spaceLeft = Math.max(width - currentLength, 1);
    if (this.breakLongWords) {
      const last = [...reversedChunks[reversedChunks.length - 1]!];
      currentLine.push(last.slice(0, spaceLeft).join(""));
      reversedChunks[reversedChunks.length - 1] = last.slice(spaceLeft).join("");
    } else if (!currentLine.length) {
      currentLine.push(reversedChunks.pop()!);
    }
  }

  withExtraIndent<T>(indent: string, body: () => T): T {
    const [initial, subsequent] = [this.initialIndent, this.subsequentIndent];
    this.initialIndent += indent;
    this.subsequentIndent += indent;
    try {
      return body();
    } finally {
      [this.initialIndent, this.subsequentIndent] = [initial, subsequent];
    }
  }

  /** Each line kept as written, behind the indents. */
  indentOnly(text: string): string {
    return splitLines(text)
      .map((line, index) => (index > 0 ? this.subsequentIndent : this.initialIndent) + line)
      .join("\n");
  }
}

/**
 * click.formatting.wrap_text: fills `text` to `width`. With `preserveParagraphs`, paragraphs (split at
 * empty lines) are filled one by one, each keeping its first line's indentation, and a paragraph whose
 * first line is `\b` keeps its lines as written.
 */
export function wrapText(text: string, width = 78, initialIndent = "", subsequentIndent = "", preserveParagraphs = false): string {
  const expanded = expandTabs(text);
  const wrapper = new ClickTextWrapper({ width, initialIndent, subsequentIndent, replaceWhitespace: false });
  if (!preserveParagraphs) return wrapper.fill(expanded);
  const paragraphs: { indent: number; raw: boolean; text: string }[] = [];
  let buffer: string[] = [];
  let indent: number | null = null;
  const flush = () => {
    if (!buffer.length) return;
    if (pythonStrip(buffer[0]!) === "\b") paragraphs.push({ indent: indent ?? 0, raw: true, text: buffer.slice(1).join("\n") });
    else paragraphs.push({ indent: indent ?? 0, raw: false, text: buffer.join(" ") });
    buffer = [];
  };
  for (let line of splitLines(expanded)) {
    if (!line) {
      flush();
      indent = null;
      continue;
    }
    if (indent === null) {
      const length = pyLen(line);
      line = pythonLstrip(line);
      indent = length - pyLen(line);
    }
    buffer.push(line);
  }
  flush();
  return paragraphs
    .map((paragraph) =>
      wrapper.withExtraIndent(" ".repeat(paragraph.indent), () => (paragraph.raw ? wrapper.indentOnly(paragraph.text) : wrapper.fill(paragraph.text))),
    )
    .join("\n\n");
}

/**
 * The terminal's columns as shutil.get_terminal_size finds them (click wraps help for them): COLUMNS when it holds a
 * positive integer, else the terminal's width (when standard output is one), else 80.
 */
export function terminalColumns(env: Readonly<Record<string, string | undefined>>, ttyColumns?: number): number {
  const fromEnv = env.COLUMNS === undefined ? null : parsePythonInt(env.COLUMNS);
  if (fromEnv !== null && fromEnv > 0n) return Number(fromEnv);
  return ttyColumns || 80;
}

/** The width click gives help text: the terminal's columns (shutil.get_terminal_size) clamped to 80, less 2, at least 50. */
export function helpWidth(terminalColumns: number, maxWidth = 80): number {
  return Math.max(Math.min(terminalColumns, maxWidth) - 2, 50);
}

/** A definition list row: term and its text. */
export type DefinitionRow = readonly [term: string, text: string];

/** click.formatting.HelpFormatter: writes usage, headings, wrapped text and definition lists into a buffer. */
export class HelpFormatter {
  currentIndent = 0;
  protected buffer: string[] = [];

  constructor(
    readonly width: number,
    readonly indentIncrement = 2,
  ) {}

  write(text: string): void {
    this.buffer.push(text);
  }

  indent(): void {
    this.currentIndent += this.indentIncrement;
  }

  dedent(): void {
    this.currentIndent -= this.indentIncrement;
  }

  /** `Usage: PROG ARGS`, the arguments wrapped beside the prefix (or below it when the prefix is long). */
  writeUsage(prog: string, args = "", prefix = "Usage: "): void {
    const usagePrefix = `${prefix.padStart(this.currentIndent)}${prog} `;
    const textWidth = this.width - this.currentIndent;
    if (textWidth >= pyLen(usagePrefix) + 20) {
      const indent = " ".repeat(pyLen(usagePrefix));
      this.write(wrapText(args, textWidth, usagePrefix, indent));
    } else {
      this.write(usagePrefix);
      this.write("\n");
      const indent = " ".repeat(Math.max(this.currentIndent, pyLen(prefix)) + 4);
      this.write(wrapText(args, textWidth, indent, indent));
    }
    this.write("\n");
  }

  writeHeading(heading: string): void {
    this.write(`${" ".repeat(this.currentIndent)}${heading}:\n`);
  }

  /** An empty line, unless nothing has been written yet. */
  writeParagraph(): void {
    if (this.buffer.length) this.write("\n");
  }

  /** Text re-wrapped at the current indentation, paragraphs kept. */
  writeText(text: string): void {
    const indent = " ".repeat(this.currentIndent);
    this.write(wrapText(text, this.width, indent, indent, true));
    this.write("\n");
  }

  /** Terms padded to the widest (at most colMax) plus colSpacing, each text wrapped beside its term. */
  writeDl(rows: readonly DefinitionRow[], colMax = 30, colSpacing = 2): void {
    this.writeDefinitions(rows, colMax, colSpacing, { preserveParagraphs: true, separateLongRows: false });
  }

  /**
   * The loop of write_dl; `preserveParagraphs` wraps texts by paragraph, `separateLongRows` follows a text
   * of several lines with an empty line (the patched write_dl some click users install).
   */
  protected writeDefinitions(
    rows: readonly DefinitionRow[],
    colMax: number,
    colSpacing: number,
    how: { preserveParagraphs: boolean; separateLongRows: boolean },
  ): void {
    if (!rows.length) throw new TypeError("Expected two columns for definition list");
    const firstCol = Math.min(Math.max(...rows.map(([term]) => pyLen(term))), colMax) + colSpacing;
    const pad = " ".repeat(this.currentIndent);
    for (const [first, second] of rows) {
      this.write(`${pad}${first}`);
      if (!second) {
        this.write("\n");
        continue;
      }
      if (pyLen(first) <= firstCol - colSpacing) this.write(" ".repeat(firstCol - pyLen(first)));
      else this.write("\n" + " ".repeat(firstCol + this.currentIndent));
      const textWidth = Math.max(this.width - firstCol - 2, 10);
      const lines = splitLines(wrapText(second, textWidth, "", "", how.preserveParagraphs));
      if (!lines.length) {
        this.write("\n");
        continue;
      }
      this.write(`${lines[0]}\n`);
      for (const line of lines.slice(1)) this.write(`${" ".repeat(firstCol + this.currentIndent)}${line}\n`);
      if (how.separateLongRows && lines.length > 1) this.write("\n");
    }
  }

  /** An empty line, `NAME:` and the body one level in. */
  section(name: string, body: () => void): void {
    this.writeParagraph();
    this.writeHeading(name);
    this.indentation(body);
  }

  indentation(body: () => void): void {
    this.indent();
    try {
      body();
    } finally {
      this.dedent();
    }
  }

  value(): string {
    return this.buffer.join("");
  }
}

/** str.split() with no arguments: the words between runs of Python whitespace. */
function pythonSplit(text: string): string[] {
  const words: string[] = [];
  let word = "";
  for (const char of text) {
    if (!isPythonSpace(char)) word += char;
    else if (word) {
      words.push(word);
      word = "";
    }
  }
  if (word) words.push(word);
  return words;
}

/** click.utils.make_default_short_help: the first sentence of the first paragraph, or its words cut to `maxLength` with `...`. */
export function makeDefaultShortHelp(help: string, maxLength = 45): string {
  const paragraphEnd = help.indexOf("\n\n");
  const paragraph = paragraphEnd === -1 ? help : help.slice(0, paragraphEnd);
  let words = pythonSplit(paragraph);
  if (!words.length) return "";
  if (words[0] === "\b") words = words.slice(1);
  let totalLength = 0;
  const lastIndex = words.length - 1;
  let index = 0;
  let truncated = false;
  for (; index < words.length; index++) {
    const word = words[index]!;
    totalLength += pyLen(word) + (index > 0 ? 1 : 0);
    if (totalLength > maxLength) {
      truncated = true;
      break;
    }
    if (word.endsWith(".")) return words.slice(0, index + 1).join(" ");
    if (totalLength === maxLength && index !== lastIndex) {
      truncated = true;
      break;
    }
  }
  if (!truncated) return words.join(" ");
  totalLength += 3;
  while (index > 0) {
    totalLength -= pyLen(words[index]!) + (index > 0 ? 1 : 0);
    if (totalLength <= maxLength) break;
    index -= 1;
  }
  return words.slice(0, index).join(" ") + "...";
}

/** click.formatting.join_options: option names, shortest prefix first (`-n, --limit`). */
export function joinOptions(options: readonly string[]): string {
  const prefixLength = (option: string) => (/^[\p{L}\p{N}]/u.test(option) ? 0 : option[1] === option[0] ? 2 : 1);
  return [...options]
    .map((option, position) => ({ option, position, length: prefixLength(option) }))
    .sort((a, b) => a.length - b.length || a.position - b.position)
    .map(({ option }) => option)
    .join(", ");
}
