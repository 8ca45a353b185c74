// The run hooks the `guild run` command uses: dependencies, output scalars and in-process steps.
import type { RunHooks } from "./hooks.js";
import { applyDefaultDependencies, dependencyFlagNames, resolveRunDependencies } from "./deps-hook.js";
import { outputScalarsListener } from "./scalars-hook.js";
import { runStepsInProcess } from "./steps-hook.js";

export const guildRunHooks: RunHooks = {
  dependencyFlagNames: (opdef) => dependencyFlagNames(opdef),
  applyDefaultDependencies,
  resolveDependencies: resolveRunDependencies,
  outputListener: outputScalarsListener,
  // Step runs are `guild run` commands with these same hooks.
  runSteps: (plan, run) => runStepsInProcess(plan, run, guildRunHooks),
};
