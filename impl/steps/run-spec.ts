// Parses a step's `run` spec with the `guild run` options, as steps_main does with click.
import type { CommandSpec, OptionSpec, ParsedArgs } from "../commands/types.js";
import { parseCommandLine } from "../cli/parse.js";
import { clickUsageMessage, UsageError } from "../cli/usage-error.js";
import { shellSplit, ShlexError } from "../shlex.js";
import { strRepr } from "../python/repr.js";

export class StepError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ParsedRunSpec {
  /** Every `guild run` parameter by Python name, including `opspec` and `flags`. */
  params: ParsedArgs;
  /** Names of options that appeared in the spec. */
  given: Set<string>;
  /** click's default for each parameter (None for value and multiple options, False for flags). */
  defaults: Record<string, unknown>;
}

function clickDefault(option: OptionSpec): unknown {
  if (option.default !== undefined && option.kind !== "multiple") return option.default;
  return option.kind === "flag" ? false : option.kind === "count" ? 0 : null;
}

/** Splits (shlex) and parses a run spec; errors are `invalid run spec '<spec>': <click message>`. */
export function parseRunSpec(runSpec: string, runCommand: CommandSpec): ParsedRunSpec {
  let args: string[];
  try {
    args = shellSplit(runSpec);
  } catch (error) {
    if (!(error instanceof ShlexError)) throw error;
    throw new StepError(`invalid run spec ${strRepr(runSpec)}: ${error.message}`);
  }
  let parsed;
  try {
    parsed = parseCommandLine(runCommand, args, "guild run");
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new StepError(`invalid run spec ${strRepr(runSpec)}: ${clickUsageMessage(error.problem)}`);
  }
  const defaults: Record<string, unknown> = {};
  for (const option of runCommand.options) defaults[option.name] = clickDefault(option);
  for (const argument of runCommand.arguments) defaults[argument.name] = null;
  return { params: { ...parsed.values }, given: new Set(parsed.given), defaults };
}
