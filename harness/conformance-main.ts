// Entry point of `npm run conformance`: reads argv and the process environment, runs, exits.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConformanceError, runConformance, type Implementation } from "./conformance.js";
import { TranscriptError } from "./transcript/index.js";

const USAGE = `usage: npm run conformance -- [--impl [NAME=]COMMAND]... [--json FILE] [--update] [--keep] PATH...

Runs markdown transcripts (files or folders) against the reference guild CLI, or against each
--impl command standing in for 'guild', and prints one line per transcript and a closing
'N passed, M failed' line. Exits 1 when any example fails.`;

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
    if (arg === "--impl") implementations.push(parseImplementation(value()));
    else if (arg.startsWith("--impl=")) implementations.push(parseImplementation(arg.slice(7)));
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
  return { implementations, paths, jsonFile, keep, update };
}

function parseImplementation(spec: string): Implementation {
  const match = /^([A-Za-z0-9_.-]+)=(.+)$/s.exec(spec);
  if (match) return { name: match[1], command: match[2] === "reference" ? undefined : match[2] };
  return { name: spec, command: spec };
}

async function main(): Promise<number> {
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
  const host = {
    env: process.env,
    platform: process.platform,
    killProcessGroup: (pid: number, signal: NodeJS.Signals) => process.kill(-pid, signal),
    referenceBinDir: path.join(root, "dist", "bin"),
  };
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
