// The run hooks the `guild run` command uses: dependencies, output scalars and in-process steps.
import type { RunHooks } from "./hooks.js";
import { applyDefaultDependencies, dependencyFlagNames, resolveRunDependencies } from "./deps-hook.js";
import { outputScalarsListener } from "./scalars-hook.js";
import { runStepsInProcess, type StepCommands } from "./steps-hook.js";

/** Hooks for `guild run`; a stepped run's steps are run as `guild run` commands through `stepCommands`. */
export function guildRunHooks(stepCommands: StepCommands): RunHooks {
  return {
    dependencyFlagNames: (opdef) => dependencyFlagNames(opdef),
    applyDefaultDependencies,
    resolveDependencies: resolveRunDependencies,
    outputListener: outputScalarsListener,
    runSteps: (plan, run) => runStepsInProcess(plan, run, stepCommands),
  };
}
