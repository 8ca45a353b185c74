// Help pages as Guild prints them: click's layout (usage, help text, options, commands) through Guild's HelpFormatter.
import { helpWidth, joinOptions, makeDefaultShortHelp, terminalColumns, type DefinitionRow } from "../../lib/python/click-formatting.js";
import { pyJsonDumps } from "../../lib/python/json.js";
import { GUILD_VERSION } from "../version.js";
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
class GuildHelpFormatter extends GuildBaseHelpFormatter {
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
const listedName = (command: CommandSpec) => [command.name, ...(command.aliases ?? [])].join(", ");

/** Help sections by the names Guild's docstrings give them (`runs_support.all_filters`), as those docstrings read. */
export type HelpSections = Readonly<Record<string, string>>;

/**
 * click_util.render_doc: each `{{ name }}` in a help text replaced by the section of that name, as written.
 * Like Guild's (whose re.split is given re.DOTALL as its maxsplit), it replaces the first 16 at most.
 */
export function renderDoc(doc: string, sections: HelpSections): string {
  const parts: string[] = [];
  let rest = doc;
  for (let splits = 0; splits < 16; splits++) {
    const match = /\{\{.*\}\}/.exec(rest);
    if (!match) break;
    parts.push(rest.slice(0, match.index), match[0]);
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(rest);
  return parts
    .map((part) => {
      const placeholder = /^\{\{(.+)\}\}/.exec(part);
      if (!placeholder) return part;
      const name = placeholder[1]!.trim();
      const section = sections[name];
      if (section === undefined) throw new Error(`help text names an unknown section: ${name}`);
      return section;
    })
    .join("");
}

/** click's Command.get_short_help_str: the given short help, or the start of the help text. */
function shortHelp(command: CommandSpec, limit: number, sections: HelpSections): string {
  const text = command.shortHelp !== undefined ? cleandoc(command.shortHelp) : makeDefaultShortHelp(renderDoc(command.help, sections), limit);
  return text.trim();
}

/** What a help page shows, whatever its format: usage, help text, option rows, command rows. */
interface HelpContent {
  usage: string;
  /** Empty when the command has no help text. */
  text: string;
  options: DefinitionRow[];
  commands: DefinitionRow[];
}

/** The page's content; short helps in the command list are cut to what fits `width` beside the widest name. */
function helpContent(spec: CommandSpec, width: number, sections: HelpSections): HelpContent {
  const commands = (spec.subcommands ?? []).filter((command) => !command.hidden).map((command) => [listedName(command), command] as const);
  commands.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const limit = width - 6 - Math.max(0, ...commands.map(([name]) => name.length));
  return {
    usage: usagePieces(spec),
    text: cleandoc(renderDoc(spec.help, sections)).split("\f")[0]!,
    options: [...spec.options.filter((option) => !option.hidden), HELP_OPTION].map(optionRow),
    commands: commands.map(([name, command]) => [name, shortHelp(command, limit, sections)]),
  };
}

/**
 * The `--help` page of a command named `commandPath` (as typed), wrapped for `columns` (see terminalColumns);
 * `sections` holds what its help text's `{{ name }}` placeholders stand for.
 */
export function formatHelp(spec: CommandSpec, commandPath: string, columns = 80, sections: HelpSections = {}): string {
  const out = new GuildHelpFormatter(helpWidth(columns));
  const content = helpContent(spec, out.width, sections);
  out.writeUsage(commandPath, content.usage);
  if (content.text) {
    out.writeParagraph();
    out.indentation(() => out.writeText(content.text));
  }
  out.section("Options", () => out.writeDl(content.options));
  if (content.commands.length) out.section("Commands", () => out.writeDl(content.commands));
  return out.value().replace(/\n+$/, "") + "\n";
}

/** The width of click_util.JSONHelpFormatter, so nothing is cut. */
const JSON_WIDTH = 999999999;

/** The page as click_util.JSONHelpFormatter writes it (GUILD_HELP_JSON): texts as written, markup kept. */
export function formatHelpJson(spec: CommandSpec, commandPath: string, sections: HelpSections = {}): string {
  const content = helpContent(spec, JSON_WIDTH, sections);
  const rows = (items: DefinitionRow[]) => items.map(([term, help]) => ({ term, help }));
  const page: Record<string, unknown> = { version: GUILD_VERSION, usage: { prog: commandPath, args: content.usage } };
  if (content.text) page.help = content.text;
  page.options = rows(content.options);
  if (content.commands.length) page.commands = rows(content.commands);
  return pyJsonDumps(page) + "\n";
}

/** The help page Guild prints for `--help`: JSON when GUILD_HELP_JSON is set, else text for the terminal's width. */
export function helpPage(
  spec: CommandSpec,
  commandPath: string,
  sections: HelpSections,
  env: Readonly<Record<string, string | undefined>>,
  ttyColumns?: number,
): string {
  if (env.GUILD_HELP_JSON) return formatHelpJson(spec, commandPath, sections);
  return formatHelp(spec, commandPath, terminalColumns(env, ttyColumns), sections);
}
