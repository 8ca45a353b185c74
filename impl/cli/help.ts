// Help pages in click's layout: usage line, indented paragraphs, two-column option and command lists.
import { wrapText } from "../format/wrap.js";
import type { CommandSpec, OptionSpec } from "./options.js";
import { HELP_OPTION } from "./parse.js";

const WIDTH = 78;

/** Paragraphs separated by blank lines; lines indented by 4+ spaces are kept verbatim (examples). */
function formatParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    if (out.length) out.push("");
    const lines = paragraph.split("\n");
    if (lines.every((line) => /^ {4}/.test(line))) out.push(...lines.map((line) => "  " + line));
    else out.push(...wrapText(paragraph, WIDTH, "  "));
  }
  return out;
}

/** click's write_dl: names padded to the widest (at most 30) plus two spaces, text wrapped beside. */
export function definitionList(rows: [string, string][]): string[] {
  const firstWidth = Math.min(Math.max(0, ...rows.map(([first]) => first.length)), 30) + 2;
  const out: string[] = [];
  for (const [first, second] of rows) {
    if (!second) {
      out.push(`  ${first}`);
      continue;
    }
    const textLines = wrapText(second, Math.max(WIDTH - firstWidth - 2, 10));
    const head = first.length <= firstWidth - 2 ? `  ${first}${" ".repeat(firstWidth - first.length)}` : null;
    if (head === null) out.push(`  ${first}`);
    const pad = " ".repeat(firstWidth + 2);
    textLines.forEach((line, index) => out.push(index === 0 && head !== null ? head + line : pad + line));
    if (textLines.length > 1) out.push("");
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
}

function optionRow(option: OptionSpec): [string, string] {
  const takesValue = option.kind === "value" || option.kind === "multiple";
  const names = option.flags.join(", ") + (takesValue ? ` ${option.metavar ?? "TEXT"}` : "");
  return [names, option.help];
}

function usagePieces(spec: CommandSpec): string {
  if (spec.usage) return spec.usage;
  if (spec.subcommands?.length) return "[OPTIONS] COMMAND [ARGS]...";
  return ["[OPTIONS]", ...spec.arguments.map((argument) => argument.metavar)].join(" ");
}

/** The `--help` page of a command. */
export function formatHelp(spec: CommandSpec, commandPath: string): string {
  const lines = [`Usage: ${commandPath} ${usagePieces(spec)}`, ""];
  if (spec.help.trim()) lines.push(...formatParagraphs(spec.help), "");
  lines.push("Options:");
  const options = [...spec.options.filter((option) => !option.hidden), HELP_OPTION];
  lines.push(...definitionList(options.map(optionRow)));
  if (spec.subcommands?.length) {
    lines.push("", "Commands:");
    const commands = [...spec.subcommands].sort((a, b) => (a.name < b.name ? -1 : 1));
    lines.push(...definitionList(commands.map((command) => [[command.name, ...(command.aliases ?? [])].join(", "), command.help.trim().split("\n")[0]])));
  }
  return lines.join("\n") + "\n";
}
