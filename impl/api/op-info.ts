// The JSON Guild's `api ops` and `api help-op` give for an operation (api_help_op.op_info_for_opdef).
import type { FlagChoice, LoadedGuildfile, OpDef } from "../../lib/guildfile/index.js";
import type { Opref } from "../../lib/rundir/index.js";
import { flagAssign } from "../flags/encode.js";

/** One operation as Guild's op_info_for_opdef gives it; keys in Guild's order (sorted only with `--format`). */
export function opInfo(opdef: OpDef, guildfile: LoadedGuildfile, opref: Opref, scriptOp: boolean): Record<string, unknown> {
  return {
    opref: { pkgType: opref.pkgType, pkgName: opref.pkgName, pkgVersion: opref.pkgVersion, modelName: opref.modelName, opName: opref.opName },
    name: opdef.name,
    fullname: opdef.fullname,
    description: opdef.description,
    guildfile: { dir: guildfile.dir, src: scriptOp ? null : guildfile.path },
    flags: Object.fromEntries(
      opdef.flags.map((flag) => [
        flag.name,
        {
          default: flag.default,
          defaultAssign: flagAssign(flag.name, flag.default),
          description: flag.description,
          choices: flag.choices.map(choiceInfo),
          type: flag.type,
        },
      ]),
    ),
  };
}

function choiceInfo(choice: FlagChoice): Record<string, unknown> {
  return { value: choice.value, alias: choice.alias, description: choice.description };
}
