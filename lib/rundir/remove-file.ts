// Removing one file that may be missing (markers, attrs) without loading fs.rmSync's recursive machinery.
import fs from "node:fs";

/** Deletes the file; a missing file is not an error. */
export function removeFileIfExists(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
