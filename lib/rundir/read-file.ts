// Reading a run's metadata files safely: regular files only (never a FIFO or a device behind a link), up to a size bound.
import fs from "node:fs";

/**
 * Largest metadata file read (attrs, opref, markers, manifest). Guild's own files are a few KB;
 * anything bigger is not of Guild's making, and reading it whole could exhaust memory.
 */
export const MAX_METADATA_BYTES = 16 * 1024 * 1024;

const OPEN_NONBLOCKING = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/** Files under this size (every attr Guild writes) are read with one read call into a shared buffer. */
const SMALL_FILE_BYTES = 64 * 1024;
let smallFileBuffer: Buffer | undefined;

/**
 * The file's text (UTF-8), or undefined when it is missing, unreadable, not a regular file (after
 * following links) or larger than maxBytes. Opened non-blocking, so a FIFO never stalls the open.
 */
export function readRegularText(file: string, maxBytes = MAX_METADATA_BYTES): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_NONBLOCKING);
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    if (stat.size < SMALL_FILE_BYTES) {
      smallFileBuffer ??= Buffer.allocUnsafe(SMALL_FILE_BYTES);
      // Read at offset 0, which leaves the file position where it is for the reader below.
      const length = fs.readSync(fd, smallFileBuffer, 0, SMALL_FILE_BYTES, 0);
      // Short of the buffer: that is the whole file. Listing reads thousands of small files, and one
      // read call costs less than the whole-file reader's size check, read and read to end of file.
      if (length < SMALL_FILE_BYTES) return smallFileBuffer.toString("utf8", 0, length);
    }
    return fs.readFileSync(fd, "utf8");
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
