// Host services for the harness's own unit tests (the test process is the entry point here).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostFromProcess, type HostServices } from "./host.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Plain `guild ...` commands run inside the test process, as `npm start` and `npm test` run them;
 * `"spawned"` starts a process for each, the path every other implementation takes.
 */
export function testHost(referenceCli: "hosted" | "spawned" = "hosted"): HostServices {
  return { ...hostFromProcess(process, repoRoot, null, undefined, referenceCli === "spawned"), env: { PATH: process.env.PATH } };
}
