// runCli(argv, io): guild's global options (-C, -H, --version, --debug), then the command they name.
import type { Io } from "./io.js";
import { commands } from "./commands/index.js";
import { defineCommand } from "./commands/command.js";
import { findSubcommand, invokeCommand, reportCommandErrors } from "./commands/invoke.js";
import type { CommandContext } from "./context.js";
import { defineOptions } from "./cli/options.js";
import { parseCommandLine } from "./cli/parse.js";
import { UsageError } from "./cli/usage-error.js";
import { formatHelp } from "./cli/help.js";
import { ensureGuildHome, projectDirectory } from "./home.js";

export const GUILD_VERSION = "0.8.2";

const globalOptions = defineOptions([
  { name: "version", flags: ["--version"], kind: "flag", help: "Show the version and exit." },
  { name: "cwd", flags: ["-C"], kind: "value", metavar: "PATH", default: ".", help: "Use PATH as current directory for referencing guild files (guild.yml)." },
  { name: "guild_home", flags: ["-H"], kind: "value", metavar: "PATH", help: "Use PATH as Guild home (default is ~/.guild)." },
  { name: "debug", flags: ["--debug"], kind: "flag", help: "Log more information during command." },
]);

export const rootCommand = defineCommand({
  name: "guild",
  help: "Guild AI command line interface.",
  options: globalOptions,
  arguments: [],
  subcommands: commands,
});

async function dispatch(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(rootCommand, argv, "guild");
  if (!parsed.help && parsed.values.version) {
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
  const projectDirArg = parsed.values.cwd;
  const ctx: CommandContext = {
    io,
    guildHome: ensureGuildHome(parsed.values.guild_home, io),
    projectDir: projectDirectory(projectDirArg, io),
    projectDirArg,
    commandPath: `guild ${name}`,
    logLevel: parsed.values.debug ? 10 : 20,
    argv,
  };
  return invokeCommand(command, rest, `guild ${name}`, ctx);
}

/** Runs one `guild` command line; returns the exit code. Unexpected exceptions propagate (bugs). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  return reportCommandErrors(io, () => dispatch(argv, io));
}
