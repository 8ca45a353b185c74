// Lines as transcripts finish, and on a terminal a status line below them saying what still runs.
import { paint, type StyledLine } from "../report/colour.js";

/** Where the runner's report goes, and what kind of place that is. */
export interface ConformanceOutput {
  write: (text: string) => void;
  /** Colour the report (a terminal, or FORCE_COLOR). */
  colour?: boolean;
  /** The terminal's width when the report goes to one: a progress line is kept at the bottom. */
  terminalColumns?: number;
}

/** Erases the current terminal line. */
const CLEAR_LINE = "\r\x1b[K";

export class Progress {
  private readonly running: string[] = [];
  private finished = 0;
  private shown = false;

  constructor(
    private readonly output: ConformanceOutput,
    private readonly total: number,
  ) {}

  started(label: string): void {
    this.running.push(label);
    this.redraw();
  }

  /** Prints lines for good (above the status line) once a transcript is done. */
  done(label: string, lines: readonly StyledLine[]): void {
    this.running.splice(this.running.indexOf(label), 1);
    this.finished += 1;
    this.print(lines);
  }

  /** Prints lines for good without counting a transcript as done. */
  print(lines: readonly StyledLine[]): void {
    this.clear();
    this.output.write(lines.map((line) => paint(line, this.output.colour ?? false) + "\n").join(""));
    this.redraw();
  }

  /** Removes the status line for good (the report follows). */
  close(): void {
    this.clear();
    this.running.length = 0;
  }

  private clear(): void {
    if (!this.shown) return;
    this.output.write(CLEAR_LINE);
    this.shown = false;
  }

  private redraw(): void {
    const columns = this.output.terminalColumns;
    if (columns === undefined || this.running.length === 0) return;
    const status = `[${this.finished}/${this.total}] running ${this.running.join(", ")}`;
    // One character short of the width, so the line never wraps.
    const fitted = status.length < columns ? status : status.slice(0, Math.max(0, columns - 4)) + "...";
    this.output.write(CLEAR_LINE + fitted);
    this.shown = true;
  }
}
