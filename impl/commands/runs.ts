// `guild runs`: the run management group; with no sub-command it lists runs.
import { listRunsCommand, runsListCommand, runsListOptions } from "./runs-list.js";
import { runsInfoCommand } from "./runs-info.js";
import { runsDeleteCommand, runsPurgeCommand, runsRestoreCommand } from "./runs-remove.js";
import { makeLabelCommand } from "./label.js";
import { makeTagCommand } from "./tag.js";
import { makeMarkCommand } from "./mark.js";
import { makeCommentCommand } from "./comment.js";
import { defineCommand } from "./command.js";
import { exportCommandSpec } from "./export.js";
import { importCommandSpec } from "./import.js";
import { mergeCommandSpec } from "./merge.js";
import { diffCommandSpec } from "./diff.js";
import { stopCommandSpec } from "./stop.js";

export const runsCommand = defineCommand({
  name: "runs",
  help: `Show or manage runs.

If \`COMMAND\` is omitted, lists runs. Refer to \`\`guild runs list
--help\`\` for more information on the \`list\` command.`,
  options: runsListOptions,
  arguments: [],
  subcommands: [makeCommentCommand(), runsDeleteCommand, diffCommandSpec, exportCommandSpec, importCommandSpec, runsInfoCommand, makeLabelCommand(), runsListCommand, makeMarkCommand(), mergeCommandSpec, runsPurgeCommand, runsRestoreCommand, stopCommandSpec, makeTagCommand()],
  // Guild invokes `list` in a context of its own: its argument checks name `guild runs list`.
  run: (args, ctx) => listRunsCommand(args, ctx, `${ctx.commandPath} list`),
});
