// `guild watch [RUN] | --pid PID`: a run's output as it is written, until the run stops (watch_impl).
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { CliError } from "../io.js";
import { filteredRuns } from "../runs/runs-op.js";
import { listRuns } from "../runs/list.js";
import { procPidAlive, Run } from "../runs/run.js";
import { selectOneRun } from "../runs/select.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { defineCommand } from "./command.js";
import type { CommandContext } from "../context.js";

const watchOptions = defineOptions([
  ...runFilterOptions,
  remoteOption("Watch a remote run."),
  {
    name: "pid",
    flags: ["-p", "--pid"],
    kind: "value",
    metavar: "PID",
    help: "Watch the run associated with the specified process. PID may be a process ID or a path to a file containing a process ID.",
  },
]);

const watchArguments = defineArguments([{ name: "run", metavar: "[RUN]" }]);

type WatchArgs = ParsedArgs<typeof watchOptions, typeof watchArguments>;

/** How long to wait for a stopped run's exit status (DEFAULT_EXIT_STATUS_TIMEOUT). */
const EXIT_STATUS_TIMEOUT_MS = 5000;

/** Guild's Run.pid: the LOCK pid while that process lives, else null. */
function livePid(run: Run): number | null {
  const pid = Run.forDir(run.dir).pid;
  return pid !== null && procPidAlive(pid) ? pid : null;
}

/** The parent of a live process, from /proc; null when it is gone. */
function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** watch_impl._run_for_pid_arg: a pid file, or a pid, whose process runs a run (or is its op's parent). */
function runForPidArg(pidArg: string, ctx: CommandContext): Run {
  const job = /^(.+)\/\.guild\/JOB$/.exec(pidArg);
  if (job) return Run.forDir(job[1]);
  let pid: number | null = null;
  const file = path.resolve(ctx.io.cwd, pidArg);
  if (fs.existsSync(file)) {
    const raw = fs.readFileSync(file, "utf8").split("\n")[0].trim();
    if (!/^[-+]?\d+$/.test(raw)) throw new CliError(`pidfile ${pidArg} does not contain a valid pid`);
    pid = Number(raw);
  } else if (/^[-+]?\d+$/.test(pidArg.trim())) {
    pid = Number(pidArg.trim());
  }
  if (pid === null) throw new CliError(`${pidArg} does not exist`);
  for (const run of listRuns(ctx.guildHome, { env: ctx.io.env })) {
    const runPid = livePid(run);
    if (runPid !== null && (runPid === pid || parentPid(runPid) === pid)) return run;
  }
  throw new CliError(`cannot find run for pid ${pid}`);
}

/** Writes the output file from `offset` on; returns the new offset. */
function copyOutput(file: string, offset: number, write: (bytes: Buffer) => void): number {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, "r");
  } catch {
    return offset;
  }
  try {
    const buffer = Buffer.alloc(4096);
    for (;;) {
      const read = fs.readSync(descriptor, buffer, 0, buffer.length, offset);
      if (read === 0) return offset;
      write(buffer.subarray(0, read));
      offset += read;
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Follows the output of a run while its process lives, then waits a moment for its exit status. */
async function tail(run: Run, ctx: CommandContext): Promise<"stopped" | "interrupted"> {
  const { io } = ctx;
  if (io.env.NO_WATCHING_MSG !== "1") io.stderr(`Watching run ${run.id}\n`);
  const decoder = new TextDecoder("utf-8");
  const write = (bytes: Buffer) => io.stdout(decoder.decode(bytes, { stream: true }));
  const output = path.join(run.dir, ".guild", "output");
  const pid = livePid(run);
  if (pid === null) {
    copyOutput(output, 0, write);
    return "stopped";
  }
  let offset = 0;
  for (;;) {
    if (io.interrupt.aborted) return "interrupted";
    const next = copyOutput(output, offset, write);
    if (next === offset && !procPidAlive(pid)) break;
    if (next === offset) await delay(100, undefined, { signal: io.interrupt }).catch(() => undefined);
    offset = next;
  }
  const nowMs = () => io.nowMicros() / 1000;
  for (const stopAt = nowMs() + EXIT_STATUS_TIMEOUT_MS; Run.forDir(run.dir).get("exit_status") === undefined; ) {
    if (nowMs() >= stopAt) {
      io.stderr(`WARNING: exit status for ${run.id} not written\n`);
      break;
    }
    await delay(100);
  }
  return "stopped";
}

async function watchRun(run: Run, ctx: CommandContext): Promise<number> {
  if ((await tail(run, ctx)) === "interrupted") {
    ctx.io.stdout(`\nStopped watching ${run.id}${livePid(run) !== null ? " (still running)" : ""}\n`);
    return 0;
  }
  ctx.io.stderr(`Run ${run.id} stopped with a status of '${Run.forDir(run.dir).status()}'\n`);
  return 0;
}

async function watch(args: WatchArgs, ctx: CommandContext): Promise<number> {
  if (args.pid) {
    if (args.run || args.filter_ops.length || args.filter_labels.length || args.filter_unlabeled) throw new CliError("--pid may not be used with other options");
    return watchRun(runForPidArg(args.pid, ctx), ctx);
  }
  if (args.remote) throw new CliError("remote runs are not supported");
  if (args.run) return watchRun(selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), args.run, ctx.commandPath), ctx);
  const running = filteredRuns(runSelectionFromArgs({ ...args, status_running: true }), ctx);
  if (running.length === 0) throw new CliError("nothing to watch\nYou can view the output of a specific run using 'guild watch RUN'.");
  return watchRun(running[0], ctx);
}

export const watchCommand = defineCommand({
  name: "watch",
  help: "Watch run output.\n\nBy default, the command will watch output from the current running operation.",
  options: watchOptions,
  arguments: watchArguments,
  run: watch,
});
