// `guild compare`: runs side by side with flags and scalars, as a table (-t), CSV (--csv) or scalar list (--print-scalars).
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { buildCompareData, compareCsv, CompareError, type CompareOptions } from "../compare/compare-table.js";
import { formatTable } from "../format/table.js";
import { formatRunOperation, formatTimestamp } from "../runs/format.js";
import type { Run } from "../runs/run.js";
import { ALL_RUNS_SPEC, selectedRuns } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { readRunScalars } from "../scalars/scalar-summary.js";
import { formatScalarLine } from "../scalars/scalar-info.js";
import { compareRunInput, GuildfileCache } from "./compare-runs.js";
import { checkIncompatible } from "./incompatible-options.js";
import { runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "./command.js";

const compareOptions = defineOptions([
  { name: "min_col", flags: ["--min"], kind: "value", metavar: "COLUMN", help: "Show the lowest values for COLUMN first." },
  { name: "max_col", flags: ["--max"], kind: "value", metavar: "COLUMN", help: "Show the highest values for COLUMN first." },
  { name: "limit", flags: ["-n", "--limit", "--top"], kind: "value", type: "int", min: 1, metavar: "N", help: "Only show the top N runs." },
  { name: "extra_cols", flags: ["-e", "--extra-cols"], kind: "flag", help: "Show extra columns such as source code hash." },
  { name: "all_scalars", flags: ["-s", "--all-scalars"], kind: "flag", help: "Include all scalars. By default system scalars are omitted." },
  { name: "cols", flags: ["-c", "--cols"], kind: "value", metavar: "COLUMNS", help: "Comma delimited list of additional columns to compare. See Column Specs for information on column format. Cannot be used with --strict-columns." },
  { name: "strict_cols", flags: ["-cc", "--strict-cols"], kind: "value", metavar: "COLUMNS", help: "Comma delimited list of the columns to compare. See Column Specs for information on column format. Cannot be used with --columns." },
  { name: "skip_op_cols", flags: ["-p", "--skip-op-cols"], kind: "flag", help: "Don't show columns specified by the 'compare' operation attribute in the Guild file." },
  { name: "skip_core", flags: ["-r", "--skip-core"], kind: "flag", help: "Don't show core columns." },
  { name: "skip_unchanged", flags: ["-u", "--skip-unchanged"], kind: "flag", help: "Don't show columns with values that do not change." },
  { name: "table", flags: ["-t", "--table"], kind: "flag", help: "Show comparison data as a table." },
  { name: "csv", flags: ["--csv"], kind: "value", metavar: "PATH", help: "Save comparison data to a CSV file. Use '-' for PATH to print to standard output." },
  { name: "tool", flags: ["--tool"], kind: "value", metavar: "TOOL", help: "Use TOOL to compare runs. See TOOLS for a list of supported tools" },
  { name: "include_batch", flags: ["--include-batch"], kind: "flag", help: "Include batch runs." },
  { name: "print_scalars", flags: ["--print-scalars"], kind: "flag", help: "Show available scalars and exit." },
  ...runFilterOptions,
]);

const compareArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

export type CompareArgs = ParsedArgs<typeof compareOptions, typeof compareArguments>;

/** An empty value means the option was not given. */
const text = (value: string | null): string | null => value || null;

/** Selected runs (all by default), batch runs left out unless asked for. */
function compareRuns(args: CompareArgs, ctx: CommandContext): Run[] {
  const runs = selectedRuns(runSelectionFromArgs(args), ctx, ALL_RUNS_SPEC);
  return args.include_batch ? runs : runs.filter((run) => !run.isBatch);
}

/** Header + rows for the selected runs; cells formatted for a table, raw for CSV. */
export function compareData(args: CompareArgs, ctx: CommandContext, formatCells: boolean): unknown[][] {
  const guildfiles = new GuildfileCache(ctx);
  const inputs = compareRuns(args, ctx).map((run) => compareRunInput(run, ctx, guildfiles));
  const options: CompareOptions = {
    cols: text(args.cols),
    strictCols: text(args.strict_cols),
    skipCore: args.skip_core,
    skipOpCols: args.skip_op_cols,
    extraCols: args.extra_cols,
    allScalars: args.all_scalars,
    top: args.limit,
    minCol: text(args.min_col),
    maxCol: text(args.max_col),
    skipUnchanged: args.skip_unchanged,
    formatCells,
    nowMicros: ctx.io.nowMicros(),
    formatTimestamp: (micros) => formatTimestamp(micros),
    warn: (message) => ctx.io.stderr(`WARNING: ${message}\n`),
  };
  try {
    return buildCompareData(inputs, options);
  } catch (error) {
    if (error instanceof CompareError) throw new CliError(error.message);
    throw error;
  }
}

function printScalars(args: CompareArgs, ctx: CommandContext): void {
  for (const run of selectedRuns(runSelectionFromArgs(args), ctx, ALL_RUNS_SPEC)) {
    ctx.io.stdout(`[${run.shortId}] ${formatRunOperation(run)}\n`);
    for (const summary of readRunScalars(run.dir)) ctx.io.stdout(`  ${formatScalarLine(summary)}\n`);
  }
}

function writeCsv(args: CompareArgs, ctx: CommandContext, target: string): void {
  const data = compareData(args, ctx, false);
  const csv = compareCsv(data);
  if (target === "-") {
    ctx.io.stdout(csv);
    return;
  }
  const file = path.resolve(ctx.io.cwd, target);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, csv);
  } catch (error) {
    throw new CliError(`error opening ${target}: ${(error as Error).message}`);
  }
  // Guild counts the header out even when there is none.
  ctx.io.stderr(`Wrote ${data.length - 1} row(s) to ${target}\n`);
}

