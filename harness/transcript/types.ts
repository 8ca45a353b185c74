// Shapes of a parsed markdown transcript: its examples with their line spans, and its parse error.

export type OptionFlags = Record<string, boolean>;

export type Example = {
  index: number;
  kind: "python" | "shell";
  /** Source without prompts, lines joined by "\n" (no trailing newline). */
  source: string;
  /** 1-based markdown line of the first prompt. */
  sourceLine: number;
  sourceEndLine: number;
  /** Expected output; ends with "\n" when non-empty, like doctest. */
  want: string;
  /** 1-based, inclusive; both 0 when there is no expected output. */
  wantStartLine: number;
  wantEndLine: number;
  /** Column of the prompt in the markdown file. */
  indent: number;
  /** Overrides from `# doctest: +A, -B` directives in the source. */
  options: OptionFlags;
  /** Line of the first `# doctest:` directive, when there is one. */
  optionsLine?: number;
};

export type Transcript = {
  file: string;
  frontMatter: Record<string, unknown>;
  kind: "python" | "bash";
  /** Overrides from the front matter `doctest:` entry. */
  fileOptions: OptionFlags;
  examples: Example[];
  text: string;
};

/** A transcript that cannot be parsed; the message starts with `file:line: `. */
export class TranscriptError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = "TranscriptError";
    this.file = file;
    this.line = line;
  }
}
