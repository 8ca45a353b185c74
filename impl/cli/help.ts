// Help pages as Guild prints them: click's layout (usage, help text, options, commands) through Guild's HelpFormatter.
import { helpWidth, joinOptions, makeDefaultShortHelp, type DefinitionRow, type HelpFormatter } from "../../lib/python/click-formatting.js";
import { GuildBaseHelpFormatter } from "../format/help-formatter.js";
import { cleandoc } from "../../lib/python/docstrings.js";
import type { CommandSpec, OptionSpec } from "./options.js";
import { HELP_OPTION } from "./parse.js";

/** Guild's markup in help texts, as its HelpFormatter renders it for a terminal (click_util.HelpFormatter._text_subs). */
function renderMarkup(text: string): string {
  return text
    .replace(/``/g, "'")
    .replace(/`/g, "")
    .replace(/^### (.+?)$/gm, (_heading, title: string) => title.toUpperCase())
    .replace(/\*\*/g, "");
}

/** guild.click_util.HelpFormatter, which commands' help pages use: Guild's markup rendered in texts and definition lists. */
export class GuildHelpFormatter extends GuildBaseHelpFormatter {
  override writeText(text: string): void {
    super.writeText(renderMarkup(text));
  }

  override writeDl(rows: readonly DefinitionRow[], _colMax?: number, _colSpacing?: number, preserveParagraphs = false): void {
    super.writeDl(
      rows.map(([term, text]) => [term, renderMarkup(text)] as const),
      30,
      2,
      preserveParagraphs,
    );
  }
}

/** The metavar click derives from an option's type when none is given. */
function typeMetavar(option: OptionSpec): string {
  if (option.type === "int") return option.min === undefined ? "INTEGER" : "INTEGER RANGE";
  if (option.type === "number") return "NUMBER";
  return "TEXT";
}

/** click's Option.get_help_record (Guild strips the `[default: ...]` extras click would add). */
function optionRow(option: OptionSpec): DefinitionRow {
  const takesValue = option.kind === "value" || option.kind === "multiple";
  const names = joinOptions(option.flags) + (takesValue ? ` ${option.metavar ?? typeMetavar(option)}` : "");
  return [names, option.help];
}

function usagePieces(spec: CommandSpec): string {
  if (spec.usage) return spec.usage;
  const pieces = ["[OPTIONS]", ...spec.arguments.map((argument) => argument.metavar)];
  if (spec.subcommands?.length) pieces.push("COMMAND [ARGS]...");
  return pieces.join(" ");
}

/** The name a group lists a command under: its name and aliases (`delete, rm`). */
export const listedName = (command: CommandSpec) => [command.name, ...(command.aliases ?? [])].join(", ");

/** click's Command.get_short_help_str: the given short help, or the start of the help text. */
function shortHelp(command: CommandSpec, limit: number): string {
  const text = command.shortHelp !== undefined ? cleandoc(command.shortHelp) : makeDefaultShortHelp(command.help, limit);
  return text.trim();
}

/** The Commands section of a group: sorted names, short helps cut to what fits beside the widest name. */
function writeCommands(spec: CommandSpec, out: HelpFormatter): void {
  const commands = (spec.subcommands ?? []).filter((command) => !command.hidden).map((command) => [listedName(command), command] as const);
  if (!commands.length) return;
  commands.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const limit = out.width - 6 - Math.max(...commands.map(([name]) => name.length));
  out.section("Commands", () => out.writeDl(commands.map(([name, command]) => [name, shortHelp(command, limit)])));
}

/** The `--help` page of a command named `commandPath` (as typed), wrapped for `columns` (see terminalColumns). */
export function formatHelp(spec: CommandSpec, commandPath: string, columns = 80): string {
  const out = new GuildHelpFormatter(helpWidth(columns));
  out.writeUsage(commandPath, usagePieces(spec));
  const text = cleandoc(spec.help).split("\f")[0]!;
  if (text) {
    out.writeParagraph();
    out.indentation(() => out.writeText(text));
  }
  const options = [...spec.options.filter((option) => !option.hidden), HELP_OPTION];
  out.section("Options", () => out.writeDl(options.map(optionRow)));
  writeCommands(spec, out);
  return out.value().replace(/\n+$/, "") + "\n";
}
