// `guild run` for stepped operations: the steps run in-process, their output becomes the stepped run's output.
import type { Io } from "../io.js";
import { isMapping } from "../../lib/python/values.js";
import { Run } from "../runs/run.js";
import { runSteps } from "../steps/run-steps.js";
import type { RunArgsParser } from "../steps/run-spec.js";
import { helperLogger } from "./helper-log.js";
import type { RunPlan, SteppedRunInfo } from "./hooks.js";
import { KEYBOARD_INTERRUPT } from "./process.js";
import { RunOutput } from "./run-output.js";

/** What steps need of the `guild run` command, which the command layer declares: its parsing, and the command itself. */
export interface StepCommands {
  /** Parses a step's run spec words as `guild run` arguments. */
  parseRunArgs: RunArgsParser;
  /**
   * Runs `guild run ARGS` in this process as the step's child `guild` command would (same messages
   * and exit codes), with the step's io (cwd is the project dir) and Guild home; resolves to its exit code.
   */
  runGuildRun(args: string[], io: Io, guildHome: string): Promise<number>;
}

function mappingAttr(run: Run, name: string): Record<string, unknown> {
  const value = run.attr(name);
  return isMapping(value) ? value : {};
}

/** Env of a step's `guild run`: the stepped run's op env, no run-dir note, runs limited to the parent's unless shared. */
export function stepCommandEnv(parentEnv: Record<string, string>, runsParent: string | null): Record<string, string> {
  const env: Record<string, string> = { ...parentEnv, NO_WARN_RUNDIR: "1" };
  if (runsParent) env.GUILD_RUNS_PARENT = runsParent;
  return env;
}

/** Runs the stepped run's steps (read back from its attrs, as steps_main does); returns the run's exit status. */
export async function runStepsInProcess(plan: RunPlan, run: SteppedRunInfo, commands: StepCommands): Promise<number> {
  const { io } = plan.ctx;
  const output = new RunOutput({
    runDir: run.runDir,
    stdout: io.stdout,
    stderr: io.stderr,
    quiet: plan.params.quiet,
    syncOutput: run.env.SYNC_RUN_OUTPUT === "1",
    noOutput: run.env.NO_RUN_OUTPUT === "1",
    nowMicros: io.nowMicros,
    onLine: run.onLine,
  });
  try {
    const parentRun = Run.forDir(run.runDir);
    const log = helperLogger(run.env, output.stderr);
    const cwd = run.env.PROJECT_DIR || run.env.CMD_DIR || io.cwd;
    const guildHome = run.env.GUILD_HOME || plan.ctx.guildHome;
    const status = await runSteps(
      {
        id: run.runId,
        dir: run.runDir,
        steps: parentRun.attr("steps") ?? null,
        flags: mappingAttr(parentRun, "flags"),
        modelName: parentRun.opref?.modelName ?? plan.opdef.model.name,
        runParams: mappingAttr(parentRun, "run_params"),
      },
      { parseRunArgs: commands.parseRunArgs, homeDir: run.env.HOME },
      {
        newRunId: io.newRunId,
        log,
        env: run.env,
        error: (message) => output.stderr(`guild: ${message}\n`),
        runStep: (args, options) =>
          commands.runGuildRun(args, { ...io, cwd, env: stepCommandEnv(run.env, options.runsParent), stdout: output.stdout, stderr: output.stderr }, guildHome),
      },
    );
    // Ctrl-C stops the step being run and, through its exit status, the rest: the stepped run was terminated.
    return io.interrupt.aborted ? KEYBOARD_INTERRUPT : status;
  } finally {
    output.close();
  }
}
