// `guild tag [RUN...]`: add, delete or clear run tags, optionally syncing labels; `--list-all` lists tags.
import { CliError } from "../io.js";
import { labelWords, removeLabelParts } from "../runs/label-edit.js";
import type { Run } from "../runs/run.js";
import { ALL_RUNS_SPEC, LATEST_RUN_SPEC, runsOp, selectedRuns } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { checkRequired } from "./label.js";
import { checkIncompatible } from "./incompatible-options.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const tagOptions = defineOptions([
  { name: "add", flags: ["-a", "--add"], kind: "multiple", metavar: "TAG", help: "Associate TAG with specified runs. May be used multiple times." },
  { name: "delete", flags: ["-d", "--delete"], kind: "multiple", metavar: "TAG", help: "Delete TAG from specified runs. May be used multiple times." },
  { name: "clear", flags: ["-c", "--clear"], kind: "flag", help: "Clear all tags associated with specified runs." },
  { name: "sync_labels", flags: ["-s", "--sync-labels"], kind: "flag", help: "Update run label by adding and deleting corresponding tag parts." },
  { name: "list_all", flags: ["--list-all"], kind: "flag", help: "List all tags used for the specified runs." },
  ...runFilterOptions,
  remoteOption("Tag remote runs."),
  yesOption("Do not prompt before modifying tags."),
]);

const tagArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type TagArgs = ParsedArgs<typeof tagOptions, typeof tagArguments>;

const sortStrings = (items: Iterable<string>) => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const runTags = (run: Run) => run.tags.map(String);

function newTags(oldTags: string[], args: TagArgs): string[] {
  const tags = new Set(oldTags);
  for (const tag of args.clear ? oldTags : args.delete) tags.delete(tag);
  for (const tag of args.add) tags.add(tag);
  return sortStrings(tags);
}

function syncedLabel(run: Run, oldTags: string[], args: TagArgs): string {
  const toDelete = new Set(args.clear ? oldTags : args.delete);
  const oldLabel = run.label;
  let label = removeLabelParts(toDelete, oldLabel);
  const words = labelWords(oldLabel);
  const toPrepend = args.add.filter((tag) => !words.includes(tag));
  if (toPrepend.length > 0) label = `${toPrepend.join(" ")} ${label}`;
  return label;
}

async function tag(args: TagArgs, ctx: CommandContext): Promise<number> {
  checkRequired(args, ["add", "delete", "clear", "list_all"], ctx.commandPath);
  checkIncompatible(args, [["add", "list_all"], ["delete", "list_all"], ["clear", "list_all"]], ctx.commandPath);
  if (args.remote) throw new CliError("remote runs are not supported");
  if (args.list_all) {
    const tags = new Set(selectedRuns(runSelectionFromArgs(args), ctx, ALL_RUNS_SPEC).flatMap(runTags));
    for (const name of sortStrings(tags)) ctx.io.stdout(name + "\n");
    return 0;
  }
  const labelsNote = args.sync_labels
    ? "Labels are updated to reflect the latest tags."
    : "Labels are not updated - use --sync-labels to apply changes run labels.";
  return runsOp(runSelectionFromArgs(args), ctx, {
    preview: `You are about to modify tags for the following runs:\n${labelsNote}`,
    confirm: "Continue?",
    confirmDefault: true,
    noRuns: "No runs to modify.",
    defaultSpecs: LATEST_RUN_SPEC,
    yes: args.yes,
    apply: (selected) => {
      for (const run of selected) {
        const oldTags = runTags(run);
        run.writeAttr("tags", newTags(oldTags, args));
        if (args.sync_labels) run.writeAttr("label", syncedLabel(run, oldTags, args));
      }
      ctx.io.stderr(`Modified tags for ${selected.length} run(s)\n`);
    },
  });
}

export function makeTagCommand(name = "tag") {
  return defineCommand({
    name,
    help: `Add or remove run tags.

Tags may be used to filter runs using the \`--tag\` option with run
related commands.

Use this command to add and remove tags for one or more runs. To
remove all tags, use \`--clear\`.

Note that modifying tags for a run does not modify the run label,
which may contain tags from when the run was generated. To update
run labels, use the \`label\` command.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`1\`\` is assumed (the most
recent run).

{{ runs_support.all_filters }}

### Tag Remote Runs

To tag remote runs, use \`--remote\`.

{{ remote_support.remote_option }}`,
    options: tagOptions,
    arguments: tagArguments,
    run: (args, ctx) => withSelectionErrors(ctx.io, () => tag(args, ctx)),
  });
}

export const tagCommand = makeTagCommand();
