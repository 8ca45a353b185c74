// Reading a run's metadata files safely: regular files only (never a FIFO or a device behind a link), up to a size bound.
import fs from "node:fs";

/**
 * Largest metadata file read (attrs, opref, markers, manifest). Guild's own files are a few KB;
 * anything bigger is not of Guild's making, and reading it whole could exhaust memory.
 */
export const MAX_METADATA_BYTES = 16 * 1024 * 1024;

const OPEN_NONBLOCKING = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK;

/**
 * The file's text (UTF-8), or undefined when it is missing, unreadable, not a regular file (after
 * following links) or larger than maxBytes. Opened non-blocking, so a FIFO never stalls the open;
 * read by Node's own whole-file reader, as fast as readFileSync on a path.
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
    return fs.readFileSync(fd, "utf8");
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
