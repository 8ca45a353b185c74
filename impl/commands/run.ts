// `guild run [MODEL:]OPERATION [FLAG=VAL...]`: run an operation (see impl/ops/run-operation.ts); a stepped run's steps are `guild run` commands too.
import type { Io } from "../io.js";
import type { CommandContext } from "../context.js";
import { clickDefaults, parseCommandLine } from "../cli/parse.js";
import { clickUsageMessage, UsageError } from "../cli/usage-error.js";
import { guildRunHooks } from "../ops/guild-hooks.js";
import type { RunParams } from "../ops/run-params.js";
import { runWithBatches } from "../batch/run-batch.js";
import { runAsBackgroundProcess } from "../ops/background.js";
import type { RunSpecParse } from "../steps/run-spec.js";
import { invokeCommand, reportCommandErrors } from "./invoke.js";
import { defineCommand } from "./command.js";
import { RUN_ARGUMENTS, RUN_OPTIONS, type RunArgs } from "./run-options.js";

const hooks = guildRunHooks({ parseRunArgs: parseStepRunArgs, runGuildRun: runStepCommand });

export const runCommand = defineCommand({
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
  run: (args, ctx) => runAsBackgroundProcess(runParams(args), { ...ctx, hooks }, runWithBatches),
});

/** The parsed arguments are the run's parameters, each under its Python name (the compiler checks they match). */
function runParams(args: RunArgs): RunParams {
  return args;
}

/** A step's run spec words parsed with `guild run`'s options, or click's message for what is wrong with them. */
export function parseStepRunArgs(words: string[]): RunSpecParse {
  let parsed;
  try {
    parsed = parseCommandLine(runCommand, words, "guild run");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { kind: "invalid", reason: clickUsageMessage(error.problem) };
  }
  // With `--help` in a run spec there are no parameters to report (the step then names no operation).
  const params = parsed.help ? {} : { ...parsed.values };
  return { kind: "parsed", args: { params, given: new Set(parsed.given), defaults: clickDefaults(runCommand) } };
}

/** A step's `guild run ARGS` in this process, as its child `guild` command would run it: same parsing, messages and exit codes. */
function runStepCommand(args: string[], io: Io, guildHome: string): Promise<number> {
  const ctx: CommandContext = { io, guildHome, projectDir: io.cwd, projectDirArg: ".", commandPath: "guild run", logLevel: 20 };
  return reportCommandErrors(io, () => invokeCommand(runCommand, args, "guild run", ctx));
}
