// `guild runs list` (also `guild runs` with no sub-command): the run table, newest first.
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { formatTable } from "../format/table.js";
import { formatRunRow } from "../runs/format.js";
import type { Run } from "../runs/run.js";
import { filteredRuns } from "../runs/runs-op.js";
import { commentListing } from "../runs/comments.js";
import { listedRunJson } from "../runs/json.js";
import { runDetail } from "../runs/info.js";
import { pyStr } from "../../lib/python/repr.js";
import { pyJsonDumps } from "../../lib/python/json.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";
import { checkIncompatible } from "./incompatible-options.js";
import { pythonExe } from "../ops/op-cmd.js";
import { withExtractedZip } from "../runs/zip-archive.js";

const RUNS_PER_GROUP = 20;

/** Options of `guild runs list`, also accepted by the `guild runs` group itself. */
export const runsListOptions = defineOptions([
  { name: "all", flags: ["-a", "--all"], kind: "flag", help: "Show all runs (by default only the last 20 runs are shown)." },
  { name: "more", flags: ["-m", "--more"], kind: "count", help: "Show 20 more runs. Maybe used multiple times." },
  { name: "limit", flags: ["-n", "--limit"], kind: "value", type: "int", min: 1, metavar: "N", help: "Limit number of runs shown." },
  { name: "deleted", flags: ["-d", "--deleted"], kind: "flag", help: "Show deleted runs." },
  { name: "archive", flags: ["-A", "--archive"], kind: "value", metavar: "PATH", help: "Show archived runs in PATH." },
  { name: "comments", flags: ["-c", "--comments"], kind: "flag", help: "Show run comments." },
  { name: "verbose", flags: ["-v", "--verbose"], kind: "flag", help: "Show run details." },
  { name: "json", flags: ["--json"], kind: "flag", help: "Format runs as JSON." },
  { name: "simplified", flags: ["-s", "--simplified"], kind: "flag", help: "Show a simplified list." },
  ...runFilterOptions,
  remoteOption("List runs on REMOTE rather than local runs."),
]);

type RunsListArgs = ParsedArgs<typeof runsListOptions>;

function limitRuns(runs: Run[], args: RunsListArgs, ctx: CommandContext): Run[] {
  if (args.all) return runs;
  if (args.limit !== null && args.limit > 0) return runs.slice(0, args.limit);
  const limited = runs.slice(0, (args.more + 1) * RUNS_PER_GROUP);
  if (limited.length < runs.length) {
    ctx.io.stderr(`Showing the first ${limited.length} runs (${runs.length} total) - use --all to show all or -m to show more\n`);
  }
  return limited;
}

/** `listPath` names the command in argument errors (`guild runs list` also when run as `guild runs`). */
export async function listRunsCommand(args: RunsListArgs, ctx: CommandContext, listPath = ctx.commandPath): Promise<number> {
  checkIncompatible(args, [["comments", "verbose"], ["comments", "json"], ["json", "verbose"], ["archive", "deleted"], ["all", "limit"]], listPath);
  if (args.remote) throw new CliError("remote runs are not supported");
  if (args.archive && !fs.existsSync(path.resolve(ctx.io.cwd, args.archive))) {
    throw new CliError(`${args.archive} does not exist`);
  }
  if (args.archive?.toLowerCase().endsWith(".zip")) {
    // A zip archive's runs are listed from a temporary copy (Guild reads them in the zip).
    const host = { python: pythonExe(ctx.io.env), env: ctx.io.env };
    return withExtractedZip(path.resolve(ctx.io.cwd, args.archive), ctx.io.env.TMPDIR || "/tmp", host, (dir) => listRunsCommand({ ...args, archive: dir }, ctx, listPath));
  }
  if (args.json) {
    if (args.limit !== null || args.more || args.all) ctx.io.stderr("--json option always shows all runs\n");
    ctx.io.stdout(pyJsonDumps(filteredRuns(runSelectionFromArgs(args), ctx).map((run) => listedRunJson(run))) + "\n");
    return 0;
  }
  const runs = limitRuns(filteredRuns(runSelectionFromArgs(args), ctx), args, ctx);
  if (args.comments) {
    for (const line of commentListing(runs, false, ctx.projectDir, ctx.io.env.HOME)) ctx.io.stdout(line + "\n");
    return 0;
  }
  const rows = runs.map((run, position) => {
    const formatted = formatRunRow(run, position + 1, ctx.projectDir, ctx.io.env.HOME);
    return args.simplified
      ? [formatted.numIndex, formatted.opDesc, formatted.statusWithRemote, formatted.label]
      : [formatted.index, formatted.opDesc, formatted.started, formatted.statusWithRemote, formatted.label];
  });
  // One write for the table: a write per line costs a system call each, thousands with --all.
  const lines = formatTable(rows);
  const text = runs.map((run, position) => {
    if (!args.verbose) return lines[position] + "\n";
    // cli.table's detail lines: each value as str() of the formatted run's field.
    const detail = runDetail(run, ctx.io.env.HOME).map(([name, value]) => `  ${name}: ${typeof value === "string" ? value : pyStr(value)}\n`);
    return lines[position] + "\n" + detail.join("");
  });
  if (text.length) ctx.io.stdout(text.join(""));
  return 0;
}

export const runsListCommand = defineCommand({
  name: "list",
  help: `List runs.

Run lists may be filtered using a variety of options. See below
for details.

By default, the last 20 runs are shown. Use \`-a, --all\` to show
all runs, or \`-m\` to show more 20 more runs. You may use \`-m\`
multiple times.

Run indexes are included in list output for a specific listing,
which is based on the available runs, their states, and the
specified filters. You may use the indexes in run selection
commands (e.g. \`\`runs delete\`\`, \`\`compare\`\`, etc.) but note that
these indexes will change as runs are started, deleted, or run
status changes.

To show run detail, use \`--verbose\`.

{{ runs_support.all_filters }}

### Show Deleted Runs

Use \`--deleted\` to show deleted runs. You can use the listing for
run IDs and indexes to use in \`\`runs restore\`\` (restore runs) and
\`\`runs purge\`\` (permanently delete runs).

{{ runs_support.archive_option }}

### Show Remote Runs

To list runs on a remote, specify \`--remote REMOTE\`. Use \`\`guild
remotes\`\` to list available remotes.

For information on configuring remotes, see \`\`guild remotes
--help\`\`.`,
  options: runsListOptions,
  arguments: [],
  run: listRunsCommand,
});
