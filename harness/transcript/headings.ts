// The markdown headings of a transcript, which group its examples into sections.
import { readFrontMatter } from "./front-matter.js";
import type { Transcript } from "./types.js";

export interface Heading {
  /** 1 for `#`, up to 6 for `######`. */
  level: number;
  /** The heading's text, without the `#` marks around it. */
  title: string;
  /** 1-based markdown line. */
  line: number;
}

/**
 * ATX headings (`#` to `######` followed by a space, up to three spaces in), as CommonMark reads
 * them, that lie outside the front matter, fenced code blocks and examples (a `# ...` line of
 * expected output is output). Underlined (setext) headings are not recognised.
 */
export function findHeadings(transcript: Pick<Transcript, "file" | "text" | "examples">): Heading[] {
  const lines = transcript.text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  const insideExample = new Set<number>();
  for (const example of transcript.examples) {
    for (let line = example.sourceLine; line <= Math.max(example.sourceEndLine, example.wantEndLine); line += 1) insideExample.add(line);
  }
  const headings: Heading[] = [];
  let fence: string | null = null;
  const first = readFrontMatter(lines, transcript.file).endLine;
  for (let index = first; index < lines.length; index += 1) {
    const text = lines[index];
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== null) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(text)) fence = null;
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      continue;
    }
    if (insideExample.has(index + 1)) continue;
    const heading = atxHeading(text);
    if (heading !== null) headings.push({ ...heading, line: index + 1 });
  }
  return headings;
}

/** `## Title ##` -> level 2, "Title"; null when the line is not an ATX heading. */
function atxHeading(line: string): { level: number; title: string } | null {
  const match = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return null;
  const title = (match[2] ?? "").replace(/(?:^|[ \t]+)#+[ \t]*$/, "").trim();
  return { level: match[1].length, title };
}