function printTable(args: CompareArgs, ctx: CommandContext): void {
  const data = compareData(args, ctx, true) as string[][];
  if (data.length === 0) return;
  // One write for the table: a write per line costs a system call each, thousands for a long table.
  const table = formatTable(data);
  if (table.length) ctx.io.stdout(table.map((line) => line + "\n").join(""));
}

export async function compareCommandMain(args: CompareArgs, ctx: CommandContext): Promise<number> {
  checkIncompatible(args, [["table", "csv"], ["table", "tool"], ["csv", "tool"]], ctx.commandPath);
  if (text(args.strict_cols) && text(args.cols)) throw new CliError("--cols cannot be used with --strict-cols");
  return withSelectionErrors(ctx.io, async () => {
    if (args.print_scalars) printScalars(args, ctx);
    else if (args.csv) writeCsv(args, ctx, args.csv);
    else if (args.table) printTable(args, ctx);
    else if (args.tool) throw new CliError(`compare tool '${args.tool}' is not supported`);
    else throw new CliError("interactive compare is not supported (use --table or --csv)");
    return 0;
  });
}

export const compareCommand = defineCommand({
  name: "compare",
  help: `Compare run results.

Guild Compare is a console based application that displays a
spreadsheet of runs with their current accuracy and loss. The
application will continue to run until you exit it by pressing
\`\`q\`\` (for quit).

Guild Compare supports a number of commands. Commands are
activated by pressing a letter. To view the list of commands,
press \`\`?\`\`.

Guild Compare does not automatically update to display the latest
available data. If you want to update the list of runs and their
status, press \`\`r\`\` (for refresh).

You may alternative use the \`--csv\` option to write a CSV file
containing the compare data. To print the CSV contents to standard
output, use '-' for the file path.

### Compare Columns

Guild Compare shows columns for each run based on the columns
defined for each run operation. Additional columns may be
specified using the \`--columns\` option, which must be a comma
separated list of column specs. See below for column spec details.

If multiple columns have the same name, they are merged into a
single column. Cell values are merged by taking the first non-null
value in the list of cells with the common name from
left-to-right.

By default, columns always contain run ID, model, operation,
started, time, label, status, and the set of columns defined for
each displayed operation. You can skip the core columns by with
\`--skip-core\` and skip the operation columns with
\`--skip-op-cols\`.

### Column Specs

Each column specified in \`COLUMNS\` must be a valid column spec. A
column spec is the name of a run flag or scalar key. Flag names
must be preceded by an equals sign \`\`=\`\` to differentiate them
from scalar keys.

For example, to include the flag \`\`epochs\`\` as a column, use
\`\`--columns =epochs\`\`.

If a scalar is specified, it may be preceded by a qualifier of
\`min\`, \`max\`, \`first\`, \`last\`, \`avg\`, \`total\`, or \`count\` to
indicate the type of scalar value. For example, to include the
highest logged value for \`accuracy\`, use \`\`--columns "max
accuray"\`\`.

By default \`last\` is assumed, so that the last logged value for
the specified scalar is used.

A scalar spec may additionally contain the key word \`step\` to
indicate that the step associated with the scalar is used. For
example, to include the step of the last \`accuracy\` value, use
\`\`--columns "accuracy step"\`\`. Step may be used with scalar
qualifiers. For example, to include the value and associated step
of the lowest loss, use \`\`--columns "min loss, min loss step"\`\`.

Column specs may contain an alternative column heading using the
keyword \`\`as\`\` in the format \`\`COL as HEADING\`\`. Headings that
contain spaces must be quoted.

For example, to include the scalar \`\`val_loss\`\` with name
\`\`validation loss\`\`, use \`\`--columns val_loss as 'validation
loss'\`\`.

You may include run attributes as column specs by preceding the
run attribute name with a period \`\`.\`\`. For example, to include
the \`stopped\` attribute, use \`\`--columns .stopped\`\`. This is
useful when using \`--skip-core\`.

### Sort Runs

Use \`--min\` and \`--max\` to sort results by a particular
column. \`--min\` sorts in ascending order and \`--max\` sorts in
descending order.

When specifying \`COLUMN\`, use the column name as displayed in the
table output. If the column name contains spaces, quote the value.

By default, runs are sorted by start time in ascending order -
i.e. the most recent runs are listed first.

### Limit Runs

To limit the results to the top \`N\` runs, use \`--top\`.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`:\`\` is assumed (all runs
are selected).

{{ runs_support.all_filters }}

### Tools

Guild provides support for comparing runs using different
tools. To use a different tool, specify its name with the \`--tool\`
option.

Supported tools:

\b
  hiplot   Facebook's HiPlot high dimensionality viewer
           for evaluating hyperparameters.

### Show Batch Runs

By default, batch runs are not included in comparisons. To include
batch runs, specify \`--include-batch\`.`,
  usage: "[OPTIONS] [RUN...]",
  options: compareOptions,
  arguments: compareArguments,
  run: compareCommandMain,
});
