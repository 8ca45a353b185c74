// Test support: runs examples through the interpreter with the transcript modules, in a given folder, and returns what they print.
import { createInterpreter, pyDict, pyStr } from "../../py/index.js";
import type { HelperState } from "../state.js";
import { runnerHelperGlobals } from "../runner-helpers.js";
import { helperModules } from "./index.js";

/** Our answer to compare with CPython's: each example executed in order in `cwd`, the printed text joined. */
export async function runWithModules(examples: string[], folders: { cwd: string; home: string }): Promise<string> {
  let output = "";
  const state = {
    sandbox: folders,
    host: { now: () => 0 },
    print: (text: string) => (output += text),
    env: pyDict([[pyStr("PATH"), pyStr("/usr/bin")]]),
    environment: () => ({ PATH: "/usr/bin" }),
  } as unknown as HelperState;
  const interpreter = createInterpreter({ globals: { open: runnerHelperGlobals(state).open! }, modules: helperModules(state), print: state.print });
  for (const example of examples) await interpreter.execute(example);
  return output;
}
