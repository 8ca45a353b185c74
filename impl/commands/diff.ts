// `guild diff` and `guild runs diff`: two runs' files, attributes, output or source code (or one run's and a directory) through a diff program.
import path from "node:path";
import { loadGuildfileIfExists } from "../../lib/guildfile/index.js";
import { GUILD_DIR, GUILD_FILES } from "../../lib/rundir/index.js";
import { isMapping } from "../../lib/python/values.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { diffCommandFor, runDiff } from "../runs/diff-command.js";
import type { Run } from "../runs/run.js";
import { filteredRuns } from "../runs/runs-op.js";
import { selectOneRun, withSelectionErrors } from "../runs/select.js";
import { defineCommand } from "./command.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";

const diffOptions = defineOptions([
  { name: "output", flags: ["-O", "--output"], kind: "flag", help: "Diff run output." },
  { name: "sourcecode", flags: ["-s", "--sourcecode"], kind: "flag", help: "Diff run source code." },
  { name: "env", flags: ["-e", "--env"], kind: "flag", help: "Diff run environment." },
  { name: "flags", flags: ["-f", "--flags"], kind: "flag", help: "Diff run flags." },
  { name: "attrs", flags: ["-a", "--attrs"], kind: "flag", help: "Diff all run attributes; if specified other attribute options are ignored." },
  { name: "deps", flags: ["-D", "--deps"], kind: "flag", help: "Diff run dependencies." },
  { name: "paths", flags: ["-p", "--path"], kind: "multiple", metavar: "PATH", help: "Diff specified path. May be used more than once." },
  { name: "working", flags: ["-w", "--working"], kind: "flag", help: "Diff run sourcecode to the associated working directory." },
  { name: "dir", flags: ["-d", "--dir"], kind: "value", metavar: "PATH", help: "Diff run to the specified directory, relative to cwd." },
  { name: "cmd", flags: ["-c", "--cmd"], kind: "value", metavar: "CMD", help: "Command used to diff runs." },
  ...runFilterOptions,
  remoteOption("Diff remote runs."),
]);

const diffArguments = defineArguments([
  { name: "run", metavar: "[RUN [RUN]]" },
  { name: "other_run", metavar: "" },
]);

type DiffArgs = ParsedArgs<typeof diffOptions, typeof diffArguments>;

/** os.path.join of two parts: an absolute second part wins. */
const pythonJoin = (base: string, part: string) => (part.startsWith("/") ? part : base.endsWith("/") || base === "" ? base + part : `${base}/${part}`);

function checkArgs(args: DiffArgs, commandPath: string): void {
  const pairs: [boolean, string][] = [
    [Boolean(args.dir), "--dir"],
    [args.sourcecode, "--sourcecode"],
  ];
  for (const [given, name] of pairs) {
    if (args.working && given) throw new CliError(`--working and ${name} cannot both be specified\nTry '${commandPath} --help' for more information.`);
  }
}

/** diff_impl._apply_default_runs: the run specs to diff (the second is null when diffing against a directory). */
function runSpecs(args: DiffArgs, commandPath: string): [string, string | null] {
  const againstDir = Boolean(args.dir) || args.working;
  if (!args.run) return againstDir ? ["1", null] : ["2", "1"];
  if (!args.other_run) {
    if (againstDir) return [args.run, null];
    throw new CliError(`diff requires two runs\nTry specifying a second RUN or '${commandPath} --help' for more information.`);
  }
  if (args.dir) throw new CliError("cannot specify second RUN and --dir");
  if (args.working) throw new CliError("cannot specify second RUN and --working");
  return [args.run, args.other_run];
}

const guildPath = (run: Run, ...parts: string[]) => path.join(run.dir, GUILD_DIR, ...parts);

/** run_util.sourcecode_dest: where the run's source code was copied. */
function sourcecodeDest(run: Run): string {
  const op = run.attr("op");
  const sourcecode = isMapping(op) ? op.sourcecode : null;
  const dest = isMapping(sourcecode) ? sourcecode.dest : null;
  return typeof dest === "string" && dest ? path.normalize(path.join(run.dir, dest)) : run.dir;
}

/** The run's working source code dir: its Guild file's dir (or sourcecode root), a script's dir; null when unknown. */
function workingDirForRun(run: Run, ctx: CommandContext): string | null {
  const opref = run.opref;
  if (!opref) return null;
  if (opref.pkgType === "guildfile") {
    const dir = path.dirname(opref.pkgName);
    let found = false;
    try {
      const guildfile = loadGuildfileIfExists(dir, { guildHome: ctx.guildHome, env: ctx.io.env });
      const model = guildfile?.models.find((candidate) => candidate.name === opref.modelName);
      found = Boolean(model?.operations.some((candidate) => candidate.name === opref.opName));
    } catch {
      found = false;
    }
    if (found) {
      const op = run.attr("op");
      const sourcecode = isMapping(op) ? op.sourcecode : null;
      const root = isMapping(sourcecode) ? sourcecode.root : null;
      return typeof root === "string" && root ? pythonJoin(dir, root) : dir;
    }
  }
  return opref.pkgType === "script" ? opref.pkgName : null;
}

