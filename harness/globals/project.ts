// Sandbox-level helpers: use_project, cd, cwd, guild_home, mkdtemp, sleep and the env dict.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { PyError, pyFunction, pyNone, pyStr, dictSet, type PyValue } from "../py/index.js";
import { SandboxError } from "../sandbox/sandbox.js";
import { bindArgs } from "./args.js";
import { expectNumber, expectStr } from "./convert.js";
import { resolvePath, type HelperState } from "./state.js";

export function projectGlobals(state: HelperState): Record<string, PyValue> {
  return {
    use_project: pyFunction("use_project", (args, kwargs) => {
      const bound = bindArgs("use_project", [{ name: "project_name" }, { name: "guild_home", default: pyNone }], args, kwargs);
      const name = expectStr(bound.get("project_name")!, "project_name");
      const guildHomeArg = bound.get("guild_home")!;
      const guildHome = guildHomeArg.kind === "none" ? undefined : resolvePath(state, expectStr(guildHomeArg, "guild_home"));
      try {
        // As Guild's sample("projects", name): an absolute path is used as it is.
        if (path.isAbsolute(name)) state.sandbox.useDirectory(name, guildHome);
        else {
          state.sandbox.useProject(name);
          if (guildHome !== undefined) {
            state.sandbox.guildHome = guildHome;
            state.sandbox.env.set("GUILD_HOME", guildHome);
          }
        }
      } catch (error) {
        if (error instanceof SandboxError) throw new PyError("FileNotFoundError", error.message);
        throw error;
      }
      dictSet(state.env, pyStr("GUILD_HOME"), pyStr(state.sandbox.guildHome));
    }),
    cd: pyFunction("cd", (args, kwargs) => {
      const target = resolvePath(state, expandVars(state, expectStr(bindArgs("cd", [{ name: "path" }], args, kwargs).get("path")!, "path")));
      if (!fs.existsSync(target)) throw new PyError("FileNotFoundError", `[Errno 2] No such file or directory: '${target}'`);
      if (!fs.statSync(target).isDirectory()) throw new PyError("NotADirectoryError", `[Errno 20] Not a directory: '${target}'`);
      state.sandbox.cwd = target;
    }),
    cwd: pyFunction("cwd", () => pyStr(state.sandbox.cwd)),
    guild_home: pyFunction("guild_home", () => pyStr(state.sandbox.guildHome)),
    set_guild_home: pyFunction("set_guild_home", (args, kwargs) => {
      const target = resolvePath(state, expectStr(bindArgs("set_guild_home", [{ name: "path" }], args, kwargs).get("path")!, "path"));
      state.sandbox.guildHome = target;
      dictSet(state.env, pyStr("GUILD_HOME"), pyStr(target));
    }),
    mkdtemp: pyFunction("mkdtemp", () => pyStr(state.sandbox.makeTempDir())),
    sleep: pyFunction("sleep", async (args, kwargs) => {
      const seconds = expectNumber(bindArgs("sleep", [{ name: "secs" }], args, kwargs).get("secs")!, "secs");
      await delay(Math.max(0, seconds * 1000));
    }),
    env: state.env,
  };
}

/** os.path.expandvars over the sandbox environment: `$NAME` and `${NAME}`. */
function expandVars(state: HelperState, text: string): string {
  const env = state.environment();
  return text.replace(/\$(\w+)|\$\{([^}]+)\}/g, (whole, bare: string | undefined, braced: string | undefined) => env[bare ?? braced ?? ""] ?? whole);
}
