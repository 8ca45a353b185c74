// Guild's table writer: every column but the last padded to its width plus two spaces.

export interface TableOptions {
  /** Spaces before every row (Guild uses 2 in prompts). */
  indent?: number;
}

/** Formats rows of cells (null/undefined print as empty) into lines without newlines. */
export function formatTable(rows: ReadonlyArray<ReadonlyArray<string | null | undefined>>, options: TableOptions = {}): string[] {
  const cells = rows.map((row) => row.map((cell) => cell ?? ""));
  const widths: number[] = [];
  for (const row of cells) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, [...cell].length);
    });
  }
  const prefix = " ".repeat(options.indent ?? 0);
  return cells.map((row) => {
    const padded = row.map((cell, column) => (column === row.length - 1 ? cell : cell + " ".repeat(widths[column] - [...cell].length + 2)));
    return prefix + padded.join("");
  });
}
