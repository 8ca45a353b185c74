// `guild help`: the project's operations and models with their flags, as a help page.
import { defineCommand } from "./command.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { loadProjectGuildfile } from "../ops/project.js";
import { formatProjectHelp } from "../help/project-help.js";

const helpOptions = defineOptions([
  { name: "no_pager", flags: ["-n", "--no-pager"], kind: "flag", help: "Do not use a pager when showing help." },
]);

const helpArguments = defineArguments([]);

export const helpCommand = defineCommand({
  name: "help",
  help: `Show help for a path or package.

By default shows information about the models defined in the project.`,
  options: helpOptions,
  arguments: helpArguments,
  run: showHelp,
});

async function showHelp(_args: ParsedArgs<typeof helpOptions, typeof helpArguments>, ctx: CommandContext): Promise<number> {
  const guildfile = loadProjectGuildfile(ctx);
  if (!guildfile) {
    throw new CliError("the current directory does not contain a Guild file (guild.yml)\nTry specifying a project path or package name or 'guild help --help' for help.");
  }
  ctx.io.stdout(formatProjectHelp(guildfile, "the current directory") + "\n");
  return 0;
}
