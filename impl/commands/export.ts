// `guild export` and `guild runs export`: copying or moving runs to an archive directory or a zip file.
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { pythonExe } from "../ops/op-cmd.js";
import { exportRunsToDir, type TransferLog } from "../runs/archive.js";
import { ALL_RUNS_SPEC, ABORTED_EXIT, confirm, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { exportRunsToZip } from "../runs/zip-archive.js";
import { defineCommand } from "./command.js";
import { runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";

const exportOptions = defineOptions([
  { name: "move", flags: ["-m", "--move"], kind: "flag", help: "Move exported runs rather than copy." },
  { name: "copy_resources", flags: ["-r", "--copy-resources"], kind: "flag", help: "Copy resources for each exported run." },
  ...runFilterOptions,
  yesOption("Do not prompt before exporting."),
]);

const exportArguments = defineArguments([
  { name: "location", metavar: "LOCATION", required: true },
  { name: "runs", metavar: "[RUN...]", variadic: true },
]);

type ExportArgs = ParsedArgs<typeof exportOptions, typeof exportArguments>;

/** Guild's run_util log lines as the CLI prints them. */
export function transferLog(ctx: CommandContext): TransferLog {
  return {
    info: (message) => ctx.io.stderr(`${message}\n`),
    warn: (message) => ctx.io.stderr(`WARNING: ${message}\n`),
    error: (message) => ctx.io.stderr(`ERROR: ${message}\n`),
  };
}

/** The second confirmation `--copy-resources` asks for (export and import alike); false when declined. */
export async function confirmCopyResources(args: { copy_resources: boolean; yes: boolean }, ctx: CommandContext): Promise<boolean> {
  if (!args.copy_resources || args.yes) return true;
  ctx.io.stderr("WARNING: You specified --copy-resources, which will copy resources used by each run.\n");
  return confirm(ctx.io, "Really copy resources exported runs?", false);
}

const isZipName = (location: string) => location.toLowerCase().endsWith(".zip");

async function exportCommand(args: ExportArgs, ctx: CommandContext): Promise<number> {
  const location = args.location;
  return runsOp(runSelectionFromArgs(args), ctx, {
    preview: `You are about to ${args.move ? "move" : "copy"} the following runs to '${location}':`,
    confirm: "Continue?",
    confirmDefault: true,
    noRuns: "No runs to export.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    apply: async (selected) => {
      if (!(await confirmCopyResources(args, ctx))) return ABORTED_EXIT;
      const options = { move: args.move, copyResources: args.copy_resources };
      const exported = isZipName(location)
        ? exportRunsToZip(selected, location, ctx.io.cwd, args.move, args.copy_resources, { python: pythonExe(ctx.io.env), env: ctx.io.env }, transferLog(ctx))
        : exportRunsToDir(selected, location, ctx.io.cwd, options, transferLog(ctx));
      ctx.io.stderr(`Exported ${exported.length} run(s) to ${location}\n`);
    },
  });
}

export const exportCommandSpec = defineCommand({
  name: "export",
  help: `Export one or more runs.

\`LOCATION\` must be a writeable directory.

By default, runs are copied to \`LOCATION\`. Use \`--move\` to move
them instead.

By default, resources are NOT copied with each exported run, but
their links are maintained. To copy resources, use
\`--copy-resources\`.

**WARNING**: Use \`--copy-resources\` with care as each exported run
will contain a separate copy of each resource!

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

`,
  usage: "[OPTIONS] LOCATION [RUN...]",
  options: exportOptions,
  arguments: exportArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => exportCommand(args, ctx)),
});
