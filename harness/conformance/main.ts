// Entry point of `npm run conformance` and `npm run update`: reads argv, the environment and the terminal, handles Ctrl-C, runs, exits.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConformanceError, runConformance } from "./runner.js";
import { USAGE, parseArgs } from "./args.js";
import { TranscriptError } from "../transcript/index.js";
import { colourWanted } from "../report/colour.js";
import { resolvePythonBinDir } from "../sandbox/python-bin.js";
import { hostFromProcess } from "../sandbox/host.js";
import { removeTempDirsOnExit, sandboxTempRoot } from "../sandbox/temp-dir.js";

/**
 * The first Ctrl-C (or SIGTERM) stops the run: running commands are killed with everything they
 * started, sandboxes removed, and what finished reported. A second one quits at once (sandboxes
 * not kept are still removed at exit).
 */
function interruptOnSignals(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\nconformance: ${signal}: stopping commands and removing sandboxes (again to quit at once)\n`);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return controller.signal;
}

async function main(): Promise<number> {
  // This runs bundled as dist/conformance.mjs, one folder below the repository root.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  let args;
  try {
    args = parseArgs(process.argv.slice(2), { cwd: process.cwd(), env: process.env, cores: os.availableParallelism() });
  } catch (error) {
    if (error instanceof ConformanceError) {
      process.stderr.write(`conformance: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args === null) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  removeTempDirsOnExit();
  // GUILD_TRANSCRIPTS_SPAWN=1: the reference CLI runs as a process per command, as any other implementation does.
  const host = hostFromProcess(process, root, resolvePythonBinDir(process.env), interruptOnSignals(), process.env.GUILD_TRANSCRIPTS_SPAWN === "1");
  const start = performance.now();
  const tempRoot = sandboxTempRoot(process.env);
  try {
    return await runConformance(
      {
        paths: args.paths,
        implementations: args.implementations,
        jsonFile: args.jsonFile,
        junitFile: args.junitFile,
        keepSandbox: args.keep,
        update: args.update,
        jobs: args.jobs,
        shard: args.shard,
        ...durationsFileOption(process.env),
        uniqueSuffix: String(process.pid),
        cwd: process.cwd(),
        clock: () => performance.now() - start,
        ...(tempRoot ? { tempRoot } : {}),
      },
      host,
      {
        write: (text) => process.stdout.write(text),
        colour: colourWanted(process.env, process.stdout.isTTY === true),
        ...(process.stdout.isTTY ? { terminalColumns: process.stdout.columns || 80 } : {}),
      },
    );
  } catch (error) {
    if (error instanceof ConformanceError || error instanceof TranscriptError) {
      process.stderr.write(`conformance: ${error.message.split("\n").join("\nconformance: ")}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();

/**
 * The user's cache folder (XDG_CACHE_HOME, else ~/.cache) keeps the durations, by transcript text:
 * they outlive `npm ci` and serve every clone of the same transcripts. No home, no cache.
 */
function durationsFileOption(env: NodeJS.ProcessEnv): { durationsFile?: string } {
  const cacheHome = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, ".cache") : "");
  return cacheHome ? { durationsFile: path.join(cacheHome, "guild-transcripts", "durations.json") } : {};
}
