// The helper globals of a transcript: one table, composed from the helper modules.
import type { PyValue } from "../py/index.js";
import { fileGlobals } from "./files.js";
import { guildfileGlobals } from "./guildfile.js";
import { projectGlobals } from "./project.js";
import { shellGlobals } from "./shell.js";
import type { HelperState } from "./state.js";

export type { HelperState } from "./state.js";

export function helperGlobals(state: HelperState): Record<string, PyValue> {
  return {
    ...shellGlobals(state),
    ...fileGlobals(state),
    ...projectGlobals(state),
    ...guildfileGlobals(state),
  };
}
