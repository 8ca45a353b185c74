// Markdown lines of a transcript's examples: where each starts, and which example a line belongs to.
import { parseTranscript, TranscriptError, type Example } from "../transcript/index.js";

/** The line of every example's first prompt, or none when the transcript cannot be parsed. */
export function exampleLines(text: string, file: string): number[] {
  return examplesOf(text, file).map((example) => example.sourceLine);
}

/**
 * The first-prompt line of the example that `line` is part of (its source or its expected
 * output), or `line` itself when it is in no example.
 */
export function exampleStartLine(text: string, file: string, line: number): number {
  const example = examplesOf(text, file).find((candidate) => candidate.sourceLine <= line && line <= Math.max(candidate.sourceEndLine, candidate.wantEndLine));
  return example?.sourceLine ?? line;
}

function examplesOf(text: string, file: string): Example[] {
  try {
    return parseTranscript(text, file).examples;
  } catch (error) {
    if (error instanceof TranscriptError) return [];
    throw error;
  }
}
