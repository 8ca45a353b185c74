// A `guild` command: what it declares for parsing and help (the CLI kit's CommandSpec) and its action on typed args.
import type { ArgumentSpec, CommandSpec, OptionSpec, ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";

export interface GuildCommand<Options extends readonly OptionSpec[] = readonly OptionSpec[], Arguments extends readonly ArgumentSpec[] = readonly ArgumentSpec[]>
  extends CommandSpec<Options, Arguments> {
  readonly subcommands?: readonly GuildCommand[];
  /** A sub-command listed by name and summary only (see lazySubcommand): the command itself, loaded when it runs. */
  load?(): Promise<GuildCommand>;
  /** Returns the exit code (0 when omitted). User-facing failures throw CliError. */
  run?(args: ParsedArgs<Options, Arguments>, ctx: CommandContext): Promise<number | void>;
}

/** A command whose action receives the args its own option and argument tables parse into. */
export function defineCommand<const Options extends readonly OptionSpec[], const Arguments extends readonly ArgumentSpec[] = []>(
  command: GuildCommand<Options, Arguments>,
): GuildCommand<Options, Arguments> {
  return command;
}
