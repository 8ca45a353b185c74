// Host services for the harness's own unit tests (the test process is the entry point here).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostFromProcess, type HostServices } from "./host.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function testHost(): HostServices {
  return { ...hostFromProcess(process, repoRoot, null), env: { PATH: process.env.PATH } };
}
