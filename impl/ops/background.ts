// `guild run --background` and `--pidfile`: the command goes on in a detached process of its own, which records its pid.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CliError, type Io } from "../io.js";
import type { CommandContext } from "../context.js";
import type { Opref } from "../../lib/rundir/index.js";
import type { RunParams } from "./run-params.js";

/** Set in the detached process: where to write its pid, and the id its run takes. */
const PIDFILE_VARIABLE = "GUILD_BACKGROUND_PIDFILE";
const RUN_ID_VARIABLE = "GUILD_BACKGROUND_RUN_ID";

/** True when this command should hand its run to a background process (it is not that process itself). */
export function runsInBackground(params: RunParams, ctx: CommandContext): boolean {
  return (params.background || params.pidfile !== null) && !ctx.backgroundProcess;
}

/** OpRef.to_opspec relative to the working directory: a script's relative path, else `[MODEL:]OP`. */
export function opspecForMessage(opref: Opref, cwd: string): string {
  if (opref.pkgType === "script") return path.relative(cwd, path.join(opref.pkgName, opref.opName));
  return opref.modelName ? `${opref.modelName}:${opref.opName}` : opref.opName;
}

/** util.TempFile("guild-pid-"): an empty file of a new name in the temp directory. */
function newPidfile(io: Io): string {
  const dir = io.env.TMPDIR || "/tmp";
  for (;;) {
    const file = path.join(dir, `guild-pid-${io.newRunId().slice(0, 8)}`);
    try {
      fs.closeSync(fs.openSync(file, "wx"));
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new CliError(`cannot create a pid file in ${dir}: ${(error as Error).message}`);
    }
  }
}

/**
 * Starts this command line again in a detached process that runs the operation as `RUN_ID` and
 * writes its pid to the pid file; says so (unless quiet) and returns at once.
 */
export function startInBackground(ctx: CommandContext, params: RunParams, opspec: string): number {
  const { io } = ctx;
  if (!io.selfCommand || !ctx.argv) throw new CliError("this guild cannot start itself to run in the background");
  const runId = io.newRunId();
  const pidfile = params.pidfile ?? newPidfile(io);
  const env = { ...io.env, [PIDFILE_VARIABLE]: path.resolve(io.cwd, pidfile), [RUN_ID_VARIABLE]: runId };
  const [command, ...args] = io.selfCommand;
  const child = spawn(command, [...args, ...ctx.argv], { cwd: io.cwd, env, detached: true, stdio: "ignore" });
  child.on("error", () => undefined);
  child.unref();
  if (!params.quiet) io.stderr(`${opspec} started in background as ${runId} (pidfile ${pidfile})\n`);
  return 0;
}

/**
 * In the background process: writes the pid file, runs the command confirmed, with the run id the
 * starting command announced and without the variables that told it so, and removes the pid file at the end.
 */
export async function runAsBackgroundProcess<Context extends CommandContext>(
  params: RunParams,
  ctx: Context,
  run: (params: RunParams, ctx: Context) => Promise<number>,
): Promise<number> {
  const { io } = ctx;
  const pidfile = io.env[PIDFILE_VARIABLE];
  if (pidfile === undefined) return run(params, ctx);
  const runId = io.env[RUN_ID_VARIABLE];
  const env = { ...io.env };
  delete env[PIDFILE_VARIABLE];
  delete env[RUN_ID_VARIABLE];
  let announced = runId !== undefined;
  const newRunId = () => {
    if (!announced) return io.newRunId();
    announced = false;
    return runId as string;
  };
  fs.writeFileSync(pidfile, String(io.pid));
  try {
    return await run({ ...params, yes: true }, { ...ctx, io: { ...io, env, newRunId }, backgroundProcess: true });
  } finally {
    fs.rmSync(pidfile, { force: true });
  }
}
