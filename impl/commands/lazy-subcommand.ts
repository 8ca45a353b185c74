// A group's sub-command listed by name and summary, its module loaded only when it runs (as the top-level commands are).
// Not in command.ts: that module is part of `guild --help`'s start-up, which needs none of this.
import type { GuildCommand } from "./command.js";

/** What a group knows of a sub-command it loads only when it runs. */
export interface LazySubcommandEntry {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** The first line of the command's help. */
  readonly summary: string;
  load(): Promise<GuildCommand>;
}

/**
 * A group's sub-command as the group's help lists it: name, aliases and summary (the first line of
 * its help, a whole sentence, so the listing cuts it as it cuts the full help). Its module loads
 * only when it runs, so running one sub-command of a group loads none of the others.
 */
export function lazySubcommand(entry: LazySubcommandEntry): GuildCommand {
  return { name: entry.name, aliases: entry.aliases, help: entry.summary, options: [], arguments: [], load: entry.load };
}
