// Entry of the split CLI (dist/cli/guild.cjs): turns on the code cache, then loads the CLI (main.cjs beside it).
import { createRequire } from "node:module";
import path from "node:path";
import { codeCacheGroup, installCodeCache } from "./code-cache.js";

/**
 * Compiling the CLI's JavaScript is much of what a command costs after Node's own start (`guild run`
 * loads 600 KB of it). The bytecode of each file is saved under dist/cli-code-cache/COMMAND/ by the
 * first such command that loads it and reused by the next ones, as long as the file and Node are the
 * same. One cache per command: each holds the functions its command runs, which a file shared by
 * several commands would otherwise have compiled only for the first of them.
 */
const sourceDir = __dirname;
const cacheDir = path.join(sourceDir, "..", "cli-code-cache", codeCacheGroup(process.argv.slice(2)));
const codeCache = installCodeCache({ sourceDir, cacheDir }, String(process.pid));
process.on("exit", () => codeCache.save());
createRequire(__filename)(path.join(sourceDir, "main.cjs"));
