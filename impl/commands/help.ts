// `guild help`: the project's operations and models with their flags, as a help page.
import { printLoadMessages } from "../ops/project.js";
import fs from "node:fs";
import path from "node:path";
import { defineCommand } from "./command.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { GUILDFILE_NAME, GuildfileError, loadGuildfileIfExists, type LoadedGuildfile } from "../../lib/guildfile/index.js";
import { formatPackageDescription, formatProjectHelp, formatProjectMarkdown, type PackageSummary } from "../help/project-help.js";
import { terminalColumns } from "../../lib/python/click-formatting.js";
import { pyStr } from "../../lib/python/repr.js";
import { pythonStrip } from "../../lib/python/whitespace.js";

const helpOptions = defineOptions([
  { name: "package_description", flags: ["--package-description"], kind: "flag", help: "Show the package description." },
  { name: "markdown", flags: ["--markdown"], kind: "flag", help: "Show help using Markdown format" },
  { name: "base_heading_level", flags: ["--base-heading-level"], kind: "value", type: "int", default: 1, help: "Base heading level for generated markdown (default is 1)" },
  { name: "title", flags: ["--title"], kind: "value", default: "Guild AI Help", help: "Page title used for generating markdown" },
  { name: "no_pager", flags: ["-n", "--no-pager"], kind: "flag", help: "Do not use a pager when showing help." },
]);

const helpArguments = defineArguments([{ name: "path_or_package", metavar: "[PATH_OR_PACKAGE]" }]);

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

type HelpArgs = ParsedArgs<typeof helpOptions, typeof helpArguments>;

/** cmd_impl_support.cwd_desc: how Guild names a directory given on the command line. */
function directoryDescription(dir: string, ctx: CommandContext): string {
  return path.resolve(ctx.io.cwd, dir) === ctx.io.cwd ? "the current directory" : `'${dir}'`;
}

/** cmd_impl_support.path_or_package_guildfile: the Guild file of a directory, of a Guild file's path, or of a package. */
function guildfileFor(target: string, ctx: CommandContext): LoadedGuildfile {
  const resolved = path.resolve(ctx.io.cwd, target);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (stat?.isFile() && path.basename(resolved) !== GUILDFILE_NAME) throw new CliError(`help for a Guild file not named ${GUILDFILE_NAME} is not supported`);
  if (!stat) throw new CliError(`cannot find a package matching '${target}'\nTry 'guild packages' for a list of installed packages.`);
  const dir = stat.isFile() ? path.dirname(resolved) : resolved;
  let guildfile;
  try {
    guildfile = loadGuildfileIfExists(dir, { guildHome: ctx.guildHome, env: ctx.io.env });
  } catch (error) {
    // Guild reports a bad Guild file here as the error itself.
    if (error instanceof GuildfileError) throw new CliError(error.message);
    throw error;
  }
  printLoadMessages(ctx, guildfile?.messages ?? []);
  if (!guildfile) {
    throw new CliError(
      `${directoryDescription(target, ctx)} does not contain a Guild file (guild.yml)\nTry specifying a project path or package name or '${ctx.commandPath} --help' for help.`,
    );
  }
  return guildfile;
}

/** help._format_guildfile_dir: the project directory relative to the working directory (`'./sub'`). */
function guildfileDirDescription(dir: string, ctx: CommandContext): string {
  if (dir === ctx.io.cwd) return "the current directory";
  const relative = path.relative(ctx.io.cwd, dir) || ".";
  return `'${relative.startsWith(".") ? relative : `./${relative}`}'`;
}

async function showHelp(args: HelpArgs, ctx: CommandContext): Promise<number> {
  if (args.package_description && args.markdown) throw new CliError("--package-description and --markdown cannot both be used");
  const guildfile = guildfileFor(args.path_or_package ?? ctx.projectDirArg ?? ".", ctx);
  const where = guildfile.packageName !== undefined ? `the '${guildfile.packageName}' package` : guildfileDirDescription(guildfile.dir, ctx);
  const columns = terminalColumns(ctx.io.env, ctx.io.terminalColumns);
  let page: string;
  if (args.package_description) page = formatPackageDescription(guildfile, packageSummary(guildfile), columns);
  else if (args.markdown) page = formatProjectMarkdown(guildfile, args.title, args.base_heading_level, columns);
  else page = formatProjectHelp(guildfile, where, columns);
  ctx.io.stdout(page + "\n");
  return 0;
}

/** guildfile.PackageDef's description (stripped) and tags, for the package description. */
function packageSummary(guildfile: LoadedGuildfile): PackageSummary | null {
  if (guildfile.packageName === undefined) return null;
  const data = guildfile.packageData ?? {};
  const description = typeof data.description === "string" ? pythonStrip(data.description) : "";
  const tags = Array.isArray(data.tags) ? data.tags.map((tag) => pyStr(tag)) : [];
  return { name: guildfile.packageName, description, tags };
}
