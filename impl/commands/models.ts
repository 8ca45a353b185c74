// `guild models`: the project's models with the first line of their descriptions.
import { defineCommand } from "./command.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { formatTable } from "../format/table.js";
import { loadProjectGuildfile } from "../ops/project.js";
import { matchFilters } from "../ops/filters.js";

const modelsOptions = defineOptions([
  { name: "all", flags: ["-a", "--all"], kind: "flag", help: "Show all models including those designated as private." },
  { name: "installed", flags: ["-i", "--installed"], kind: "flag", help: "Include operations installed from packages when running command from a project directory." },
  { name: "verbose", flags: ["-v", "--verbose"], kind: "flag", help: "Show model details." },
]);

const filtersArgument = defineArguments([{ name: "filters", metavar: "[FILTER]...", variadic: true }]);

type ListArgs = ParsedArgs<typeof modelsOptions, typeof filtersArgument>;

export const modelsCommand = defineCommand({
  name: "models",
  help: `Show available models.

If the current directory is a project directory (i.e. contains a
Guild file), the command shows models defined for the
project. Otherwise, the command shows models defined in installed
packages.

Note that model operations defined in packages are always
available to run, even when running within a project directory. To
always show installed models, use the \`--installed\` option.

Use one or more \`FILTER\` arguments to show only models that match
the specified values.`,
  options: modelsOptions,
  arguments: filtersArgument,
  run: listModels,
});

async function listModels(args: ListArgs, ctx: CommandContext): Promise<number> {
  const guildfile = args.installed ? null : loadProjectGuildfile(ctx);
  const filters = args.filters;
  const rows = (guildfile?.models ?? [])
    .filter((model) => model.name)
    .map((model) => {
      const [description, ...details] = model.description.split("\n");
      return { model, description, details };
    })
    .filter(({ model, description }) => (!model.name.startsWith("_") || args.all) && matchFilters(filters, [model.name, description]))
    .sort((a, b) => (a.model.name < b.model.name ? -1 : a.model.name > b.model.name ? 1 : 0));
  const lines = formatTable(rows.map(({ model, description }) => [model.name, description]));
  rows.forEach((row, index) => {
    ctx.io.stdout(lines[index] + "\n");
    if (args.verbose) {
      ctx.io.stdout(`  source: ${row.model.guildfile.path}\n`);
      ctx.io.stdout(`  operations: ${row.model.operations.map((opdef) => opdef.name).join(", ")}\n`);
      ctx.io.stdout(`  details: ${detailsRepr(row.details)}\n`);
    }
  });
  return 0;
}

/** Python str() of Guild's details list (blank lines between detail lines). */
export function detailsRepr(details: string[]): string {
  const spaced = details.flatMap((line, index) => (index > 0 ? ["", line] : [line]));
  return "[" + spaced.map((line) => `'${line.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`).join(", ") + "]";
}
