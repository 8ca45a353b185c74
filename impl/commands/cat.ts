// `guild cat [RUN] -p PATH | --output`: print a run file, a source code file or the run's output (cat_impl).
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { isMapping } from "../../lib/python/values.js";
import { filteredRuns } from "../runs/runs-op.js";
import type { Run } from "../runs/run.js";
import { selectOneRun, withSelectionErrors } from "../runs/select.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const catOptions = defineOptions([
  { name: "path", flags: ["-p", "--path"], kind: "value", metavar: "PATH", help: "Path of file to show. Require unless --output is used." },
  { name: "sourcecode", flags: ["-s", "--sourcecode"], kind: "flag", help: "Apply PATH to source code files." },
  { name: "output", flags: ["-O", "--output"], kind: "flag", help: "Show run output. Cannot be used with --path." },
  { name: "page", flags: ["-pa", "--page"], kind: "flag", help: "Show file in pager." },
  ...runFilterOptions,
  remoteOption("Show contents of a remote run file."),
]);

const catArguments = defineArguments([{ name: "run", metavar: "[RUN]" }]);

const RELATIVE_PATH_ERROR = "PATH must be relative\nTry 'guild cat --help' for more information.";

/** run_util.sourcecode_dest: where the run's source code was copied (the run dir unless the op names a dest). */
function sourceCodeDest(run: Run): string {
  const op = run.attr("op");
  const sourcecode = isMapping(op) ? op.sourcecode : null;
  const dest = isMapping(sourcecode) ? sourcecode.dest : null;
  return typeof dest === "string" && dest ? path.normalize(path.join(run.dir, dest)) : run.dir;
}

/** Python's str() of the OSError open() raises, as Guild prints it. */
function openErrorMessage(error: NodeJS.ErrnoException, file: string): string {
  const reasons: Record<string, [number, string]> = {
    EISDIR: [21, "Is a directory"],
    EACCES: [13, "Permission denied"],
    ENOTDIR: [20, "Not a directory"],
    ELOOP: [40, "Too many levels of symbolic links"],
  };
  const known = error.code ? reasons[error.code] : undefined;
  if (!known) return error.message;
  return `[Errno ${known[0]}] ${known[1]}: '${file}'`;
}

function readRunFile(file: string): string {
  try {
    const descriptor = fs.openSync(file, "r");
    try {
      return fs.readFileSync(descriptor, "utf8");
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`${file} does not exist`);
    if (code) throw new CliError(openErrorMessage(error as NodeJS.ErrnoException, file));
    throw error;
  }
}

function catPath(run: Run, args: ParsedArgs<typeof catOptions, typeof catArguments>, ctx: CommandContext): string {
  if (args.output) {
    if (args.path || args.sourcecode) ctx.io.stderr("--output cannot be used with other options - ignorning other options\n");
    return path.join(run.dir, ".guild", "output");
  }
  if (!args.path) throw new CliError("-p / --path is required unless --output is specified");
  return path.join(args.sourcecode ? sourceCodeDest(run) : run.dir, args.path);
}

async function cat(args: ParsedArgs<typeof catOptions, typeof catArguments>, ctx: CommandContext): Promise<number> {
  if (args.path && path.isAbsolute(args.path)) throw new CliError(RELATIVE_PATH_ERROR);
  if (args.remote) throw new CliError("remote runs are not supported");
  const run = selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), args.run, ctx.commandPath);
  ctx.io.stdout(readRunFile(catPath(run, args, ctx)));
  return 0;
}

export const catCommand = defineCommand({
  name: "cat",
  help: `Show contents of a run file.

{{ runs_support.run_arg }}

If \`RUN\` isn't specified, the latest run is selected.

\`-p, --path\` is required unless \`--output\` is used. \`PATH\` must be
a relative path to a file in the specified run directory or to the
run source directory if \`--sourcecode\` is specified.

\`--sourcecode\` may be used to show a source code file.

\`--output\` may be used to show output for a run. This option
may not be used with other options.

{{ runs_support.all_filters }}`,
  options: catOptions,
  arguments: catArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => cat(args, ctx)),
});
