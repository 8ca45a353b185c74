// The conformance matrix as text: transcripts down, implementations across, passed/ran per cell.
import type { TranscriptSummary } from "../report/summary.js";

export interface MatrixRow {
  displayPath: string;
  /** One summary per implementation, in column order; none where the run was interrupted first. */
  cells: readonly (TranscriptSummary | undefined)[];
}

/**
 * A cell reads `passed/ran` where ran leaves out skipped examples, followed by the expected
 * failures that failed (xfail) and passed (xpass): `67/69 (1 xfail, 1 xpass)`, and `stopped` when
 * it was interrupted. A transcript that cannot be run reads `ERROR`; one that did not run, `-`.
 */
export function formatCell(summary: Pick<TranscriptSummary, "passed" | "failed" | "xfail" | "xpass" | "error" | "interruptedAt"> | undefined): string {
  if (summary === undefined) return "-";
  if (summary.error) return "ERROR";
  const xfail = summary.xfail ?? 0;
  const xpass = summary.xpass ?? 0;
  const ran = summary.passed + summary.failed + xfail + xpass;
  const extras = [xfail ? `${xfail} xfail` : "", xpass ? `${xpass} xpass` : "", summary.interruptedAt !== undefined ? "stopped" : ""].filter(Boolean);
  return `${summary.passed}/${ran}${extras.length ? ` (${extras.join(", ")})` : ""}`;
}

/** The matrix: a header row of implementation names, a row per transcript and a `total` row. */
export function formatMatrix(implementationNames: readonly string[], rows: readonly MatrixRow[]): string {
  const total: MatrixRow = {
    displayPath: "total",
    cells: implementationNames.map((_, column) => sumColumn(rows.map((row) => row.cells[column]))),
  };
  const table = [["transcript", ...implementationNames], ...[...rows, total].map((row) => [row.displayPath, ...row.cells.map(formatCell)])];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  return table.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ").trimEnd()).join("\n");
}

function sumColumn(cells: readonly (TranscriptSummary | undefined)[]): TranscriptSummary {
  const sum = { displayPath: "total", passed: 0, failed: 0, skipped: 0, xfail: 0, xpass: 0 };
  for (const cell of cells) {
    if (cell === undefined) continue;
    sum.passed += cell.passed;
    // A transcript that cannot run counts as one failed example, as on the closing line.
    sum.failed += cell.failed + (cell.error ? 1 : 0);
    sum.skipped += cell.skipped;
    sum.xfail += cell.xfail ?? 0;
    sum.xpass += cell.xpass ?? 0;
  }
  return sum;
}
