// Colours for reports: on for a terminal, off when piped; NO_COLOR and FORCE_COLOR as Node reads them.

/** How a line of a report reads; colours (when on) are chosen by it, never the text. */
export type LineStyle = "plain" | "heading" | "failed" | "passed" | "note" | "diff-header" | "hunk" | "removed" | "added" | "changed";

export interface StyledLine {
  text: string;
  style: LineStyle;
  /** How many leading characters the style colours (all when absent): a verdict, not its whole line. */
  span?: number;
}

/** Whether reports written to a stream should be coloured. */
export function colourWanted(env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  // Node's rule: FORCE_COLOR '', 1, 2, 3 or true forces colours; any other value forbids them.
  if (force !== undefined) return ["", "1", "2", "3", "true"].includes(force);
  if (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined || env.TERM === "dumb") return false;
  return isTerminal;
}

const SGR: Record<LineStyle, string> = {
  plain: "",
  heading: "1",
  failed: "1;31",
  passed: "32",
  note: "33",
  "diff-header": "1",
  hunk: "36",
  removed: "31",
  added: "32",
  changed: "33",
};

/** One line, coloured by its style when `colour` is on. */
export function paint(line: StyledLine, colour: boolean): string {
  const code = SGR[line.style];
  if (!colour || !code || !line.text) return line.text;
  const end = line.span ?? line.text.length;
  return `\x1b[${code}m${line.text.slice(0, end)}\x1b[0m${line.text.slice(end)}`;
}

/** Styled lines as text, one per line. */
export function renderLines(lines: readonly StyledLine[], colour: boolean): string {
  return lines.map((line) => paint(line, colour)).join("\n");
}

/**
 * The lines of a rendered diff with their styles: unified (`---`/`+++`, `@@`), context
 * (`***`/`---` ranges, `! `) and ndiff (`- `, `+ `) alike.
 */
export function diffLines(diff: string): StyledLine[] {
  const lines = diff.replace(/\n$/, "").split("\n");
  return lines.map((text, index): StyledLine => {
    if (index < 2 && /^(--- |\+\+\+ |\*\*\* )/.test(text)) return { text, style: "diff-header" };
    if (text.startsWith("@@") || /^(\*{15}|\*\*\* .* \*\*\*\*|--- .* ----)$/.test(text)) return { text, style: "hunk" };
    if (text.startsWith("-")) return { text, style: "removed" };
    if (text.startsWith("+")) return { text, style: "added" };
    if (text.startsWith("! ")) return { text, style: "changed" };
    return { text, style: "plain" };
  });
}
