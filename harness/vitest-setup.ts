// Global setup for vitest: builds the reference CLI so transcripts run the current code.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  try {
    execFileSync(process.execPath, [path.join(root, "scripts", "build.mjs"), "guild"], { cwd: root, stdio: "inherit" });
  } catch {
    // Unit tests do not need the CLI; transcripts will report that `guild` is missing.
    console.warn("warning: building the reference CLI failed; transcripts cannot run it");
  }
}
