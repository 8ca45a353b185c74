// One step run: `guild run <args>` executed in this process, as the step's child `guild` command would run it.
import { CliError, type Io } from "../io.js";
import { formatUsageError, UsageError } from "../cli/usage-error.js";
import type { RunHooks } from "./hooks.js";
import { parseRunArgs } from "./run-params.js";
import { runOperation } from "./run-operation.js";

export interface StepCommandContext {
  /** The child's io: its cwd (the project dir), env, and streams (the parent run's output). */
  io: Io;
  guildHome: string;
  hooks: RunHooks;
}

/** Runs `guild run ARGS` in-process; returns its exit code, printing errors as the `guild` command does. */
export async function runGuildRunCommand(args: string[], context: StepCommandContext): Promise<number> {
  const { io } = context;
  try {
    const params = parseRunArgs(args);
    return await runOperation(params, {
      io,
      guildHome: context.guildHome,
      projectDir: io.cwd,
      projectDirArg: ".",
      commandPath: "guild run",
      logLevel: 20,
      hooks: context.hooks,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(formatUsageError(error));
      return 2;
    }
    if (error instanceof CliError) {
      if (error.hasMessage) io.stderr(`guild: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
