// A step's `run` spec split as a shell would and parsed as `guild run` arguments, as steps_main does with click.
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

/** A run spec's words as `guild run` parameters. */
export interface RunSpecArgs {
  /** Every `guild run` parameter by Python name, including `opspec` and `flags`. */
  params: Record<string, unknown>;
  /** Names of options that appeared in the spec. */
  given: ReadonlySet<string>;
  /** click's default for each parameter (None for value and multiple options, False for flags). */
  defaults: Readonly<Record<string, unknown>>;
}

/** The outcome of parsing a run spec's words: the parameters, or click's message saying what is wrong. */
export type RunSpecParse = { kind: "parsed"; args: RunSpecArgs } | { kind: "invalid"; reason: string };

/** Parses words as `guild run` arguments; the command layer, which declares `guild run`'s options, supplies it. */
export type RunArgsParser = (words: string[]) => RunSpecParse;

/** Splits (shlex) and parses a run spec; errors are `invalid run spec '<spec>': <click message>`. */
export function parseRunSpec(runSpec: string, parseRunArgs: RunArgsParser): RunSpecArgs {
  let words: string[];
  try {
    words = shellSplit(runSpec);
  } catch (error) {
    if (!(error instanceof ShlexError)) throw error;
    throw new StepError(`invalid run spec ${strRepr(runSpec)}: ${error.message}`);
  }
  const parsed = parseRunArgs(words);
  if (parsed.kind === "invalid") throw new StepError(`invalid run spec ${strRepr(runSpec)}: ${parsed.reason}`);
  return { ...parsed.args, params: { ...parsed.args.params } };
}
