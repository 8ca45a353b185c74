// The helper globals of a transcript: one table, composed from the helper modules, and the importable modules.
import type { PyValue } from "../py/index.js";
import { fileGlobals } from "./files.js";
import { guildfileGlobals } from "./guildfile.js";
import { helperModules } from "./modules/index.js";
import { pprintFunctions } from "./modules/stdlib.js";
import { projectGlobals } from "./project.js";
import { projectApiGlobals } from "./project-api.js";
import { runnerHelperGlobals } from "./runner-helpers.js";
import { shellGlobals } from "./shell.js";
import type { HelperState } from "./state.js";

export type { HelperState } from "./state.js";

/** What a transcript sees: the globals of Guild's test runner (test_globals()) and the modules it may import. */
export interface HelperNamespace {
  globals: Record<string, PyValue>;
  modules: Record<string, PyValue>;
}

export function helperNamespace(state: HelperState): HelperNamespace {
  const project = projectGlobals(state);
  const modules = helperModules(state, project.cd);
  const globals: Record<string, PyValue> = {
    ...shellGlobals(state),
    ...fileGlobals(state),
    ...project,
    ...guildfileGlobals(state),
    ...runnerHelperGlobals(state),
    ...projectApiGlobals(state),
    // Guild's runner binds these modules as globals; pprint is the function.
    yaml: modules.yaml!,
    json: modules.json!,
    os: modules.os!,
    re: modules.re!,
    sys: modules.sys!,
    pprint: pprintFunctions(state).pprint,
  };
  return { globals, modules };
}
