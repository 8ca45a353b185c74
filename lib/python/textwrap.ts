// Python's textwrap.TextWrapper (3.11): chunks split after hyphens, greedy filling, long words cut, str.expandtabs.
import { compilePythonRegex } from "./regex.js";
import { pythonLstrip, pythonRstrip, pythonStrip } from "./whitespace.js";

/** textwrap's own whitespace: US-ASCII only, so a no-break space never breaks a line. */
const TEXTWRAP_WHITESPACE = "\t\n\x0b\x0c\r ";

const WORD_PUNCT = String.raw`[\w!"\'&.,?]`;
const LETTER = String.raw`[^\d\W]`;
const WHITESPACE = String.raw`[\t\n\x0b\x0c\r ]`;
const NO_WHITESPACE = String.raw`[^\t\n\x0b\x0c\r ]`;

// CPython's wordsep_re, verbatim: "Hello there -- you goof-ball" splits into Hello/ /there/ /--/ /you/ /goof-/ball.
const WORDSEP_SOURCE = String.raw`(?x)
        ( # any whitespace
          %(ws)s+
        | # em-dash between words
          (?<=%(wp)s) -{2,} (?=\w)
        | # word, possibly hyphenated
          %(nws)s+? (?:
            # hyphenated word
              -(?: (?<=%(lt)s{2}-) | (?<=%(lt)s-%(lt)s-))
              (?= %(lt)s -? %(lt)s)
            | # end of word
              (?=%(ws)s|\Z)
            | # em-dash
              (?<=%(wp)s) (?=-{2,}\w)
            )
        )`
  .replaceAll("%(wp)s", WORD_PUNCT)
  .replaceAll("%(lt)s", LETTER)
  .replaceAll("%(ws)s", WHITESPACE)
  .replaceAll("%(nws)s", NO_WHITESPACE);

