// `guild run [MODEL:]OPERATION [FLAG=VAL...]`: run an operation (see impl/ops/run-operation.ts).
import type { CommandSpec } from "./types.js";
import { RUN_ARGUMENTS, RUN_OPTIONS, runParamsFromArgs } from "../ops/run-params.js";
import { runOperation } from "../ops/run-operation.js";
import { guildRunHooks } from "../ops/guild-hooks.js";

export const runCommand: CommandSpec = {
  name: "run",
  help: `Run an operation.

By default Guild tries to run \`OPERATION\` for the default model defined in the current project.

If \`MODEL\` is specified, Guild uses it instead of the default model.

\`OPERATION\` may alternatively be a Python script. In this case any current project is ignored and the script is run directly. Options in the format \`\`--NAME=VAL\`\` can be passed to the script using flags (see below).

\`[MODEL]:OPERATION\` may be omitted if \`--restart\` or \`--proto\` is specified, in which case the operation used in \`RUN\` is used.

Specify \`FLAG\` values in the form \`FLAG=VAL\`.`,
  usage: "[OPTIONS] [[MODEL:]OPERATION] [FLAG=VAL...]",
  options: RUN_OPTIONS,
  arguments: RUN_ARGUMENTS,
  run: (args, ctx) => runOperation(runParamsFromArgs(args), { ...ctx, hooks: guildRunHooks }),
};
