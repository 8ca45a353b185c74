// A run's captured output: .guild/output holds the bytes, .guild/output.index when each line came and on which stream.
import fs from "node:fs";
import { outputIndexPath, outputPath } from "./paths.js";

/** Open file descriptors of a run's output and its index. */
export interface OutputFiles {
  readonly output: number;
  readonly index: number;
}

/** Opens both files for appending (a restarted run adds to them). */
export function openOutputFiles(runDir: string): OutputFiles {
  const output = fs.openSync(outputPath(runDir), "a");
  return { output, index: fs.openSync(outputIndexPath(runDir), "a") };
}

export function closeOutputFiles(files: OutputFiles): void {
  fs.closeSync(files.output);
  fs.closeSync(files.index);
}

/** Index entry for one completed line: big-endian ms timestamp + stream byte (0 stdout, 1 stderr). */
export function outputIndexEntry(millis: number, stream: 0 | 1): Buffer {
  const entry = Buffer.alloc(9);
  entry.writeBigUInt64BE(BigInt(Math.floor(millis)));
  entry.writeUInt8(stream, 8);
  return entry;
}
