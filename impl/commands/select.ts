// `guild select [RUN...]`: print the id (or short id, path, or an attribute) of selected runs.
import { CliError } from "../io.js";
import { formatCommand, formatOpDesc, formatPkgName, formatRunOperation, formatTimestamp } from "../runs/format.js";
import { formatUserDir } from "../runs/paths.js";
import type { Run } from "../runs/run.js";
import { filteredRuns } from "../runs/runs-op.js";
import { selectMinMaxRun } from "../runs/select-min-max.js";
import { selectOneRun, selectRuns, withSelectionErrors } from "../runs/select.js";
import { pyStr } from "../../lib/python/repr.js";
import { encodeYaml } from "../../lib/yaml/yaml.js";
import { checkIncompatible } from "./incompatible-options.js";
import { runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const selectOptions = defineOptions([
  { name: "all", flags: ["-A", "--all"], kind: "flag", help: "Select all matching runs, not just the latest." },
  { name: "min", flags: ["-min", "--min"], kind: "value", metavar: "COLSPEC", help: "Select the run with the lowest value for the specified COLSPEC." },
  { name: "max", flags: ["-max", "--max"], kind: "value", metavar: "COLSPEC", help: "Select the run with the highest value for the specified COLSPEC." },
  { name: "short_id", flags: ["-s", "--short-id"], kind: "flag", help: "Use short ID." },
  { name: "attr", flags: ["-a", "--attr"], kind: "value", metavar: "ATTR", help: "Show specified run attribute rather than run ID." },
  { name: "path", flags: ["-p", "--path"], kind: "flag", help: "Show run path." },
  ...runFilterOptions,
]);

const selectArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type SelectArgs = ParsedArgs<typeof selectOptions, typeof selectArguments>;

/** util.format_duration: `H:MM:SS` between two microsecond times. */
function formatDuration(start: unknown, end: number): string {
  if (typeof start !== "number") return "None";
  const seconds = Math.floor((end - start) / 1000000);
  if (!Number.isFinite(seconds)) return "None";
  const pad = (n: number) => String(n).padStart(2, "0");
  // Python's divmod: remainders keep the divisor's sign, so a negative duration reads -1:59:59.
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${pad(minutes - Math.floor(minutes / 60) * 60)}:${pad(seconds - minutes * 60)}`;
}

/** The run fields Guild's format_run offers to `select --attr`, as printed by Python's print(). */
function formattedAttr(run: Run, name: string, ctx: CommandContext): string | undefined {
  const home = ctx.io.env.HOME;
  const opref = run.opref;
  const status = () => run.status();
  const fields: Record<string, () => string> = {
    command: () => formatCommand(run.get("cmd")),
    duration: () => {
      const stopped = run.get("stopped");
      return formatDuration(run.get("started"), typeof stopped === "number" ? stopped : ctx.io.nowMicros());
    },
    exit_status: () => (run.get("exit_status") === undefined ? "" : pyStr(run.get("exit_status"))),
    from: () => formatPkgName(opref, home),
    id: () => run.id,
    index: () => `[1:${run.shortId}]`,
    label: () => run.label,
    marked: () => (run.marked ? "yes" : "no"),
    model: () => opref?.modelName ?? "",
    num_index: () => "[1]",
    op_desc: () => formatOpDesc(run, ctx.projectDir, home),
    op_name: () => opref?.opName ?? "",
    operation: () => formatRunOperation(run),
    pid: () => (run.pid ? String(run.pid) : ""),
    pkg_name: () => opref?.pkgName ?? "",
    run_dir: () => formatUserDir(run.dir, home),
    short_id: () => run.shortId,
    short_index: () => `[${run.shortId}]`,
    sourcecode_digest: () => (run.get("sourcecode_digest") === undefined ? "" : pyStr(run.get("sourcecode_digest"))),
    started: () => formatTimestamp(run.get("started")),
    status,
    status_with_remote: () => (run.remote ? `${status()} (${run.remote})` : status()),
    stopped: () => formatTimestamp(run.get("stopped")),
    vcs_commit: () => (run.get("vcs_commit") === undefined ? "" : pyStr(run.get("vcs_commit"))),
  };
  return Object.hasOwn(fields, name) ? fields[name]() : undefined;
}

function selectInfo(run: Run, args: SelectArgs, ctx: CommandContext): string {
  if (args.attr) {
    const formatted = formattedAttr(run, args.attr, ctx);
    if (formatted !== undefined) return formatted;
    if (run.hasAttr(args.attr)) return encodeYaml(run.attr(args.attr) ?? null);
    throw new CliError(`no such run attribute '${args.attr}'`);
  }
  if (args.short_id) return run.shortId;
  if (args.path) return run.dir;
  return run.id;
}

async function select(args: SelectArgs, ctx: CommandContext): Promise<number> {
  checkIncompatible(args, [["short_id", "attr"], ["min", "max"]], ctx.commandPath);
  const specs = args.runs;
  const filtered = filteredRuns(runSelectionFromArgs(args), ctx);
  const colspec = args.min || args.max;
  if (colspec) {
    const run = selectMinMaxRun(selectRuns(filtered, specs, ctx.commandPath), colspec, !args.min);
    ctx.io.stdout(selectInfo(run, args, ctx) + "\n");
    return 0;
  }
  const all = args.all || specs.length > 1;
  const runs = all ? selectRuns(filtered, specs, ctx.commandPath) : [selectOneRun(filtered, specs[0] ?? null, ctx.commandPath)];
  for (const run of runs) ctx.io.stdout(selectInfo(run, args, ctx) + "\n");
  return 0;
}

export const selectCommand = defineCommand({
  name: "select",
  help: `Select a run and shows its ID.

This command is generally used when specifying a run ID for
another Guild command. For example, to restart the latest \`train\`
run:

    \`guild run --restart $(guild select -o train)\`

{{ runs_support.run_arg }}

If RUN isn't specified, the latest matching run is selected.

### Selecting Min or Max Scalar

To select the run with the lowest or highest column value, use
\`--min\` or \`--max\` respectively. For example, to select the run
with the lowest \`loss\` scalar value, use \`--min loss\`.

For help with COLSPEC formatting, see \`COLUMN SPECS\` in \`compare\`
help by running \`guild compare --help\`.

Other run filters are applied before selecting a minimum or
maximium scalar value.

{{ runs_support.all_filters }}`,
  options: selectOptions,
  arguments: selectArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => select(args, ctx)),
});
