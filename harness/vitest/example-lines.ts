// The markdown line of every example in a transcript, or none when it cannot be parsed.
import { parseTranscript, TranscriptError } from "../transcript/index.js";

export function exampleLines(text: string, file: string): number[] {
  try {
    return parseTranscript(text, file).examples.map((example) => example.sourceLine);
  } catch (error) {
    if (error instanceof TranscriptError) return [];
    throw error;
  }
}
