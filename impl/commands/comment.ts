// `guild comment [RUN...]` (also `guild runs comment`): list, add, delete or clear run comments.
import { CliError } from "../io.js";
import { commentListing, deleteComment, newComment, runComments } from "../runs/comments.js";
import { LATEST_RUN_SPEC, runsOp, selectedRuns } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { checkIncompatible } from "./incompatible-options.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const commentOptions = defineOptions([
  { name: "list", flags: ["-l", "--list"], kind: "flag", help: "List comments for specified runs." },
  { name: "add", flags: ["-a", "--add"], kind: "value", metavar: "COMMENT", help: "Add comment to specified runs." },
  { name: "edit", flags: ["-e", "--edit"], kind: "flag", help: "Use an editor to type a comment. Enabled by default if COMMENT is not specified using --add." },
  { name: "delete", flags: ["-d", "--delete"], kind: "value", type: "int", metavar: "INDEX", help: "Delete comment at INDEX from specified runs. Use `--list` to show available indexes." },
  { name: "clear", flags: ["-c", "--clear"], kind: "flag", help: "Clear all comments associated with specified runs." },
  { name: "user", flags: ["-u", "--user"], kind: "value", metavar: "USER", help: "User associated with new comments. May include host as USER@HOST. By default the current user is used." },
  ...runFilterOptions,
  remoteOption("Apply comments to remote runs."),
  yesOption("Do not prompt before modifying comments."),
]);

const commentArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type CommentArgs = ParsedArgs<typeof commentOptions, typeof commentArguments>;

const INCOMPATIBLE = [
  ["list", "add"],
  ["list", "delete"],
  ["list", "clear"],
  ["add", "delete"],
  ["add", "clear"],
  ["edit", "delete"],
  ["edit", "clear"],
  ["delete", "clear"],
] as const;

async function comment(args: CommentArgs, ctx: CommandContext): Promise<number> {
  checkIncompatible(args, INCOMPATIBLE, ctx.commandPath);
  if (args.remote) throw new CliError("remote runs are not supported");
  const selection = runSelectionFromArgs(args);
  const { io } = ctx;
  if (args.list) {
    const runs = selectedRuns(selection, ctx, LATEST_RUN_SPEC);
    for (const line of commentListing(runs, true, ctx.projectDir, io.env.HOME)) io.stdout(line + "\n");
    return 0;
  }
  const base = { confirm: "Continue?", noRuns: "No runs to modify.", defaultSpecs: LATEST_RUN_SPEC, yes: args.yes };
  if (args.delete) {
    const index = args.delete;
    return runsOp(selection, ctx, {
      ...base,
      preview: `You are about to delete comment ${index} from the following runs:`,
      confirmDefault: true,
      apply: (selected) => {
        for (const run of selected) run.writeAttr("comments", deleteComment(runComments(run), index));
        io.stderr(`Deleted comment for ${selected.length} run(s)\n`);
      },
    });
  }
  if (args.clear) {
    return runsOp(selection, ctx, {
      ...base,
      preview: "WARNING: You are about to delete ALL comments from the following runs:",
      confirmDefault: false,
      apply: (selected) => {
        for (const run of selected) run.deleteAttr("comments");
        io.stderr(`Deleted all comments for ${selected.length} run(s)\n`);
      },
    });
  }
  if (!args.add || args.edit) throw new CliError("editing comments is not supported (use --add COMMENT)");
  const body = args.add.trim();
  if (!body) {
    io.stderr("Aborting due to an empty comment.\n");
    throw new CliError(null, 1);
  }
  const who = { user: io.env.USER || "", host: io.env.HOST || io.hostname };
  return runsOp(selection, ctx, {
    ...base,
    preview: "You are about to add a comment to the following runs:",
    confirmDefault: true,
    apply: (selected) => {
      for (const run of selected) run.writeAttr("comments", [...runComments(run), newComment(body, args.user, who, io.nowMicros())]);
      io.stderr(`Added comment to ${selected.length} run(s)\n`);
    },
  });
}

export function makeCommentCommand(name = "comment") {
  return defineCommand({
    name,
    help: `Add or remove run comments.

By default Guild opens the default text editor to add a new
comment to the specified runs.

To list runs, use \`--list\`.

To add a comment without using an editor, use \`--add\`.

To delete a comment, use \`--delete\` with the comment index shown
using \`--list\`.

To delete all comments associated with specified runs, use \`--clear\`.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`1\`\` is assumed (the most
recent run).

{{ runs_support.all_filters }}

### Comment Remote Runs

To apply the comment command to remote runs, use \`--remote\`. When
using \`--remote\` you must explicitly provide comments when adding
using \`-a, --add\`. The \`--edit\` option is not supported with
\`--remote\`.

{{ remote_support.remote_option }}`,
    options: commentOptions,
    arguments: commentArguments,
    run: (args, ctx) => withSelectionErrors(ctx.io, () => comment(args, ctx)),
  });
}

export const commentCommand = makeCommentCommand();
