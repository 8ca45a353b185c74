// Entry point of `npm run conformance`: reads argv and the process environment, runs, exits.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConformanceError, runConformance, type Implementation } from "./runner.js";
import { checkUniqueNames, loadImplementationConfig, parseImplementationArg } from "./implementations.js";
import { TranscriptError } from "../transcript/index.js";
import { resolvePythonBinDir } from "../sandbox/python-bin.js";
import { hostFromProcess } from "../sandbox/host.js";
import { removeTempDirsOnExit } from "../sandbox/temp-dir.js";

const USAGE = `usage: npm run conformance -- [--impl [NAME=]COMMAND]... [--config FILE] [--json FILE] [--update] [--keep] PATH[:LINE]...
       npm run update -- PATH[:LINE]...

Runs markdown transcripts (files or folders) against the reference guild CLI, or against each
implementation standing in for 'guild' (--impl, repeatable; NAME=reference is the reference
CLI), or those a YAML/JSON config file lists with their expected failures (TRANSCRIPT:LINE).
With one implementation it prints a line per transcript; with several, a matrix of passed/ran
examples per transcript and implementation, then each implementation's failures. It ends with
an 'N passed, M failed' line. An expected failure that fails is XFAIL, counted apart; one that
passes is XPASS and counts as a failure. --json FILE writes every example's verdict per
implementation. PATH:LINE runs only the example at that line (those before it run first,
silently). --update (npm run update) rewrites the expected output of failing examples with what
they printed, values that differ from run to run written as '...'; those count as updated.
Exits 1 when any example fails.`;

function parseArgs(argv: string[]) {
  const implementations: Implementation[] = [];
  const paths: string[] = [];
  let jsonFile: string | undefined;
  let keep = process.env.KEEP_SANDBOX === "1";
  let update = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = () => {
      const next = argv[index + 1];
      if (next === undefined) throw new ConformanceError(`${arg} requires a value`);
      index += 1;
      return next;
    };
    if (arg === "--impl") implementations.push(parseImplementationArg(value(), process.cwd()));
    else if (arg.startsWith("--impl=")) implementations.push(parseImplementationArg(arg.slice(7), process.cwd()));
    else if (arg === "--config") implementations.push(...loadImplementationConfig(value()));
    else if (arg.startsWith("--config=")) implementations.push(...loadImplementationConfig(arg.slice(9)));
    else if (arg === "--json") jsonFile = value();
    else if (arg.startsWith("--json=")) jsonFile = arg.slice(7);
    else if (arg === "--keep") keep = true;
    else if (arg === "--update" || arg === "-u") update = true;
    else if (arg === "-h" || arg === "--help") return null;
    else if (arg.startsWith("-")) throw new ConformanceError(`unknown option ${arg}`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new ConformanceError("no transcript paths given");
  if (implementations.length === 0) implementations.push({ name: "reference" });
  checkUniqueNames(implementations, (message) => {
    throw new ConformanceError(message);
  });
  return { implementations, paths, jsonFile, keep, update };
}

async function main(): Promise<number> {
  // This runs bundled as dist/conformance.mjs, one folder below the repository root.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
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
  const host = hostFromProcess(process, root, resolvePythonBinDir(process.env));
  removeTempDirsOnExit();
  try {
    return await runConformance(
      {
        paths: args.paths,
        implementations: args.implementations,
        jsonFile: args.jsonFile,
        keepSandbox: args.keep,
        update: args.update,
        concurrency: Math.max(1, os.availableParallelism()),
        cwd: process.cwd(),
      },
      host,
      (text) => process.stdout.write(text),
    );
  } catch (error) {
    if (error instanceof ConformanceError || error instanceof TranscriptError) {
      process.stderr.write(`conformance: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
