// `guild runs mark [RUN...]` (also `guild mark`): mark runs for dependency resolution, or unmark them with `--clear`.
import { ALL_RUNS_SPEC, LATEST_RUN_SPEC, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const markOptions = defineOptions([
  { name: "clear", flags: ["-c", "--clear"], kind: "flag", help: "Clear the run's selected designation." },
  ...runFilterOptions,
  yesOption("Do not prompt before modifying runs."),
]);

const markArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type MarkArgs = ParsedArgs<typeof markOptions, typeof markArguments>;

/** runs_impl.mark: with no RUN, both marking and clearing look only at marked runs, as Guild 0.8.2 does. */
async function mark(args: MarkArgs, ctx: CommandContext): Promise<number> {
  const selection = runSelectionFromArgs(args);
  if (args.runs.length === 0) selection.filter = { ...selection.filter, marked: true };
  const clear = args.clear;
  return runsOp(selection, ctx, {
    preview: `You are about to ${clear ? "unmark" : "mark"} the following runs:`,
    confirm: "Continue?",
    confirmDefault: true,
    noRuns: clear ? "No runs to unmark." : "No runs to mark.",
    defaultSpecs: clear ? ALL_RUNS_SPEC : LATEST_RUN_SPEC,
    yes: args.yes,
    apply: (selected) => {
      for (const run of selected) {
        if (clear) run.deleteAttr("marked");
        else run.writeAttr("marked", true);
      }
      ctx.io.stderr(`${clear ? "Unmarked" : "Marked"} ${selected.length} run(s)\n`);
    },
  });
}

export function makeMarkCommand(name = "mark") {
  return defineCommand({
    name,
    help: `Mark a run.

Marked runs are used to resolve operation dependencies. If a run
for a required operation is marked, it is used rather than the
latest run.

Marked runs may be viewed when listing runs using the \`--marked\`
option.

To unmark the run, use \`--clear\`.

{{ runs_support.run_arg }}

When marking, if \`RUN\` isn't specified, the latest unmarked run is
used. When clearing, if \`RUN\` isn't specified, all marked runs
are used.

{{ runs_support.all_filters }}`,
    options: markOptions,
    arguments: markArguments,
    run: (args, ctx) => withSelectionErrors(ctx.io, () => mark(args, ctx)),
  });
}

export const markCommand = makeMarkCommand();
