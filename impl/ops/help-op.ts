// `guild run OP --help-op`: usage, description, dependencies that have descriptions, and flags (help.print_op_help).
import { helpWidth, type DefinitionRow } from "../../lib/python/click-formatting.js";
import { isMapping, type PyValue } from "../../lib/python/values.js";
import { pyStr } from "../../lib/python/repr.js";
import type { OpDef } from "../../lib/guildfile/index.js";
import { GuildBaseHelpFormatter } from "../format/help-formatter.js";
import { flagsDefinitions } from "../help/flag-help.js";

/** The description of each resource the op's model defines (ResourceDef.description). */
function modelResourceDescriptions(opdef: OpDef): Map<string, string> {
  const resources = opdef.model.raw.resources;
  const descriptions = new Map<string, string>();
  if (!isMapping(resources)) return descriptions;
  for (const [name, data] of Object.entries(resources)) {
    const description = isMapping(data) ? data.description : null;
    descriptions.set(name, typeof description === "string" ? description : "");
  }
  return descriptions;
}

/** help._format_op_deps_dl: each dependency named by a spec, with its description or its model resource's; only those with one. */
function dependencyRows(opdef: OpDef): DefinitionRow[] {
  const resources = modelResourceDescriptions(opdef);
  const rows: DefinitionRow[] = [];
  for (const item of opdef.requires as PyValue[]) {
    let spec: PyValue = null;
    let description: PyValue = "";
    if (typeof item === "string") spec = item;
    else if (isMapping(item) && "resource" in item) {
      spec = item.resource ?? null;
      description = item.description || "";
    }
    if (spec === null) continue;
    const text = (typeof description === "string" ? description : pyStr(description)) || resources.get(pyStr(spec)) || "";
    if (text) rows.push([pyStr(spec), text]);
  }
  return rows;
}

/** The text printed for --help-op, wrapped for `columns` (see terminalColumns). */
export function formatOpHelp(opdef: OpDef, columns = 80): string {
  const out = new GuildBaseHelpFormatter(helpWidth(columns));
  out.writeUsage("guild", `run [OPTIONS] ${opdef.fullname} [FLAG]...`);
  if (opdef.description) {
    out.writeParagraph();
    out.writeText(opdef.description.replace(/\n/g, "\n\n"));
  }
  out.writeParagraph();
  out.writeText("Use 'guild run --help' for a list of options.");
  const seen = new Set<string>();
  const flags = opdef.flags.filter((flag) => !seen.has(flag.name) && seen.add(flag.name));
  for (const [title, rows] of [["Dependencies", dependencyRows(opdef)], ["Flags", flagsDefinitions(flags, out.width)]] as const) {
    if (!rows.length) continue;
    out.writeParagraph();
    out.writeHeading(title);
    out.indentation(() => out.writeDl(rows, 30, 2, true));
  }
  return out.value();
}

/** The Resources section's rows: each resource the model defines, by name, with its description. */
function resourceRows(opdef: OpDef): DefinitionRow[] {
  return [...modelResourceDescriptions(opdef)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The text printed for --help-model (help.print_model_help): the op's model, its operations and resources. */
export function formatModelHelp(opdef: OpDef, columns = 80): string {
  const model = opdef.model;
  const out = new GuildBaseHelpFormatter(helpWidth(columns));
  out.writeUsage("guild", `run [OPTIONS] ${model.name}:OPERATION [FLAG]...`);
  if (model.description) {
    out.writeParagraph();
    out.writeText(model.description.replace(/\n/g, "\n\n"));
  }
  out.writeParagraph();
  out.writeText(`Use 'guild run ${model.name}:OPERATION --help-op' for help on a particular operation.`);
  const operations: DefinitionRow[] = model.operations.map((op) => [op.name, (op.description || "").split("\n")[0]!]);
  for (const [title, rows] of [["Operations", operations], ["Resources", resourceRows(opdef)]] as const) {
    if (!rows.length) continue;
    out.writeParagraph();
    out.writeHeading(title);
    out.indentation(() => out.writeDl(rows, 30, 2, true));
  }
  return out.value();
}

/** The help page `--help-model` or `--help-op` asks for (the model's first, as Guild checks), or null for none. */
export function requestedOpHelp(opdef: OpDef, params: { help_model: boolean; help_op: boolean }, columns = 80): string | null {
  if (params.help_model) return formatModelHelp(opdef, columns);
  if (params.help_op) return formatOpHelp(opdef, columns);
  return null;
}
