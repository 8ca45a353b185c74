// Output written in-process on behalf of a run (a stepped run's steps): teed to the terminal, .guild/output and output.index.
import fs from "node:fs";
import { closeOutputFiles, openOutputFiles, outputIndexEntry, type OutputFiles } from "../../lib/rundir/index.js";
import type { Write } from "../io.js";
import type { OutputLineListener } from "./process.js";

export interface RunOutputOptions {
  runDir: string;
  /** Terminal streams the output is echoed to (unless quiet). */
  stdout: Write;
  stderr: Write;
  quiet: boolean;
  /** SYNC_RUN_OUTPUT=1: everything is one stream, stdout (index stream 0). */
  syncOutput: boolean;
  /** NO_RUN_OUTPUT=1: nothing is captured, output goes straight to the terminal. */
  noOutput: boolean;
  nowMicros: () => number;
  onLine?: OutputLineListener;
}

/** The line as Guild's scalar matcher sees it: bytes below 0x09 dropped, trailing whitespace removed. */
export function scalarLineText(line: Buffer): string {
  return line.toString("utf8").replace(/[\x00-\x08]/g, "").replace(/\s+$/, "");
}

/** Captures a run's output written as text on two streams; `close()` flushes unfinished lines. */
export class RunOutput {
  /** null under NO_RUN_OUTPUT: nothing is captured. */
  private readonly files: OutputFiles | null;
  private readonly pending: [Buffer, Buffer] = [Buffer.alloc(0), Buffer.alloc(0)];
  private closed = false;

  constructor(private readonly options: RunOutputOptions) {
    this.files = options.noOutput ? null : openOutputFiles(options.runDir);
  }

  /** Writer for what the run prints on stdout. */
  readonly stdout: Write = (text) => this.write(text, 0);
  /** Writer for what the run prints on stderr (stdout too under SYNC_RUN_OUTPUT). */
  readonly stderr: Write = (text) => this.write(text, this.options.syncOutput ? 0 : 1);

  private write(text: string, stream: 0 | 1): void {
    if (!text || this.closed) return;
    if (!this.options.quiet) (stream === 0 ? this.options.stdout : this.options.stderr)(text);
    if (this.files === null) return;
    const bytes = Buffer.from(text, "utf8");
    fs.writeSync(this.files.output, bytes);
    let pending = this.pending[stream].length ? Buffer.concat([this.pending[stream], bytes]) : bytes;
    let newline = pending.indexOf(10);
    while (newline >= 0) {
      this.completeLine(pending.subarray(0, newline + 1), stream);
      pending = pending.subarray(newline + 1);
      newline = pending.indexOf(10);
    }
    this.pending[stream] = Buffer.from(pending);
  }

  private completeLine(line: Buffer, stream: 0 | 1): void {
    fs.writeSync(this.files!.index, outputIndexEntry(this.options.nowMicros() / 1000, stream));
    this.options.onLine?.(scalarLineText(line), stream);
  }

  close(): void {
    if (this.closed) return;
    for (const stream of [0, 1] as const) {
      if (this.pending[stream].length && this.files !== null) this.completeLine(this.pending[stream], stream);
    }
    this.closed = true;
    if (this.files !== null) closeOutputFiles(this.files);
  }
}