// Both compiled on first use: a command that wraps no text never translates them.
let wordsep: RegExp | undefined;
let wordsepSimple: RegExp | undefined;
const wordsepRegex = () => (wordsep ??= compilePythonRegex(WORDSEP_SOURCE));
const wordsepSimpleRegex = () => (wordsepSimple ??= compilePythonRegex(`(${WHITESPACE}+)`));
const SENTENCE_END = /[a-z][.!?]["']?$/;

/** len() of a str: code points, not UTF-16 units. */
export const pyLen = (text: string): number => [...text].length;

/** s[start:end] of a str, by code points. */
const pySlice = (text: string, start: number, end?: number): string => [...text].slice(start, end).join("");

/** str.expandtabs(tabsize): each tab up to the next multiple of tabsize columns; \n and \r restart the column. */
export function expandTabs(text: string, tabsize = 8): string {
  let out = "";
  let column = 0;
  for (const char of text) {
    if (char === "\t") {
      const spaces = tabsize > 0 ? tabsize - (column % tabsize) : 0;
      out += " ".repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column = char === "\n" || char === "\r" ? 0 : column + 1;
    }
  }
  return out;
}

export interface TextWrapperOptions {
  width?: number;
  initialIndent?: string;
  subsequentIndent?: string;
  expandTabs?: boolean;
  replaceWhitespace?: boolean;
  fixSentenceEndings?: boolean;
  breakLongWords?: boolean;
  dropWhitespace?: boolean;
  breakOnHyphens?: boolean;
  tabsize?: number;
  maxLines?: number | null;
  placeholder?: string;
}

/** textwrap.TextWrapper with the same attributes (camelCased) and the same methods to override. */
export class TextWrapper {
  width: number;
  initialIndent: string;
  subsequentIndent: string;
  expandTabs: boolean;
  replaceWhitespace: boolean;
  fixSentenceEndings: boolean;
  breakLongWords: boolean;
  dropWhitespace: boolean;
  breakOnHyphens: boolean;
  tabsize: number;
  maxLines: number | null;
  placeholder: string;

  constructor(options: TextWrapperOptions = {}) {
    this.width = options.width ?? 70;
    this.initialIndent = options.initialIndent ?? "";
    this.subsequentIndent = options.subsequentIndent ?? "";
    this.expandTabs = options.expandTabs ?? true;
    this.replaceWhitespace = options.replaceWhitespace ?? true;
    this.fixSentenceEndings = options.fixSentenceEndings ?? false;
    this.breakLongWords = options.breakLongWords ?? true;
    this.dropWhitespace = options.dropWhitespace ?? true;
    this.breakOnHyphens = options.breakOnHyphens ?? true;
    this.tabsize = options.tabsize ?? 8;
    this.maxLines = options.maxLines ?? null;
    this.placeholder = options.placeholder ?? " [...]";
  }

  protected mungeWhitespace(text: string): string {
    let out = this.expandTabs ? expandTabs(text, this.tabsize) : text;
    if (this.replaceWhitespace) out = [...out].map((char) => (TEXTWRAP_WHITESPACE.includes(char) ? " " : char)).join("");
    return out;
  }

  protected split(text: string): string[] {
    return text.split(this.breakOnHyphens ? wordsepRegex() : wordsepSimpleRegex()).filter((chunk) => chunk);
  }

  protected fixEndings(chunks: string[]): void {
    let index = 0;
    while (index < chunks.length - 1) {
      if (chunks[index + 1] === " " && SENTENCE_END.test(chunks[index]!)) {
        chunks[index + 1] = "  ";
        index += 2;
      } else index += 1;
    }
  }

  /** A chunk too long for any line: cut it (after its last hyphen that fits, when breaking on hyphens). */
  protected handleLongWord(reversedChunks: string[], currentLine: string[], currentLength: number, width: number): void {
    const spaceLeft = width < 1 ? 1 : width - currentLength;
    if (this.breakLongWords) {
      let end = spaceLeft;
      const chunk = reversedChunks[reversedChunks.length - 1]!;
      if (this.breakOnHyphens && pyLen(chunk) > spaceLeft) {
        const head = [...chunk].slice(0, spaceLeft);
        const hyphen = head.lastIndexOf("-");
        if (hyphen > 0 && head.slice(0, hyphen).some((char) => char !== "-")) end = hyphen + 1;
      }
      currentLine.push(pySlice(chunk, 0, end));
      reversedChunks[reversedChunks.length - 1] = pySlice(chunk, end);
    } else if (!currentLine.length) {
      currentLine.push(reversedChunks.pop()!);
    }
  }

  protected wrapChunks(chunks: string[]): string[] {
    const lines: string[] = [];
    if (this.width <= 0) throw new RangeError(`invalid width ${this.width} (must be > 0)`);
    if (this.maxLines !== null) {
      const indent = this.maxLines > 1 ? this.subsequentIndent : this.initialIndent;
      if (pyLen(indent) + pyLen(pythonLstrip(this.placeholder)) > this.width) throw new RangeError("placeholder too large for max width");
    }
    chunks.reverse();
    const last = () => chunks[chunks.length - 1]!;
    const isBlank = (chunk: string) => pythonStrip(chunk) === "";
    while (chunks.length) {
      let currentLine: string[] = [];
      let currentLength = 0;
      const indent = lines.length ? this.subsequentIndent : this.initialIndent;
      const width = this.width - pyLen(indent);
      if (this.dropWhitespace && isBlank(last()) && lines.length) chunks.pop();
      while (chunks.length) {
        const length = pyLen(last());
        if (currentLength + length <= width) {
          currentLine.push(chunks.pop()!);
          currentLength += length;
        } else break;
      }
      if (chunks.length && pyLen(last()) > width) {
        this.handleLongWord(chunks, currentLine, currentLength, width);
        currentLength = currentLine.reduce((sum, chunk) => sum + pyLen(chunk), 0);
      }
      if (this.dropWhitespace && currentLine.length && isBlank(currentLine[currentLine.length - 1]!)) {
        currentLength -= pyLen(currentLine.pop()!);
      }
      if (!currentLine.length) continue;
      const fits =
        this.maxLines === null ||
        lines.length + 1 < this.maxLines ||
        ((!chunks.length || (this.dropWhitespace && chunks.length === 1 && !pythonStrip(chunks[0]!))) && currentLength <= width);
      if (fits) {
        lines.push(indent + currentLine.join(""));
        continue;
      }
      this.truncate(lines, currentLine, currentLength, indent, width);
      break;
    }
    return lines;
  }

  /** max_lines reached: end the text with the placeholder where it fits. */
  private truncate(lines: string[], currentLine: string[], currentLength: number, indent: string, width: number): void {
    while (currentLine.length) {
      if (pythonStrip(currentLine[currentLine.length - 1]!) && currentLength + pyLen(this.placeholder) <= width) {
        currentLine.push(this.placeholder);
        lines.push(indent + currentLine.join(""));
        return;
      }
      currentLength -= pyLen(currentLine.pop()!);
    }
    if (lines.length) {
      const previous = pythonRstrip(lines[lines.length - 1]!);
      if (pyLen(previous) + pyLen(this.placeholder) <= this.width) {
        lines[lines.length - 1] = previous + this.placeholder;
        return;
      }
    }
    lines.push(indent + pythonLstrip(this.placeholder));
  }

  /** The lines of one paragraph, each at most `width` long (unless a long word may not be cut). */
  wrap(text: string): string[] {
    const chunks = this.split(this.mungeWhitespace(text));
    if (this.fixSentenceEndings) this.fixEndings(chunks);
    return this.wrapChunks(chunks);
  }

  /** wrap() joined with newlines. */
  fill(text: string): string {
    return this.wrap(text).join("\n");
  }
}
