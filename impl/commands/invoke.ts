// Running one command of the tree: its options parsed, help or a sub-command, then its action; errors as guild prints them.
import { CliError, type Io } from "../io.js";
import type { CommandContext } from "../context.js";
import { helpPage } from "../cli/help.js";
import { HELP_SECTIONS } from "./shared-help.js";
import { parseCommandLine } from "../cli/parse.js";
import { formatUsageError, UsageError } from "../cli/usage-error.js";
import type { GuildCommand } from "./command.js";

/** The sub-command of a group named `name` (or one of its aliases). */
export function findSubcommand(group: GuildCommand, name: string): GuildCommand | undefined {
  return group.subcommands?.find((command) => command.name === name || command.aliases?.includes(name));
}

function anySpecified(values: Record<string, unknown>): boolean {
  return Object.values(values).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
}

/** Parses argv for `command` (named `path` in messages) and runs it, its help, or the sub-command argv names. */
export async function invokeCommand(command: GuildCommand, argv: string[], path: string, ctx: CommandContext): Promise<number> {
  const parsed = parseCommandLine(command, argv, path);
  if (parsed.help) {
    ctx.io.stdout(helpPage(command, path, HELP_SECTIONS, ctx.io.env, ctx.io.terminalColumns));
    return 0;
  }
  if (command.subcommands?.length && parsed.rest.length) {
    const [name, ...rest] = parsed.rest;
    const listed = findSubcommand(command, name);
    if (!listed) throw new UsageError({ kind: "no-such-command", name }, path);
    if (command.run && anySpecified(parsed.values)) throw new CliError(`options cannot be listed before command ('${name}')`);
    const sub = listed.load ? await listed.load() : listed;
    // Messages name a command as the user typed it (`guild runs rm`, not its canonical `delete`).
    return invokeCommand(sub, rest, `${path} ${name}`, ctx);
  }
  if (!command.run) {
    ctx.io.stdout(helpPage(command, path, HELP_SECTIONS, ctx.io.env, ctx.io.terminalColumns));
    return 0;
  }
  const result = await command.run(parsed.values, { ...ctx, commandPath: path });
  return typeof result === "number" ? result : 0;
}

/**
 * The exit code of a command, printing its user-facing failure as guild does: a usage error with
 * its help pointer (exit 2), a CliError as `guild: <message>`. Other exceptions propagate (bugs).
 */
export async function reportCommandErrors(io: Io, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(formatUsageError(error));
      return 2;
    }
    if (error instanceof CliError) {
      if (error.hasMessage) io.stderr(`guild: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
