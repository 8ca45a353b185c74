// Where dependencies, output scalars and steps plug into `guild run` (guild-hooks.ts supplies them).
import type { CommandContext } from "../context.js";
import type { OpDef, LoadedGuildfile } from "../../lib/guildfile/index.js";
import type { FlagValues } from "./flag-values.js";
import type { OpCmd } from "./op-cmd.js";
import type { Opref } from "../../lib/rundir/index.js";
import type { OutputLineListener } from "./process.js";
import type { RunParams } from "./run-params.js";
import type { BaseRun } from "./restart.js";

/** Everything known about a run before it starts (also passed to hooks after the run dir exists). */
export interface RunPlan {
  ctx: CommandContext;
  params: RunParams;
  guildfile: LoadedGuildfile;
  opdef: OpDef;
  /** What the run's `.guild/opref` records (a Guild file op or a script). */
  opref: Opref;
  opCmd: OpCmd;
  /** All flag values (defaults + user values, coerced); hooks may set dependency run ids. */
  flagValues: FlagValues;
  userFlagValues: FlagValues;
  /** Absolute python used for `${python_exe}`. */
  pythonExe: string;
  /** Op `deps` data for the `op` attr (`deps: [...]`); set by the dependency hook. */
  opDepsData: unknown[];
  /** The run a restart (`--restart`/`--start`) or a run with a proto (`--proto`) starts from. */
  baseRun?: BaseRun;
}

export interface RunDirInfo {
  runId: string;
  runDir: string;
}

/** What a stepped run's steps need beyond the run dir: the op process env and the output listener. */
export interface SteppedRunInfo extends RunDirInfo {
  /** The environment an op process of this run gets (PROJECT_DIR, CMD_DIR, GUILD_HOME, LOG_LEVEL, ...). */
  env: Record<string, string>;
  /** Receives each completed line of the run's output (output scalars). */
  onLine?: OutputLineListener;
}

export interface ResolvedDependencies {
  /** The `deps` attr value. */
  deps: unknown;
  /** Manifest lines (`d <path> <sha1> <uri>`), appended after the source code lines. */
  manifestLines: string[];
}

export interface RunHooks {
  /** Dependency flag names accepted without --force-flags (e.g. `operation:prepare`, `prepare`). */
  dependencyFlagNames?(opdef: OpDef, plan: { flagValues: FlagValues }): string[];
  /** Before confirmation: store default upstream run ids in flag values, arg-skip dependency flags. */
  applyDefaultDependencies?(plan: RunPlan): Promise<void>;
  /** While the run is PENDING: resolve dependencies (log `Resolving ...`), throw CliError on failure. */
  resolveDependencies?(plan: RunPlan, run: RunDirInfo, options?: { forStage?: boolean }): Promise<ResolvedDependencies>;
  /** After init: a listener for every output line (output scalars), closed when the process ends. */
  outputListener?(plan: RunPlan, run: RunDirInfo): { onLine: OutputLineListener; close(): void } | null;
  /** Runs a stepped operation in-process; returns its exit status. */
  runSteps?(plan: RunPlan, run: SteppedRunInfo): Promise<number>;
}
