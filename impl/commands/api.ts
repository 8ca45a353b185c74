// `guild api`: experimental commands printing JSON for tools (ops, help-op), as Guild's api group does.
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { loadProjectGuildfile } from "../ops/project.js";
import { guildfileOpref, resolveRunOp } from "../ops/resolve-op.js";
import { opInfo } from "../api/op-info.js";
import { pyJsonDumps } from "../../lib/python/json.js";
import { defineCommand } from "./command.js";

const EXPERIMENTAL = `IMPORTANT: This command is experimental and subject to change without
notice.`;

const outputOptions = defineOptions([{ name: "format", flags: ["-f", "--format"], kind: "flag", help: "Format the JSON outout." }]);

/** api_support.out: compact json.dumps, or sorted keys and an indent of 2 with `--format`. */
function printJson(data: unknown, format: boolean, ctx: CommandContext): void {
  ctx.io.stdout(pyJsonDumps(data, format ? { indent: 2, sortKeys: true } : {}) + "\n");
}

export const apiOpsCommand = defineCommand({
  name: "ops",
  help: `Show operations as JSON.

${EXPERIMENTAL}`,
  options: outputOptions,
  arguments: [],
  run: async (args: ParsedArgs<typeof outputOptions, []>, ctx) => {
    const guildfile = loadProjectGuildfile(ctx);
    const ops = (guildfile?.models ?? []).flatMap((model) => model.operations.map((opdef) => opInfo(opdef, guildfile!, guildfileOpref(guildfile!, opdef), false)));
    printJson(ops, args.format, ctx);
    return 0;
  },
});

const opspecArgument = defineArguments([{ name: "opspec", metavar: "OPSPEC", required: true }]);

export const apiHelpOpCommand = defineCommand({
  name: "help-op",
  help: `Shows help info for an operation as JSON.

${EXPERIMENTAL}

\`OPSPEC\` is either a model operation for the current project or
the path to Guild executable file.`,
  options: outputOptions,
  arguments: opspecArgument,
  run: async (args: ParsedArgs<typeof outputOptions, typeof opspecArgument>, ctx) => {
    const resolved = resolveRunOp(args.opspec, ctx);
    printJson(opInfo(resolved.opdef, resolved.guildfile, resolved.opref, resolved.opref.pkgType === "script"), args.format, ctx);
    return 0;
  },
});

export const apiCommand = defineCommand({
  name: "api",
  help: `CLI based API calls.

IMPORTANT: These commands are experimental and subject to change without
notice.`,
  options: [],
  arguments: [],
  subcommands: [apiHelpOpCommand, apiOpsCommand],
});
