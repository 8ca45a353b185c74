// Writes new expected outputs into a transcript's text, leaving every other byte as it was.

/** What rewriting needs to know of an example (a transcript Example has all of it). */
export type ExampleSpan = {
  sourceLine: number;
  sourceEndLine: number;
  wantStartLine: number;
  wantEndLine: number;
  indent: number;
};

/**
 * The transcript text with one example's expected output replaced by `newWant` (lines
 * wantStartLine..wantEndLine, or new lines right after the source when there were none). New
 * lines take the indentation of the example's prompt line and its line ending.
 */
export function replaceWant(text: string, example: ExampleSpan, newWant: string): string {
  return replaceWants(text, [{ example, want: newWant }]);
}

/** Several replacements at once; line numbers refer to the original text. */
export function replaceWants(text: string, updates: ReadonlyArray<{ example: ExampleSpan; want: string }>): string {
  const lines = text.split("\n");
  const ordered = [...updates].sort((a, b) => b.example.sourceLine - a.example.sourceLine);
  for (const { example, want } of ordered) {
    const promptLine = lines[example.sourceLine - 1] ?? "";
    const indentation = /^[ \t]*/.exec(promptLine)![0];
    const lineEnding = promptLine.endsWith("\r") ? "\r" : "";
    const wantLines = want === "" ? [] : want.replace(/\n$/, "").split("\n");
    const written = wantLines.map((line) => (line === "" ? lineEnding : indentation + line + lineEnding));
    if (example.wantStartLine > 0) {
      lines.splice(example.wantStartLine - 1, example.wantEndLine - example.wantStartLine + 1, ...written);
    } else {
      lines.splice(example.sourceEndLine, 0, ...written);
    }
  }
  return lines.join("\n");
}
