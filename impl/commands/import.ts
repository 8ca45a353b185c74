// `guild import` and `guild runs import`: copying or moving runs from an archive directory or zip file into the runs dir.
import fs from "node:fs";
import path from "node:path";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { pythonExe } from "../ops/op-cmd.js";
import { importRuns } from "../runs/archive.js";
import { ALL_RUNS_SPEC, ABORTED_EXIT, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { withExtractedZip } from "../runs/zip-archive.js";
import { defineCommand } from "./command.js";
import { confirmCopyResources, transferLog } from "./export.js";
import { runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";

const importOptions = defineOptions([
  { name: "move", flags: ["-m", "--move"], kind: "flag", help: "Move imported runs rather than copy." },
  { name: "copy_resources", flags: ["--copy-resources"], kind: "flag", help: "Copy resources for each imported run." },
  ...runFilterOptions,
  yesOption("Do not prompt before importing."),
]);

const importArguments = defineArguments([
  { name: "archive", metavar: "ARCHIVE", required: true },
  { name: "runs", metavar: "[RUN...]", variadic: true },
]);

type ImportArgs = ParsedArgs<typeof importOptions, typeof importArguments>;

const isZipName = (archive: string) => archive.toLowerCase().endsWith(".zip");

/** Guild's checks of ARCHIVE before anything is listed. */
function checkArchive(args: ImportArgs, absArchive: string): void {
  if (!fs.existsSync(absArchive)) throw new CliError(`archive '${args.archive}' does not exist`);
  if (isZipName(args.archive)) {
    if (args.move) throw new CliError("'--move' cannot be used with zip archives");
  } else if (fs.statSync(absArchive).isFile()) {
    throw new CliError(`invalid archive ${args.archive} - expected a directory or a zip file`);
  }
}

/** Selects runs in `runsRoot` (the archive dir, or a zip's extracted copy), confirms, imports. */
function importFrom(runsRoot: string, args: ImportArgs, ctx: CommandContext, move: boolean): Promise<number> {
  return runsOp({ ...runSelectionFromArgs(args), archive: runsRoot }, ctx, {
    preview: `You are about to import (${args.move ? "move" : "copy"}) the following runs from '${args.archive}':`,
    confirm: "Continue?",
    confirmDefault: true,
    noRuns: "No runs to import.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    apply: async (selected) => {
      if (!(await confirmCopyResources(args, ctx))) return ABORTED_EXIT;
      const imported = importRuns(selected, ctx.guildHome, { move, copyResources: args.copy_resources }, transferLog(ctx));
      ctx.io.stderr(`Imported ${imported.length} run(s) from ${args.archive}\n`);
    },
  });
}

async function importCommand(args: ImportArgs, ctx: CommandContext): Promise<number> {
  const absArchive = path.resolve(ctx.io.cwd, args.archive);
  checkArchive(args, absArchive);
  if (!isZipName(args.archive)) return importFrom(absArchive, args, ctx, args.move);
  const host = { python: pythonExe(ctx.io.env), env: ctx.io.env };
  return withExtractedZip(absArchive, ctx.io.env.TMPDIR || "/tmp", host, (dir) => importFrom(dir, args, ctx, false));
}

export const importCommandSpec = defineCommand({
  name: "import",
  help: `Import one or more runs from \`ARCHIVE\`.

\`ARCHIVE\` must be a directory that contains exported runs. Archive
directories can be created using \`\`guild export\`\`.

You may use \`\`guild runs list --archive ARCHIVE\`\` to view runs in
\`ARCHIVE\`.

By default, resources are NOT copied with each imported run, but
their links are maintained. To copy resources, use
\`--copy-resources\`.

**WARNING**: Use \`--copy-resources\` with care as each imported run
will contain a separate copy of each resource!

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

`,
  usage: "[OPTIONS] ARCHIVE [RUN...]",
  options: importOptions,
  arguments: importArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => importCommand(args, ctx)),
});
