// Where the real python3 lives: Guild's test runner puts its interpreter's directory first on PATH.
import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * The directory of the interpreter that `python3` on PATH runs (past any version-manager shim),
 * or null when there is no python3. Prepending it to a sandbox's PATH mirrors Guild's runner and
 * spares every operation the shim's start-up.
 */
export function resolvePythonBinDir(env: Readonly<Record<string, string | undefined>>): string | null {
  try {
    const executable = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], {
      env: env as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 30_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return executable ? path.dirname(executable) : null;
  } catch {
    return null;
  }
}
