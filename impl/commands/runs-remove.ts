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
  help: "Delete one or more runs.",
  options: deleteOptions,
  arguments: runsArguments,
  run: guarded(deleteCommand),
});

export const runsRestoreCommand = defineCommand({
  name: "restore",
  help: "Restore one or more deleted runs.",
  options: restoreOptions,
  arguments: runsArguments,
  run: guarded(restoreCommand),
});

export const runsPurgeCommand = defineCommand({
  name: "purge",
  help: "Permanentaly delete one or more deleted runs.",
  options: purgeOptions,
  arguments: runsArguments,
  run: guarded(purgeCommand),
});
