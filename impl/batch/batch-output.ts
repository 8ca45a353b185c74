// A built-in batch run's own output: its log lines and its trials' output, as Guild captures the batch process.
import fs from "node:fs";
import { closeOutputFiles, openOutputFiles, outputIndexEntry } from "../../lib/rundir/index.js";

export interface BatchOutput {
  /** Appends text from stdout (0) or stderr (1); each completed line gets an index entry. */
  write(stream: 0 | 1, text: string): void;
  close(): void;
}

/** Opens `.guild/output` and `.guild/output.index` of the batch run for appending. */
export function openBatchOutput(runDir: string, nowMillis: () => number): BatchOutput {
  const files = openOutputFiles(runDir);
  let closed = false;
  return {
    write(stream, text) {
      if (closed || !text) return;
      fs.writeSync(files.output, text);
      const lines = text.split("\n").length - 1;
      for (let i = 0; i < lines; i++) fs.writeSync(files.index, outputIndexEntry(nowMillis(), stream));
    },
    close() {
      if (closed) return;
      closed = true;
      closeOutputFiles(files);
    },
  };
}
