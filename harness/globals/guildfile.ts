// guildfile.for_dir(dir): a project's Guild file, loaded by the reference CLI, as Python-like values.
import { PyError, fromJson, pyDict, pyFunction, pyModule, pyObject, pyStr, type PyValue } from "../py/index.js";
import { loadGuildfile, GuildfileError } from "../../impl/guildfile/index.js";
import { bindArgs } from "./args.js";
import { expectStr } from "./convert.js";
import { resolvePath, type HelperState } from "./state.js";

export function guildfileGlobals(state: HelperState): Record<string, PyValue> {
  return {
    guildfile: pyModule("guildfile", {
      for_dir: pyFunction("for_dir", (args, kwargs) => {
        const dir = resolvePath(state, expectStr(bindArgs("for_dir", [{ name: "path" }], args, kwargs).get("path")!, "path"));
        return guildfileValue(dir);
      }),
    }),
  };
}

/** Models subscript to operations (`gf.models["m1"]["op"]`), operations expose their raw data. */
function guildfileValue(dir: string): PyValue {
  let guildfile;
  try {
    guildfile = loadGuildfile(dir);
  } catch (error) {
    if (error instanceof GuildfileError) throw new PyError("GuildfileError", error.message);
    throw error;
  }
  const models = guildfile.models.map((model) => {
    const operations = model.operations.map((operation) => {
      const opdef = pyObject("OpDef", {
        name: pyStr(operation.name),
        fullname: pyStr(model.name ? `${model.name}:${operation.name}` : operation.name),
        steps: fromJson(operation.raw.steps ?? null),
        main: fromJson(operation.raw.main ?? null),
        exec: fromJson(operation.raw.exec ?? null),
        flags: fromJson(operation.raw.flags ?? null),
      });
      return [pyStr(operation.name), opdef] as const;
    });
    return [pyStr(model.name), pyDict(operations)] as const;
  });
  return pyObject("Guildfile", { dir: pyStr(dir), models: pyDict(models) });
}
