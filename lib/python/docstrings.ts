// str.splitlines and inspect.cleandoc: how Python cuts text into lines and tidies a docstring's indentation.
import { expandTabs } from "./textwrap.js";
import { pythonLstrip } from "./whitespace.js";

/** Every line boundary str.splitlines() knows (\r\n counts as one). */
const LINE_BOUNDARY = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;

/** str.splitlines() without keepends: no empty last line for a trailing boundary. */
export function splitLines(text: string): string[] {
  const lines = text.split(LINE_BOUNDARY);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** inspect.cleandoc: tabs expanded, the common indentation of lines after the first removed, blank ends dropped. */
export function cleandoc(doc: string): string {
  const lines = expandTabs(doc).split("\n");
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = pythonLstrip(line).length;
    if (content) margin = Math.min(margin, line.length - content);
  }
  lines[0] = pythonLstrip(lines[0]!);
  if (margin < Infinity) for (let index = 1; index < lines.length; index++) lines[index] = lines[index]!.slice(margin);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  return lines.join("\n");
}
