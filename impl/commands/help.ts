// `guild help`: the project's operations and models with their flags, as a help page.
import { defineCommand } from "./command.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { GuildfileError, loadGuildfileIfExists } from "../../lib/guildfile/index.js";
import { formatProjectHelp } from "../help/project-help.js";

const helpOptions = defineOptions([
  { name: "no_pager", flags: ["-n", "--no-pager"], kind: "flag", help: "Do not use a pager when showing help." },
]);

const helpArguments = defineArguments([]);

export const helpCommand = defineCommand({
  name: "help",
  help: `Show help for a path or package.

By default shows information about the models defined in the
project.

To display the description for distributions generated using the
package command, specify the \`--package-description\` option.`,
  options: helpOptions,
  arguments: helpArguments,
  run: showHelp,
});

async function showHelp(_args: ParsedArgs<typeof helpOptions, typeof helpArguments>, ctx: CommandContext): Promise<number> {
  let guildfile;
  try {
    guildfile = loadGuildfileIfExists(ctx.projectDir, { guildHome: ctx.guildHome, env: ctx.io.env });
  } catch (error) {
    // Guild reports a bad Guild file here as the error itself.
    if (error instanceof GuildfileError) throw new CliError(error.message);
    throw error;
  }
  for (const message of guildfile?.messages ?? []) ctx.io.stderr(message + "\n");
  if (!guildfile) {
    throw new CliError("the current directory does not contain a Guild file (guild.yml)\nTry specifying a project path or package name or 'guild help --help' for help.");
  }
  const where = guildfile.packageName !== undefined ? `the '${guildfile.packageName}' package` : "the current directory";
  ctx.io.stdout(formatProjectHelp(guildfile, where) + "\n");
  return 0;
}
