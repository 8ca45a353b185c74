// Where the reference CLI's in-process module lives: beside the bin directory the CLI is started from.
import path from "node:path";

/** The module `dist/guild-in-process.mjs` for the reference CLI under `referenceBinDir` (`dist/bin`). */
export function inProcessModuleFile(referenceBinDir: string): string {
  return path.join(referenceBinDir, "..", "guild-in-process.mjs");
}
