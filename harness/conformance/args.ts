// The conformance runner's command line: implementations, paths (PATH:LINE too), reports, jobs, shard, update.
import { ConformanceError, checkUniqueNames, loadImplementationConfig, parseImplementationArg, type Implementation } from "./implementations.js";
import { parseShard, type Shard } from "./shard.js";

export const USAGE = `usage: npm run conformance -- [--impl [NAME=]COMMAND]... [--config FILE] [-j N] [--shard I/N]
                               [--json FILE] [--junit FILE] [--update] [--keep] PATH[:LINE]...
       npm run update -- PATH[:LINE]...

Runs markdown transcripts (files or folders) against the reference guild CLI, or against each
implementation standing in for 'guild' (--impl, repeatable; NAME=reference is the reference
CLI), or those a YAML/JSON config file lists with their expected failures (TRANSCRIPT:LINE).
Each implementation's command is checked first ('COMMAND --version' must succeed).

It prints a line per transcript as it finishes (with several implementations, then a matrix of
passed/ran examples per transcript and implementation), the failures, and an 'N passed,
M failed' line. An expected failure that fails is XFAIL, counted apart; one that passes is
XPASS and counts as a failure. PATH:LINE runs only the example at that line (those before it
run first, silently). Ctrl-C stops the run: commands are killed, sandboxes removed, and what
finished is reported (exit status 130).

  -j, --jobs N     transcripts run at once (default: twice the number of cores)
  --shard I/N      run only shard I of N: each transcript goes to one shard, balanced by size
  --json FILE      every example's verdict per implementation, with diffs and actual output
  --junit FILE     a JUnit XML report: a test suite per transcript, a test case per example
  --update, -u     rewrite the expected output of failing examples with what they printed,
                   values that differ from run to run written as '...'; those count as updated
                   (one implementation only; npm run update is this)
  --keep           keep the sandboxes (as KEEP_SANDBOX=1 does)

Exits 1 when any example fails, 2 on a usage error or an implementation that does not run.`;

export interface ConformanceArgs {
  implementations: Implementation[];
  paths: string[];
  jsonFile?: string;
  junitFile?: string;
  keep: boolean;
  update: boolean;
  jobs: number;
  shard?: Shard;
}

/** What the defaults come from: the working folder, KEEP_SANDBOX, and the number of cores. */
export interface ArgsContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  cores: number;
}

/** The parsed command line, or null for --help. Bad arguments throw a ConformanceError. */
export function parseArgs(argv: readonly string[], context: ArgsContext): ConformanceArgs | null {
  const args: ConformanceArgs = { implementations: [], paths: [], keep: context.env.KEEP_SANDBOX === "1", update: false, jobs: defaultJobs(context.cores) };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const [name, attached] = splitOption(arg);
    const value = () => {
      if (attached !== undefined) return attached;
      const next = argv[index + 1];
      if (next === undefined) throw new ConformanceError(`${name} requires a value`);
      index += 1;
      return next;
    };
    switch (name) {
      case "--impl":
        args.implementations.push(parseImplementationArg(value(), context.cwd));
        break;
      case "--config":
        args.implementations.push(...loadImplementationConfig(value()));
        break;
      case "--json":
        args.jsonFile = value();
        break;
      case "--junit":
        args.junitFile = value();
        break;
      case "-j":
      case "--jobs":
        args.jobs = parseJobs(value());
        break;
      case "--shard":
        args.shard = parseShard(value());
        break;
      case "--keep":
        args.keep = true;
        break;
      case "--update":
      case "-u":
        args.update = true;
        break;
      case "-h":
      case "--help":
        return null;
      default:
        if (arg.startsWith("-")) throw new ConformanceError(`unknown option ${arg}`);
        args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) throw new ConformanceError("no transcript paths given");
  if (args.implementations.length === 0) args.implementations.push({ name: "reference" });
  checkUniqueNames(args.implementations, (message) => {
    throw new ConformanceError(message);
  });
  return args;
}

/** `--name=value` and `-j4` carry their value; other arguments stand alone. */
function splitOption(arg: string): [string, string | undefined] {
  if (arg.startsWith("--") && arg.includes("=")) return [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)];
  if (/^-j\d/.test(arg)) return ["-j", arg.slice(2)];
  return [arg, undefined];
}

function parseJobs(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConformanceError(`--jobs must be a whole number of at least 1 (got '${text}')`);
  return Number(text);
}

/**
 * Transcripts run at once unless -j says: twice the cores, since a transcript spends much of its
 * time waiting on its commands (operations, sleeps, a stop's grace period), not computing.
 */
export function defaultJobs(cores: number): number {
  return Math.max(1, cores) * 2;
}
