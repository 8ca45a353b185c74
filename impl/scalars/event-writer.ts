// Writes scalars to a TensorBoard event file the way Guild does: one file per writer, created at the first scalar.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeFileVersionEvent, encodeScalarEvent } from "./event-proto.js";
import { encodeRecord } from "./tfrecord.js";

export const EVENT_FILE_VERSION = "brain.Event:2";

export interface EventFileNaming {
  /** Unix time in whole seconds when the file is created. */
  nowSeconds: () => number;
  hostname: string;
  pid: number;
  /** TensorBoard's per-process writer counter, read when the file is created (absent: 0). */
  nextWriterId?: () => number;
}

/** `events.out.tfevents.<10-digit secs>.<hostname>.<pid>.<n>` */
export function eventFileName(seconds: number, hostname: string, pid: number, sequence: number): string {
  return `events.out.tfevents.${String(Math.trunc(seconds)).padStart(10, "0")}.${hostname}.${pid}.${sequence}`;
}

export class EventFileWriter {
  private path: string | null = null;

  constructor(
    private readonly dir: string,
    private readonly naming: EventFileNaming,
  ) {}

  /** The event file path, or null while no scalar was written. */
  get filePath(): string | null {
    return this.path;
  }

  /** Appends one scalar event (float32 value); a null step is written as step 0. */
  addScalar(tag: string, value: number, step: number | null): void {
    const path = this.ensureFile();
    appendFileSync(path, encodeRecord(encodeScalarEvent(tag, value, step ?? 0)));
  }

  private ensureFile(): string {
    if (this.path) return this.path;
    mkdirSync(this.dir, { recursive: true });
    const name = eventFileName(this.naming.nowSeconds(), this.naming.hostname, this.naming.pid, this.naming.nextWriterId?.() ?? 0);
    const path = join(this.dir, name);
    writeFileSync(path, encodeRecord(encodeFileVersionEvent(EVENT_FILE_VERSION)));
    this.path = path;
    return path;
  }
}
