// `guild runs`: the run management group; with no sub-command it lists runs.
import { listRunsCommand, runsListCommand, runsListOptions } from "./runs-list.js";
import { defineCommand } from "./command.js";
import { lazySubcommand, type LazySubcommandEntry } from "./lazy-subcommand.js";

/**
 * The sub-commands of `guild runs` but `list`, each loaded when it runs: `guild runs` lists runs
 * without loading the code of the others (diff, export, merge... and what they need).
 */
export const runsSubcommands: readonly LazySubcommandEntry[] = [
  { name: "comment", summary: "Add or remove run comments.", load: async () => (await import("./comment.js")).makeCommentCommand() },
  { name: "delete", aliases: ["rm"], summary: "Delete one or more runs.", load: async () => (await import("./runs-remove.js")).runsDeleteCommand },
  { name: "diff", summary: "Diff two runs.", load: async () => (await import("./diff.js")).diffCommandSpec },
  { name: "export", summary: "Export one or more runs.", load: async () => (await import("./export.js")).exportCommandSpec },
  { name: "import", summary: "Import one or more runs from `ARCHIVE`.", load: async () => (await import("./import.js")).importCommandSpec },
  { name: "info", summary: "Show run information.", load: async () => (await import("./runs-info.js")).runsInfoCommand },
  { name: "label", summary: "Set run labels.", load: async () => (await import("./label.js")).makeLabelCommand() },
  { name: "mark", summary: "Mark a run.", load: async () => (await import("./mark.js")).makeMarkCommand() },
  { name: "merge", summary: "Copy run files to a project directory.", load: async () => (await import("./merge.js")).mergeCommandSpec },
  { name: "purge", summary: "Permanentaly delete one or more deleted runs.", load: async () => (await import("./runs-remove.js")).runsPurgeCommand },
  { name: "restore", summary: "Restore one or more deleted runs.", load: async () => (await import("./runs-remove.js")).runsRestoreCommand },
  { name: "stop", summary: "Stop one or more runs.", load: async () => (await import("./stop.js")).stopCommandSpec },
  { name: "tag", summary: "Add or remove run tags.", load: async () => (await import("./tag.js")).makeTagCommand() },
];

export const runsCommand = defineCommand({
  name: "runs",
  help: `Show or manage runs.

If \`COMMAND\` is omitted, lists runs. Refer to \`\`guild runs list
--help\`\` for more information on the \`list\` command.`,
  options: runsListOptions,
  arguments: [],
  subcommands: [...runsSubcommands.map(lazySubcommand), runsListCommand],
  // Guild invokes `list` in a context of its own: its argument checks name `guild runs list`.
  run: (args, ctx) => listRunsCommand(args, ctx, `${ctx.commandPath} list`),
});
