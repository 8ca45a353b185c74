// Greedy word wrap, as click's wrap_text fills a paragraph (help pages and operation help share it).

/** Words of `text` filled into lines of at most `width` characters, each starting with `indent`. */
export function wrapText(text: string, width: number, indent = ""): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}
