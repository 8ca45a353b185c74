// Reading a run's metadata files safely: regular files only (never a FIFO or a device behind a link), up to a size bound.
import fs from "node:fs";

/**
 * Largest metadata file read (attrs, opref, markers, manifest). Guild's own files are a few KB;
 * anything bigger is not of Guild's making, and reading it whole could exhaust memory.
 */
export const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/**
 * The file's bytes, or undefined when it is missing, unreadable, not a regular file (after
 * following links) or larger than maxBytes. Opened non-blocking, so a FIFO never stalls the open.
 */
export function readRegularFile(file: string, maxBytes = MAX_METADATA_BYTES): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    // Read what the file holds now, a byte beyond its stat size to notice growth past the bound.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const count = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (count === 0) break;
      length += count;
      if (length === buffer.length) {
        if (length > maxBytes) return undefined;
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
