// `guild runs rm|delete`, `guild runs restore` and `guild runs purge`: moving runs to and from the trash.
import { CliError } from "../io.js";
import { ALL_RUNS_SPEC, ABORTED_EXIT, confirm, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { deleteRuns, purgeRuns, restoreRuns } from "../runs/trash.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "./command.js";
import { stopRuns } from "./stop.js";

const deleteOptions = defineOptions([
  ...runFilterOptions,
  remoteOption("Delete remote runs."),
  yesOption("Do not prompt before deleting."),
  { name: "permanent", flags: ["-p", "--permanent"], kind: "flag", help: "Permanentaly delete runs so they cannot be recovered." },
]);

const restoreOptions = defineOptions([...runFilterOptions, remoteOption("Restore remote runs."), yesOption("Do not prompt before restoring.")]);

const purgeOptions = defineOptions([...runFilterOptions, remoteOption("Permanently delete remote runs."), yesOption("Do not prompt before purging.")]);

const runsArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type DeleteArgs = ParsedArgs<typeof deleteOptions, typeof runsArguments>;

/** The args of restore and purge, which take the same options. */
type TrashArgs = ParsedArgs<typeof restoreOptions, typeof runsArguments>;

async function deleteCommand(args: DeleteArgs, ctx: CommandContext): Promise<number> {
  const permanent = args.permanent;
  const warn = (message: string) => ctx.io.stderr(`WARNING: ${message}\n`);
  return runsOp(runSelectionFromArgs(args, { deleted: false }), ctx, {
    preview: permanent ? "WARNING: You are about to permanently delete the following runs:" : "You are about to delete the following runs:",
    confirm: permanent ? "Permanently delete {count} run(s)?" : "Delete {count} run(s)?",
    confirmDefault: !permanent,
    noRuns: "Nothing to delete.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    apply: async (selected) => {
      const stoppable = selected.filter((run) => run.status() === "running" && !run.remote);
      if (stoppable.length > 0 && !args.yes) {
        ctx.io.stderr("WARNING: One or more runs are still running and will be stopped before being deleted.\n");
        if (!(await confirm(ctx.io, "Really delete these runs?", false))) return ABORTED_EXIT;
      }
      await stopRuns(stoppable, ctx);
      deleteRuns(ctx.guildHome, selected, permanent, warn);
      ctx.io.stderr(`${permanent ? "Permanently deleted" : "Deleted"} ${selected.length} run(s)\n`);
    },
  });
}

async function restoreCommand(args: TrashArgs, ctx: CommandContext): Promise<number> {
  return runsOp(runSelectionFromArgs(args, { deleted: true }), ctx, {
    preview: "You are about to restore the following runs:",
    confirm: "Restore {count} run(s)?",
    confirmDefault: true,
    noRuns: "Nothing to restore.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    apply: (selected) => {
      restoreRuns(ctx.guildHome, selected, (message) => ctx.io.stderr(`WARNING: ${message}\n`));
      ctx.io.stderr(`Restored ${selected.length} run(s)\n`);
    },
  });
}

async function purgeCommand(args: TrashArgs, ctx: CommandContext): Promise<number> {
  return runsOp(runSelectionFromArgs(args, { deleted: true }), ctx, {
    preview: "WARNING: You are about to permanently delete the following runs:",
    confirm: "Permanently delete {count} run(s)?",
    confirmDefault: false,
    noRuns: "Nothing to purge.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    apply: (selected) => {
      purgeRuns(ctx.guildHome, selected);
      ctx.io.stderr(`Permanently deleted ${selected.length} run(s)\n`);
    },
  });
}

/** The command's action with selection errors reported and remote runs refused. */
const guarded =
  <Args extends { remote: string | null }>(body: (args: Args, ctx: CommandContext) => Promise<number>) =>
  (args: Args, ctx: CommandContext) =>
    withSelectionErrors(ctx.io, async () => {
      if (args.remote) throw new CliError("remote runs are not supported");
      return body(args, ctx);
    });

export const runsDeleteCommand = defineCommand({
  name: "delete",
  aliases: ["rm"],
  help: `Delete one or more runs.

Runs are deleting by specifying \`RUN\` arguments. If a \`RUN\`
argument is not specified, all runs matching the filter criteria
are deleted. See SPECIFYING RUNS and FILTERING topics for more
information on how runs are selected.

By default, Guild will display the list of runs to be deleted and
ask you to confirm the operation. If you want to delete the runs
without being prompted, use the \`\`--yes\`\` option.

**WARNING**: Take care when deleting runs using indexes as the
runs selected with indexes can change. Review the list of runs
carefully before confirming a delete operation.

If a run is still running, Guild will stop it first before
deleting it.

If you delete a run by mistake, provided you didn't use the
\`\`--permanent\`\` option, you can restore it using \`\`guild runs
restore\`\`.

If you want to permanently delete runs, use the \`\`--permanent\`\`
option.

**WARNING**: Permanentaly deleted runs cannot be restored.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

### Delete Remote Runs

To delete runs on a remote, use \`--remote\`.

{{ remote_support.remote_option }}`,
  options: deleteOptions,
  arguments: runsArguments,
  run: guarded(deleteCommand),
});

export const runsRestoreCommand = defineCommand({
  name: "restore",
  help: `Restore one or more deleted runs.

Runs are restored using \`RUN\` arguments. If a \`RUN\` argument is
not specified, all runs matching the filter criteria are
restored. See SPECIFYING RUNS and FILTERING topics for more
information.

Use \`\`guild runs list --deleted\`\` for a list of runs that can be
restored.

By default, Guild will display the list of runs to be restored and
ask you to confirm the operation. If you want to restore the runs
without being prompted, use the \`\`--yes\`\` option.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

### Restore Remote Runs

If a run has been deleted remotely, you can restore it using
\`--remote\` provided the remote type supports this feature.

{{ remote_support.remote_option }}`,
  options: restoreOptions,
  arguments: runsArguments,
  run: guarded(restoreCommand),
});

export const runsPurgeCommand = defineCommand({
  name: "purge",
  help: `Permanentaly delete one or more deleted runs.

**WARNING**: Purged runs cannot be recovered!

Runs are purged (i.e. permanently deleted) by specifying \`RUN\`
arguments. If a \`RUN\` argument is not specified, all runs matching
the filter criteria are purged. See SPECIFYING RUNS and FILTERING
topics for more information on how runs are selected.

Use \`\`guild runs list --deleted\`\` for a list of runs that can be
purged.

By default, Guild will display the list of runs to be purged and
ask you to confirm the operation. If you want to purge the runs
without being prompted, use the \`\`--yes\`\` option.

**WARNING**: Take care when purging runs using indexes as the runs
selected with indexes can change. Review the list of runs
carefully before confirming a purge operation.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

### Permanently Delete Remote Runs

If a run has been deleted remotely, you can permanently delete it
using \`--remote\` provided the remote type supports deleted run
recovery.

{{ remote_support.remote_option }}`,
  options: purgeOptions,
  arguments: runsArguments,
  run: guarded(purgeCommand),
});
