// Every `guild` command, one line each: its name and summary for `guild --help`, and the module holding it.
// A command's module is loaded only when the command runs, so `guild --help` or `guild runs` loads none of the others.
import type { GuildCommand } from "./command.js";

export interface CommandEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** The first line of the command's help, as `guild --help` lists it. */
  readonly summary: string;
  load(): Promise<GuildCommand>;
}

export const commands: readonly CommandEntry[] = [
  { name: "compare", summary: "Compare run results.", load: async () => (await import("./compare.js")).compareCommand },
  { name: "models", summary: "Show available models.", load: async () => (await import("./models.js")).modelsCommand },
  { name: "operations", aliases: ["ops"], summary: "Show model operations.", load: async () => (await import("./operations.js")).operationsCommand },
  { name: "run", summary: "Run an operation.", load: async () => (await import("./run.js")).runCommand },
  { name: "runs", summary: "Show or manage runs.", load: async () => (await import("./runs.js")).runsCommand },
  { name: "ls", summary: "List run files.", load: async () => (await import("./ls.js")).lsCommand },
  { name: "select", summary: "Select a run and shows its ID.", load: async () => (await import("./select.js")).selectCommand },
  { name: "label", summary: "Set run labels.", load: async () => (await import("./label.js")).labelCommand },
  { name: "tag", summary: "Add or remove run tags.", load: async () => (await import("./tag.js")).tagCommand },
  { name: "cat", summary: "Show contents of a run file.", load: async () => (await import("./cat.js")).catCommand },
  { name: "mark", summary: "Mark a run.", load: async () => (await import("./mark.js")).markCommand },
  { name: "comment", summary: "Add or remove run comments.", load: async () => (await import("./comment.js")).commentCommand },
  { name: "help", summary: "Show help for a path or package.", load: async () => (await import("./help.js")).helpCommand },
  { name: "export", summary: "Export one or more runs.", load: async () => (await import("./export.js")).exportCommandSpec },
  { name: "import", summary: "Import one or more runs from `ARCHIVE`.", load: async () => (await import("./import.js")).importCommandSpec },
  { name: "merge", summary: "Copy run files to a project directory.", load: async () => (await import("./merge.js")).mergeCommandSpec },
  { name: "diff", summary: "Diff two runs.", load: async () => (await import("./diff.js")).diffCommandSpec },
  { name: "stop", summary: "Stop one or more runs.", load: async () => (await import("./stop.js")).stopCommandSpec },
  { name: "api", summary: "CLI based API calls.", load: async () => (await import("./api.js")).apiCommand },
  { name: "watch", summary: "Watch run output.", load: async () => (await import("./watch.js")).watchCommand },
];
