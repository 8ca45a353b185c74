// The test module vitest runs for a transcript: a describe per heading, a test per example, on the markdown's own lines.
import { findHeadings, parseTranscript, TranscriptError, type Heading, type Transcript } from "../transcript/index.js";

export interface TranscriptModule {
  code: string;
  /** A source map taking line N of the code to line N of the markdown. */
  map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string };
}

/** The module that runs a transcript's examples, and the repository whose `dist/bin` holds the reference CLI. */
export interface SuiteModule {
  module: string;
  repoRoot: string;
}

/**
 * Line N of the module holds what belongs to line N of the markdown: the test of the example
 * whose first prompt is there, the `describe` of the heading there. vitest takes a task's location
 * from where it is declared, so test locations, `file.md:LINE` filters and stack traces all name
 * markdown lines. A heading's group holds the examples up to the next heading of its level or
 * above; headings with no example under them make no group. The suite module runs the examples
 * (transcript-suite.ts or its prebuilt form); a transcript that cannot be parsed makes one failing
 * test there, one with no examples a skipped one.
 */
export function transcriptModule(markdown: string, file: string, suite: SuiteModule): TranscriptModule {
  const transcript = parseOrNull(markdown, file);
  const examples = transcript?.examples ?? [];
  const output = markdown.split("\n").map(() => "");
  output[0] = `import { describe, test } from "vitest"; import { transcriptSuite } from ${JSON.stringify(suite.module)}; const suite = transcriptSuite(${JSON.stringify(file)}, ${JSON.stringify(suite.repoRoot)});`;
  if (examples.length === 0) output[0] += " suite.empty();";
  const headings = transcript === null ? [] : findHeadings(transcript);
  const open: Heading[] = [];
  for (const heading of headings) {
    const at = heading.line - 1;
    while (open.length > 0 && open[open.length - 1].level >= heading.level) {
      open.pop();
      output[at] += " });";
    }
    const end = sectionEnd(heading, headings, output.length);
    if (!examples.some((example) => example.sourceLine > heading.line && example.sourceLine <= end)) continue;
    output[at] += ` describe(${JSON.stringify(heading.title)}, () => {`;
    open.push(heading);
  }
  examples.forEach((example, index) => {
    // test() is called from this module so that vitest finds the call site in the transcript.
    output[example.sourceLine - 1] += ` if (suite.has(${index})) test(suite.title(${index}), suite.body(${index}));`;
  });
  output[output.length - 1] += " });".repeat(open.length);
  const mappings = ["AAAA", ...output.slice(1).map(() => "AACA")].join(";");
  return { code: output.join("\n"), map: { version: 3, sources: [file], sourcesContent: [markdown], names: [], mappings } };
}

/** The last line of a heading's section: the line before the next heading of its level or above. */
function sectionEnd(heading: Heading, headings: readonly Heading[], lineCount: number): number {
  const next = headings.find((other) => other.line > heading.line && other.level <= heading.level);
  return next === undefined ? lineCount : next.line - 1;
}

/** The parsed transcript, or null when it cannot be parsed (the adapter reports why). */
function parseOrNull(markdown: string, file: string): Transcript | null {
  try {
    return parseTranscript(markdown, file);
  } catch (error) {
    if (error instanceof TranscriptError) return null;
    throw error;
  }
}
