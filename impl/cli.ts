// runCli(argv, io): global options, command dispatch, usage errors and CliError → message + exit code.
import { CliError, type Io } from "./io.js";
import { commands } from "./commands/index.js";
import type { CommandSpec, OptionSpec } from "./commands/types.js";
import type { CommandContext } from "./context.js";
import { parseCommandLine } from "./cli/parse.js";
import { formatUsageError, UsageError } from "./cli/usage-error.js";
import { formatHelp } from "./cli/help.js";
import { ensureGuildHome, projectDirectory } from "./home.js";

export const GUILD_VERSION = "0.8.2";

const globalOptions: OptionSpec[] = [
  { name: "version", flags: ["--version"], kind: "flag", help: "Show the version and exit." },
  { name: "cwd", flags: ["-C"], kind: "value", metavar: "PATH", default: ".", help: "Use PATH as current directory for referencing guild files (guild.yml)." },
  { name: "guild_home", flags: ["-H"], kind: "value", metavar: "PATH", help: "Use PATH as Guild home (default is ~/.guild)." },
  { name: "debug", flags: ["--debug"], kind: "flag", help: "Log more information during command." },
];

export const rootCommand: CommandSpec = {
  name: "guild",
  help: "Guild AI command line interface.",
  options: globalOptions,
  arguments: [],
  subcommands: commands,
};

function findSubcommand(group: CommandSpec, name: string): CommandSpec | undefined {
  return group.subcommands?.find((command) => command.name === name || command.aliases?.includes(name));
}

function anySpecified(values: Record<string, unknown>): boolean {
  return Object.values(values).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value)));
}

async function invoke(spec: CommandSpec, argv: string[], path: string, ctx: CommandContext): Promise<number> {
  const parsed = parseCommandLine(spec, argv, path);
  if (parsed.help) {
    ctx.io.stdout(formatHelp(spec, path));
    return 0;
  }
  if (spec.subcommands?.length && parsed.rest.length) {
    const [name, ...rest] = parsed.rest;
    const sub = findSubcommand(spec, name);
    if (!sub) throw new UsageError({ kind: "no-such-command", name }, path);
    if (spec.run && anySpecified(parsed.values)) throw new CliError(`options cannot be listed before command ('${name}')`);
    // Messages name a command as the user typed it (`guild runs rm`, not its canonical `delete`).
    return invoke(sub, rest, `${path} ${name}`, ctx);
  }
  if (!spec.run) {
    ctx.io.stdout(formatHelp(spec, path));
    return 0;
  }
  const result = await spec.run(parsed.values, { ...ctx, commandPath: path });
  return typeof result === "number" ? result : 0;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(rootCommand, argv, "guild");
  if (parsed.values.version && !parsed.help) {
    io.stdout(`guild ${GUILD_VERSION}\n`);
    return 0;
  }
  if (parsed.help || parsed.rest.length === 0) {
    io.stdout(formatHelp(rootCommand, "guild"));
    return 0;
  }
  const [name, ...rest] = parsed.rest;
  const command = findSubcommand(rootCommand, name);
  if (!command) throw new UsageError({ kind: "no-such-command", name }, "guild");
  const projectDirArg = String(parsed.values.cwd);
  const ctx: CommandContext = {
    io,
    guildHome: ensureGuildHome((parsed.values.guild_home as string | null) ?? null, io),
    projectDir: projectDirectory(projectDirArg, io),
    projectDirArg,
    commandPath: `guild ${name}`,
    logLevel: parsed.values.debug ? 10 : 20,
  };
  return invoke(command, rest, `guild ${name}`, ctx);
}

/** Prints a CliError as Guild does: `guild: ` before the first line of the message. */
export function printCliError(error: CliError, io: Io): void {
  if (error.hasMessage) io.stderr(`guild: ${error.message}\n`);
}

/** Runs one `guild` command line; returns the exit code. Unexpected exceptions propagate (bugs). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(formatUsageError(error));
      return 2;
    }
    if (error instanceof CliError) {
      printCliError(error, io);
      return error.exitCode;
    }
    throw error;
  }
}
