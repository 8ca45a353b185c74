// Entry of the split CLI (dist/cli/guild.cjs): turns on the code cache, then loads the CLI (main.cjs beside it).
import { createRequire } from "node:module";
import path from "node:path";
import { installCodeCache } from "./code-cache.js";

/**
 * Compiling the CLI's JavaScript is most of what a command costs after Node's own start (`guild run`
 * loads 600 KB of it). The bytecode of each file is saved under dist/cli-code-cache/ by the first
 * command that loads it and reused by the next ones, as long as the file and Node are the same.
 */
const sourceDir = __dirname;
const codeCache = installCodeCache({ sourceDir, cacheDir: path.join(sourceDir, "..", "cli-code-cache") }, String(process.pid));
process.on("exit", () => codeCache.save());
createRequire(__filename)(path.join(sourceDir, "main.cjs"));
