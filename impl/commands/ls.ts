// `guild ls [RUN]`: list the files of a run (latest by default).
import path from "node:path";
import { CliError } from "../io.js";
import { listRunFiles } from "../runs/files.js";
import { formatUserDir } from "../runs/paths.js";
import { filteredRuns } from "../runs/runs-op.js";
import { selectOneRun, withSelectionErrors } from "../runs/select.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const lsOptions = defineOptions([
  { name: "path", flags: ["-p", "--path"], kind: "value", metavar: "PATH", help: "Path to list." },
  { name: "sourcecode", flags: ["-s", "--sourcecode"], kind: "flag", help: "List source code files." },
  { name: "dependencies", flags: ["-d", "--dependencies"], kind: "flag", help: "List dependencies." },
  { name: "generated", flags: ["-g", "--generated"], kind: "flag", help: "List generated." },
  { name: "all", flags: ["-a", "--all"], kind: "flag", help: "Show all files including Guild files." },
  { name: "full_path", flags: ["-f", "--full-path"], kind: "flag", help: "Show full path for files." },
  { name: "follow_links", flags: ["-L", "--follow-links"], kind: "flag", help: "Follow links." },
  { name: "no_format", flags: ["-n", "--no-format"], kind: "flag", help: "Show files without additional formatting." },
  { name: "human_readable", flags: ["-h", "--human-readable"], kind: "flag", help: "Show human readable sizes when -x is used." },
  ...runFilterOptions,
  remoteOption("List files for for remote run."),
]);

const lsArguments = defineArguments([{ name: "run", metavar: "[RUN]" }]);

async function ls(args: ParsedArgs<typeof lsOptions, typeof lsArguments>, ctx: CommandContext): Promise<number> {
  if (args.remote) throw new CliError("remote runs are not supported");
  const subpath = args.path || null;
  if (subpath && path.isAbsolute(subpath)) throw new CliError("PATH must be relative\nTry 'guild ls --help' for more information.");
  const run = selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), args.run, ctx.commandPath);
  const plain = args.no_format || args.full_path;
  if (!plain) {
    // Guild formats the header with abspath, so NO_HEADER_PATH's bare id is resolved against the cwd.
    const dir = ctx.io.env.NO_HEADER_PATH === "1" ? path.basename(run.dir) : run.dir;
    ctx.io.stdout(`${formatUserDir(path.resolve(ctx.io.cwd, dir), ctx.io.env.HOME)}:\n`);
  }
  const files = listRunFiles(run.dir, {
    path: subpath,
    all: args.all,
    sourcecode: args.sourcecode,
    dependencies: args.dependencies,
    generated: args.generated,
    fullPath: args.full_path,
    followLinks: args.follow_links,
  });
  for (const file of files) ctx.io.stdout(plain ? `${file}\n` : `  ${file}\n`);
  return 0;
}

export const lsCommand = defineCommand({
  name: "ls",
  help: `List run files.

\`--path\` may be specified as a relative path pattern to limit
results within the run directory to matching files.

\`--source\` limits the results to run source files. If \`--path\` is
specified with \`--source\`, the path pattern limits results within
the source directory rather than the run directory.

{{ runs_support.run_arg }}

If \`RUN\` isn't specified, the latest run is selected.

{{ runs_support.all_filters }}

### Remote Runs

Use \`--remote\` to list files for a remote run.

{{ remote_support.remote_option }}`,
  options: lsOptions,
  arguments: lsArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => ls(args, ctx)),
});