/** diff_impl._diff_paths: the path pairs the options ask for, the run dirs when none. */
function diffPaths(run: Run, other: Run, args: DiffArgs, warn: (message: string) => void): [string, string][] {
  const pairs: [string, string][] = [];
  const attr = (...parts: string[]): [string, string] => [guildPath(run, GUILD_FILES.attrs, ...parts), guildPath(other, GUILD_FILES.attrs, ...parts)];
  if (args.attrs) {
    if (args.env) warn("ignoring --env (already included in --attrs)");
    if (args.flags) warn("ignoring --flags (already included in --attrs)");
    if (args.deps) warn("ignoring --deps (already included in --attrs)");
    pairs.push(attr());
  } else {
    if (args.env) pairs.push(attr("env"));
    if (args.flags) pairs.push(attr("flags"));
    if (args.deps) pairs.push(attr("deps"));
  }
  if (args.output) pairs.push([guildPath(run, GUILD_FILES.output), guildPath(other, GUILD_FILES.output)]);
  if (args.sourcecode) {
    const [dest, otherDest] = [sourcecodeDest(run), sourcecodeDest(other)];
    if (args.paths.length > 0) pairs.push(...args.paths.map((p): [string, string] => [pythonJoin(dest, p), pythonJoin(otherDest, p)]));
    else pairs.push([dest, otherDest]);
  } else {
    pairs.push(...args.paths.map((p): [string, string] => [pythonJoin(run.dir, p), pythonJoin(other.dir, p)]));
  }
  if (pairs.length === 0) pairs.push([run.dir, other.dir]);
  return pairs;
}

/** One path pair per --path (joined to each dir), or the dirs themselves. */
function dirPairs(dir: string, otherDir: string, paths: string[]): [string, string][] {
  return paths.length > 0 ? paths.map((p): [string, string] => [pythonJoin(dir, p), pythonJoin(otherDir, p)]) : [[dir, otherDir]];
}

async function diffCommand(args: DiffArgs, ctx: CommandContext): Promise<number> {
  if (args.remote) throw new CliError("remote runs are not supported");
  checkArgs(args, ctx.commandPath);
  const [spec, otherSpec] = runSpecs(args, ctx.commandPath);
  const oneRun = (runSpec: string) => selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), runSpec, ctx.commandPath);
  const warn = (message: string) => ctx.io.stderr(`WARNING: ${message}\n`);
  let pairs: [string, string][];
  if (args.dir) {
    pairs = dirPairs(oneRun(spec).dir, args.dir, args.paths);
  } else if (args.working) {
    const run = oneRun(spec);
    const workingDir = workingDirForRun(run, ctx);
    if (!workingDir) {
      throw new CliError(
        `cannot find working source code directory for run ${run.shortId}\nTry specifying the directory with 'guild diff ${run.shortId} --working-dir DIR'.`,
      );
    }
    pairs = dirPairs(sourcecodeDest(run), workingDir, args.paths);
  } else {
    const run = oneRun(spec);
    pairs = diffPaths(run, oneRun(otherSpec!), args, warn);
  }
  for (const [file, otherFile] of pairs) runDiff(diffCommandFor(file, args.cmd, ctx.io.env, ctx.projectDir, warn), file, otherFile, ctx.io);
  return 0;
}

export const diffCommandSpec = defineCommand({
  name: "diff",
  help: `Diff two runs.

If no RUN arguments are provided, the latest two filtered runs are
diffed. See FILTERING topics below for details on filtering runs
to diff.

If one RUN is specified, both must be specified, except when
\`--working\` or \`--working-dir\` is specified, in which case the second
RUN argument cannot be specified (see below).

{{ runs_support.all_filters }}

### Diff Sourcecode

Use \`--soucecode\` to diff source code between two runs. Use
\`--working\` to diff one run and its associated soure code working
directory. The working directory is run's Guild file sourcecode
root directory. Use \`--working-dir\` to specify an alternative
source code directory. Both \`--working\` and \`--working-dir\` imply
\`--sourcecode\`. When either \`--working\` or \`--working-dir\` are
used, a second RUN argument cannot also be specified.

### Diff Command

By default the \`\`diff\`\` program is used to diff run details. An
alternative default command may be specified in
\`\`~/.guild/config.yml\`\` using the \`\`command\`\` attribute of the
\`\`diff\`\` section.

To use a specific diff program with the command, use \`--cmd\`.

### Diff Remote Runs

To diff remote runs, use \`--remote\`. Note that any command
specified by \`--cmd\` must be available on the remote and must show
differences over standard output.

{{ remote_support.remote_option }}

`,
  options: diffOptions,
  arguments: diffArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => diffCommand(args, ctx)),
});
