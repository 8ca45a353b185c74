// Test support for commands: the args the CLI passes a command, with some values given.
import type { ArgumentSpec, OptionSpec, ParsedArgs } from "../cli/options.js";
import { parseCommandLine } from "../cli/parse.js";
import type { GuildCommand } from "./command.js";

/** Parsed args as the CLI passes them for an empty command line (every option at its default), then the overrides. */
export function argsFor<Options extends readonly OptionSpec[], Arguments extends readonly ArgumentSpec[]>(
  command: GuildCommand<Options, Arguments>,
  overrides: Partial<ParsedArgs<Options, Arguments>> = {},
): ParsedArgs<Options, Arguments> {
  const parsed = parseCommandLine(command, [], command.name);
  if (parsed.help) throw new Error("an empty command line asks for no help");
  return { ...parsed.values, ...overrides };
}
