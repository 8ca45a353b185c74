// Which operation `guild run OPSPEC` means: a Guild file operation, else a Python script (op_util.opdef_for_opspec).
import { CliError } from "../io.js";
import type { CommandContext } from "../context.js";
import { execScriptOp, scriptOp, type LoadedGuildfile, type OpDef } from "../../lib/guildfile/index.js";
import type { Opref } from "../../lib/rundir/index.js";
import { loadProjectGuildfile, printLoadMessages } from "./project.js";
import { resolveOpdef } from "./opspec.js";

export interface ResolvedOp {
  guildfile: LoadedGuildfile;
  opdef: OpDef;
  /** What the run's `.guild/opref` records. */
  opref: Opref;
}

/**
 * The project's operation for `opspec`; when there is none, the Python script it names, else the executable
 * file it names (each as the model ''), as Guild falls back to its script plugins.
 */
export function resolveRunOp(opspec: string | null, ctx: CommandContext): ResolvedOp {
  const guildfile = loadProjectGuildfile(ctx, "run");
  let opdef: OpDef;
  try {
    opdef = resolveOpdef(guildfile, opspec);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    const script = scriptOp(opspec, ctx.projectDir, { guildHome: ctx.guildHome, env: ctx.io.env }) ?? execScriptOp(opspec, ctx.projectDir);
    if (!script) throw error;
    if (script === "not-executable") throw new CliError(`cannot run '${opspec}': must be an executable file`);
    printLoadMessages(ctx, script.guildfile.messages);
    const opref = { pkgType: "script", pkgName: script.pkgName, pkgVersion: "", modelName: "", opName: script.opdef.name };
    return { guildfile: script.guildfile, opdef: script.opdef, opref };
  }
  return { guildfile: guildfile!, opdef, opref: guildfileOpref(guildfile!, opdef) };
}

/** The opref of a Guild file operation: the file, its md5, the model and the operation. */
export function guildfileOpref(guildfile: LoadedGuildfile, opdef: OpDef): Opref {
  return { pkgType: "guildfile", pkgName: guildfile.path, pkgVersion: guildfile.md5, modelName: opdef.model.name, opName: opdef.name };
}

/** The GUILD_OP a run's process sees (OpRef.to_opspec): a script's path, else the op's full name. */
export function guildOpEnv(opref: Opref, opdef: OpDef): string {
  return opref.pkgType === "script" ? `${opref.pkgName}/${opref.opName}` : opdef.fullname;
}
