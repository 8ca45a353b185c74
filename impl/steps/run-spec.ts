// Parses a step's `run` spec with the `guild run` options, as steps_main does with click.
import type { CommandSpec, OptionSpec, ParsedArgs } from "../commands/types.js";
import { parseCommandLine, UsageError } from "../cli/parse.js";
import { shellSplit, ShlexError } from "../../lib/python/shlex.js";
import { strRepr } from "../../lib/python/repr.js";

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

/** click's `str(error)`: the bare message, without Guild's CLI rewording. */
function clickMessage(error: UsageError): string {
  const own = (error as UsageError & { clickMessage?: string }).clickMessage;
  if (own && own !== error.message) return own.replace(/ (?:Did you mean \S+\?|\(Possible options: [^)]*\))$/, "");
  const unknown = /^unrecognized option '([^']+)'/.exec(error.message);
  if (unknown) return `No such option: ${unknown[1]}`;
  const invalid = /^Invalid value for (?:'[^']*'(?: \/ '[^']*')*|[A-Z_.[\]]+): (.*)$/s.exec(error.message);
  if (invalid) return invalid[1];
  const extra = /^unexpected extra arguments? (.*)$/.exec(error.message);
  if (extra) return `Got unexpected extra argument${error.message.includes("arguments") ? "s" : ""} (${extra[1].replace(/^'|'$/g, "")})`;
  return error.message;
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
    parsed = parseCommandLine(runCommand, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new StepError(`invalid run spec ${strRepr(runSpec)}: ${clickMessage(error)}`);
  }
  const defaults: Record<string, unknown> = {};
  for (const option of runCommand.options) defaults[option.name] = clickDefault(option);
  for (const argument of runCommand.arguments) defaults[argument.name] = null;
  return { params: { ...parsed.values }, given: new Set(parsed.given), defaults };
}
