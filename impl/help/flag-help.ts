// A flag as Guild's help lists it (help.flags_dl): description, default, and its choices in a block kept as written.
import { encodeFlagValue } from "../flags/encode.js";
import type { DefinitionRow } from "../../lib/python/click-formatting.js";
import type { FlagChoice, FlagDef } from "../../lib/guildfile/index.js";
import { GuildBaseHelpFormatter } from "../format/help-formatter.js";
import { pythonStrip } from "../../lib/python/whitespace.js";

const choiceValue = (choice: FlagChoice) => encodeFlagValue(choice.alias ?? choice.value);

/** help._format_flag_choices: a kept (`\b`) block, `Choices:` with a value list or with a definition list when choices have descriptions. */
function choicesText(choices: FlagChoice[], maxNameLength: number, width: number): string {
  if (choices.some((choice) => choice.description)) {
    const out = new GuildBaseHelpFormatter(width - maxNameLength - 4);
    out.writeHeading("Choices");
    out.indentation(() => out.writeDl(choices.map((choice) => [choiceValue(choice), pythonStrip(choice.description).split("\n").join("\n\n")]), 30, 2, true));
    return "\n\b\n" + out.value();
  }
  const out = new GuildBaseHelpFormatter(width - maxNameLength - 4 - "Choices:".length);
  const values = encodeFlagValue(choices.map((choice) => choice.alias ?? choice.value));
  out.writeDl([["Choices:", values.startsWith("[") && values.endsWith("]") ? values.slice(1, -1) : values]]);
  return "\n\b\n" + out.value();
}

/** help._format_flag_desc: description, then its default (or required, or null label), then choices. */
function flagText(flag: FlagDef, maxNameLength: number, width: number): string {
  const lines = flag.description.split("\n");
  const suffix = flag.default !== null ? `(default is ${encodeFlagValue(flag.default)})` : flag.required ? "(required)" : flag.nullLabel ? `(default is ${flag.nullLabel})` : "";
  if (lines[0]) lines[0] += " ";
  lines[0] += suffix;
  if (flag.choices.length) lines.push(choicesText(flag.choices, maxNameLength, width));
  return lines.length > 1 ? lines.join("\n\n") : lines[0]!;
}

/** help.flags_dl: each flag's name and text, for a definition list kept by paragraph; `width` is the help page's. */
export function flagsDefinitions(flags: readonly FlagDef[], width: number): DefinitionRow[] {
  if (!flags.length) return [];
  const maxNameLength = Math.max(...flags.map((flag) => flag.name.length));
  return flags.map((flag) => [flag.name, flagText(flag, maxNameLength, width)]);
}
