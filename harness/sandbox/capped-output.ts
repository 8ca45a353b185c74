// Output kept up to a size limit, the rest counted and dropped: a runaway command cannot use up memory.
import { StringDecoder } from "node:string_decoder";

/** Output kept of one command (or one example) unless a caller says otherwise. */
export const DEFAULT_OUTPUT_LIMIT_BYTES = 4 * 1024 * 1024;

export class CappedOutput {
  private readonly decoder: StringDecoder;
  private readonly parts: string[] = [];
  private keptBytes = 0;
  /** Bytes that came past the limit and were dropped. */
  droppedBytes = 0;

  /** `encoding`: how bytes become text; Guild's runner reads command output as latin-1. */
  constructor(readonly limitBytes: number, encoding: "utf8" | "latin1" = "utf8") {
    this.decoder = new StringDecoder(encoding);
  }

  /** Keeps what fits under the limit (whole characters only) and counts the rest. */
  append(chunk: Buffer | string): void {
    const size = typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    const room = this.limitBytes - this.keptBytes;
    if (size <= room) {
      this.parts.push(typeof chunk === "string" ? chunk : this.decoder.write(chunk));
      this.keptBytes += size;
      return;
    }
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (room > 0) this.parts.push(this.decoder.write(bytes.subarray(0, room)));
    this.keptBytes = Math.max(this.keptBytes, this.limitBytes);
    this.droppedBytes += size - Math.max(0, room);
  }

  get truncated(): boolean {
    return this.droppedBytes > 0;
  }

  /** The text kept; a character cut in two by the limit is left out. */
  text(): string {
    return this.parts.join("") + (this.truncated ? "" : this.decoder.end());
  }
}

/** `512 bytes`, `4 KB`, `8 MB`, `1.5 MB`: a size for messages (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, "MB"],
    [1024, "KB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
