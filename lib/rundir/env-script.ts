// A staged run's .guild/ENV: the operation's environment as `export NAME=value` lines to source before starting it.
import fs from "node:fs";
import { shellQuote } from "../python/shlex.js";
import { envScriptPath } from "./paths.js";

/** Writes the variables sorted by name, values shell-quoted. */
export function writeEnvScript(runDir: string, env: Readonly<Record<string, string>>): void {
  const text = Object.keys(env).sort().map((name) => `export ${name}=${shellQuote(env[name])}\n`).join("");
  fs.writeFileSync(envScriptPath(runDir), text);
}
