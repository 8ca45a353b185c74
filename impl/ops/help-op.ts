// `guild run OP --help-op`: usage, description, dependencies with descriptions, and flags (help.print_op_help).
import { encodeFlagValue } from "../flags/encode.js";
import { wrapText } from "../format/wrap.js";
import type { OpDef } from "../../lib/guildfile/index.js";

function flagHelp(opdef: OpDef): string[] {
  const flags = opdef.flags.filter((flag) => !flag.name.startsWith("_"));
  if (!flags.length) return [];
  const width = Math.max(...flags.map((flag) => flag.name.length));
  const lines = ["", "Flags:"];
  for (const flag of flags) {
    let text = flag.description.split("\n")[0];
    const suffix = flag.required ? "(required)" : flag.default === null ? (flag.nullLabel ? `(default is ${flag.nullLabel})` : "") : `(default is ${encodeFlagValue(flag.default)})`;
    text = [text, suffix].filter(Boolean).join(" ");
    const prefix = `  ${flag.name.padEnd(width)}  `;
    const wrapped = wrapText(text, Math.max(78 - prefix.length, 10));
    if (!wrapped.length) lines.push(prefix.trimEnd());
    wrapped.forEach((line, index) => lines.push(index === 0 ? prefix + line : " ".repeat(prefix.length) + line));
    for (const choice of flag.choices) {
      const choiceText = `${encodeFlagValue(choice.value)}${choice.description ? `  ${choice.description}` : ""}`;
      lines.push(`${" ".repeat(prefix.length)}${choiceText}`);
    }
  }
  return lines;
}

/** The text printed for --help-op. */
export function formatOpHelp(opdef: OpDef): string {
  const lines = [`Usage: guild run [OPTIONS] ${opdef.fullname} [FLAG]...`, ""];
  if (opdef.description) {
    for (const paragraph of opdef.description.split(/\n\s*\n/)) lines.push(...wrapText(paragraph, 78), "");
  }
  lines.push("Use 'guild run --help' for a list of options.");
  lines.push(...flagHelp(opdef));
  return lines.join("\n") + "\n";
}
