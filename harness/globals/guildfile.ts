// guildfile.for_dir(dir): a project's Guild file, read by the shared Guild file reader (lib/guildfile), as Python-like values.
import { PyError, pyBool, pyDict, pyFloat, pyFunction, pyInt, pyList, pyModule, pyNone, pyObject, pyStr, type PyValue } from "../py/index.js";
import { loadGuildfile, GuildfileError } from "../../lib/guildfile/index.js";
import { PyFloat, PyDate, type PyValue as GuildValue } from "../../lib/python/values.js";
import { bindArgs } from "./args.js";
import { expectStr } from "./convert.js";
import { resolvePath, type HelperState } from "./state.js";

export function guildfileGlobals(state: HelperState): Record<string, PyValue> {
  return {
    guildfile: pyModule("guildfile", {
      for_dir: pyFunction("for_dir", (args, kwargs) => {
        const dir = resolvePath(state, expectStr(bindArgs("for_dir", [{ name: "path" }], args, kwargs).get("path")!, "path"));
        return guildfileValue(dir, state);
      }),
    }),
  };
}

/** Models subscript to operations (`gf.models["m1"]["op"]`); operations expose their raw data. */
function guildfileValue(dir: string, state: HelperState): PyValue {
  let guildfile;
  try {
    guildfile = loadGuildfile(dir, { guildHome: state.sandbox.guildHome, env: state.environment() });
  } catch (error) {
    if (error instanceof GuildfileError) throw new PyError("GuildfileError", error.message);
    throw error;
  }
  const models = guildfile.models.map((model) => {
    const operations = model.operations.map((operation) => {
      const opdef = pyObject("OpDef", {
        name: pyStr(operation.name),
        fullname: pyStr(model.name ? `${model.name}:${operation.name}` : operation.name),
        steps: fromGuildValue(operation.steps),
        main: fromGuildValue(operation.raw.main ?? null),
        exec: fromGuildValue(operation.raw.exec ?? null),
      });
      return [pyStr(operation.name), opdef] as const;
    });
    return [pyStr(model.name), pyDict(operations)] as const;
  });
  return pyObject("Guildfile", { dir: pyStr(dir), models: pyDict(models) });
}

/** A value as the Guild file reader decoded it from YAML (ints, PyFloat, dates, lists, mappings). */
function fromGuildValue(value: GuildValue | undefined): PyValue {
  if (value === null || value === undefined) return pyNone;
  if (typeof value === "boolean") return pyBool(value);
  if (typeof value === "string") return pyStr(value);
  if (typeof value === "number") return Number.isInteger(value) ? pyInt(value) : pyFloat(value);
  if (value instanceof PyFloat) return pyFloat(value.value);
  if (value instanceof PyDate) return pyStr(value.text);
  if (Array.isArray(value)) return pyList(value.map(fromGuildValue));
  return pyDict(Object.entries(value).map(([key, item]) => [pyStr(key), fromGuildValue(item)] as const));
}
