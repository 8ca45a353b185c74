// Writing a run's status markers in .guild: PENDING and STAGED (empty), LOCK (the pid of the run's process).
import fs from "node:fs";
import { markerPath, type RunMarker } from "./paths.js";
import { removeFileIfExists } from "./remove-file.js";

export function writeMarker(runDir: string, marker: Exclude<RunMarker, "LOCK">): void {
  fs.writeFileSync(markerPath(runDir, marker), "");
}

/** Marks the run as running in the process with this id. */
export function writeLock(runDir: string, pid: number): void {
  fs.writeFileSync(markerPath(runDir, "LOCK"), String(pid));
}

/** Removes the marker; a missing one is not an error. */
export function removeMarker(runDir: string, marker: RunMarker): void {
  removeFileIfExists(markerPath(runDir, marker));
}
