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
  return readText(file, maxBytes, false);
}

/**
 * readRegularText for a file the caller has just seen to be a regular file: in a directory listing
 * (a Dirent that is a file, not a link) or by isRegularFileWithin. A small file is then read with
 * open, one read and close, without asking the file system what it is (one system call per file
 * less: listing reads a few files of each of thousands of runs). A file that fills the read buffer
 * is checked as readRegularText checks it.
 */
export function readListedRegularText(file: string, maxBytes = MAX_METADATA_BYTES): string | undefined {
  return readText(file, maxBytes, true);
}

/**
 * Whether file is a regular file (after following links) of at most maxBytes: false when it is
 * missing or anything else. One stat, which answers a missing file without throwing: for files
 * that are usually absent this costs less than a failed open, whose exception Node builds.
 */
export function isRegularFileWithin(file: string, maxBytes = MAX_METADATA_BYTES): boolean {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  return stat !== undefined && stat.isFile() && stat.size <= maxBytes;
}

function readText(file: string, maxBytes: number, listedAsRegular: boolean): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_NONBLOCKING);
  } catch {
    return undefined;
  }
  try {
    if (listedAsRegular) {
      const length = readSmall(fd);
      if (length < SMALL_FILE_BYTES) return length > maxBytes ? undefined : smallFileBuffer!.toString("utf8", 0, length);
    }
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    if (stat.size < SMALL_FILE_BYTES) {
      const length = readSmall(fd);
      // Short of the buffer: that is the whole file. Listing reads thousands of small files, and one
      // read call costs less than the whole-file reader's size check, read and read to end of file.
      if (length < SMALL_FILE_BYTES) return smallFileBuffer!.toString("utf8", 0, length);
    }
    return fs.readFileSync(fd, "utf8");
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** One read of the file's start into the shared buffer; returns the length read. */
function readSmall(fd: number): number {
  smallFileBuffer ??= Buffer.allocUnsafe(SMALL_FILE_BYTES);
  // Read at offset 0, which leaves the file position where it is for the whole-file reader.
  return fs.readSync(fd, smallFileBuffer, 0, SMALL_FILE_BYTES, 0);
}
