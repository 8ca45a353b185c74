// `guild stop` and `guild runs stop`: stopping running runs, each run's process and its children, as Guild 0.8.2 does.
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { CliError } from "../io.js";
import { killProcessTree, procProcessHost, type ProcessHost } from "../runs/process-tree.js";
import { procPidAlive, type Run } from "../runs/run.js";
import { ALL_RUNS_SPEC, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { defineCommand } from "./command.js";
import { commonFilterArgs, commonFilterOptions, remoteOption, runSelectionFromArgs, yesOption } from "./run-filter-options.js";

const stopOptions = defineOptions([
  ...commonFilterOptions,
  remoteOption("Stop remote runs."),
  yesOption("Do not prompt before stopping."),
  { name: "no_wait", flags: ["-n", "--no-wait"], kind: "flag", help: "Don't wait for remote runs to stop." },
]);

const stopArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type StopArgs = ParsedArgs<typeof stopOptions, typeof stopArguments>;

/** Guild's STOP_TIMEOUT and CHILD_TERM_TIMEOUT. */
const STOP_TIMEOUT_MS = 30_000;
const CHILD_TERM_TIMEOUT_MS = 5_000;

/** Stops a local run's process tree when its LOCK names a live process; false when some process outlived the wait. */
async function stopRun(run: Run, ctx: CommandContext, host: ProcessHost): Promise<boolean> {
  const pid = run.pid;
  if (!pid || !procPidAlive(pid)) return true;
  ctx.io.stderr(`Stopping ${run.id} (pid ${pid})\n`);
  const alive = await killProcessTree(pid, { timeoutMs: STOP_TIMEOUT_MS, childTermTimeoutMs: CHILD_TERM_TIMEOUT_MS }, host);
  if (alive.length === 0) return true;
  ctx.io.stdout(`The following processes did not stop as expected: ${alive.join(", ")}\n`);
  return false;
}

/** Stops each run's processes (runs_impl._stop_run for local runs), failing with exit 1 when some outlive the wait. */
export async function stopRuns(runs: Run[], ctx: CommandContext): Promise<void> {
  const host = procProcessHost(() => ctx.io.nowMicros() / 1000);
  for (const run of runs) {
    if (!(await stopRun(run, ctx, host))) throw new CliError(null, 1);
  }
}

async function stopCommand(args: StopArgs, ctx: CommandContext): Promise<number> {
  if (args.remote) throw new CliError("remote runs are not supported");
  // Without RUN arguments only running runs are considered, all of them.
  return runsOp(runSelectionFromArgs({ ...args, ...commonFilterArgs(args), status_running: args.runs.length === 0 }), ctx, {
    preview: "You are about to stop the following runs:",
    confirm: "Stop {count} run(s)?",
    confirmDefault: false,
    noRuns: "Nothing to stop.",
    defaultSpecs: ALL_RUNS_SPEC,
    yes: args.yes,
    selected: (runs) => runs.filter((run) => !run.remote),
    apply: (selected) => stopRuns(selected, ctx),
  });
}

export const stopCommandSpec = defineCommand({
  name: "stop",
  help: `Stop one or more runs.

Runs are stopped by specifying one or more RUN arguments. See
SPECIFYING RUNS and FILTER topics for information on specifying
runs to be stopped.

Only runs with status of 'running' are considered for this
operation.

If \`RUN\` is not specified, the latest selected run is stopped.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`1\`\` is assumed (the most
recent run with status 'running').

{{ runs_support.common_filters }}

### Stop Remote Runs

To stop remote runs, use \`--remote\`.

{{ remote_support.remote_option }}

`,
  usage: "[OPTIONS] [RUN...]",
  options: stopOptions,
  arguments: stopArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => stopCommand(args, ctx)),
});
