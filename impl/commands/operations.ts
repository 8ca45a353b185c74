// `guild operations`: every operation of the project as MODEL:OP with the first line of its description.
import { defineCommand } from "./command.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { formatTable } from "../format/table.js";
import { loadProjectGuildfile } from "../ops/project.js";
import { matchFilters } from "../ops/filters.js";
import { encodeFlagValue } from "../flags/encode.js";
import { pyRepr } from "../../lib/python/repr.js";
import { detailsRepr } from "./models.js";

const operationsOptions = defineOptions([
  { name: "all", flags: ["-a", "--all"], kind: "flag", help: "Show all operations including those designated as private." },
  { name: "installed", flags: ["-i", "--installed"], kind: "flag", help: "Include operations installed from packages when running command from a project directory." },
  { name: "verbose", flags: ["-v", "--verbose"], kind: "flag", help: "Show operation details." },
]);

const filtersArgument = defineArguments([{ name: "filters", metavar: "[FILTER]...", variadic: true }]);

type ListArgs = ParsedArgs<typeof operationsOptions, typeof filtersArgument>;

export const operationsCommand = defineCommand({
  name: "operations",
  aliases: ["ops"],
  help: `Show model operations.

If the current directory is a project directory (i.e. contains a
Guild file), the command shows operations defined for the
project. Otherwise, the command shows operations defined in
installed packages.

Note that operations defined in packages are always available to
run, even when running within a project directory. To always show
installed operations, use the \`--installed\` option.

Use one or more \`FILTER\` arguments to show only operations with
names or models that match the specified values.`,
  options: operationsOptions,
  arguments: filtersArgument,
  run: listOperations,
});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function listOperations(args: ListArgs, ctx: CommandContext): Promise<number> {
  const guildfile = args.installed ? null : loadProjectGuildfile(ctx);
  const filters = args.filters;
  const rows = (guildfile?.models ?? [])
    .flatMap((model) => model.operations.map((opdef) => {
      const [description, ...details] = opdef.description.split("\n");
      return { opdef, description, details };
    }))
    .filter(({ opdef, description }) =>
      (!opdef.name.startsWith("_") || args.all) && (!opdef.model.name.startsWith("_") || args.all) && matchFilters(filters, [opdef.fullname, description]),
    )
    .sort((a, b) => compare(a.opdef.model.name, b.opdef.model.name) || compare(a.opdef.name, b.opdef.name));
  const lines = formatTable(rows.map(({ opdef, description }) => [opdef.fullname, description]));
  rows.forEach((row, index) => {
    ctx.io.stdout(lines[index] + "\n");
    if (args.verbose) {
      const flags = row.opdef.flags.map((flag) => `${flag.name}:${flag.description ? " " + flag.description : ""} (default is ${encodeFlagValue(flag.default)})`);
      ctx.io.stdout(`  main: ${row.opdef.main ?? "None"}\n`);
      ctx.io.stdout(`  flags: ${pyRepr(flags)}\n`);
      ctx.io.stdout(`  details: ${detailsRepr(row.details)}\n`);
    }
  });
  return 0;
}
