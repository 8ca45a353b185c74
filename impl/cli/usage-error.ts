// Usage errors as data (what was wrong, with which option or value, in which command) and their one wording.

/** What was wrong with a command line. */
export type UsageProblem =
  /** An option no parameter declares; a long one may have a close spelling to suggest. */
  | { kind: "no-such-option"; option: string; suggestion: string | null }
  | { kind: "option-requires-argument"; option: string }
  | { kind: "option-takes-no-value"; option: string }
  /** A value that does not convert to the option's type. */
  | { kind: "bad-value"; flags: readonly string[]; value: string; expected: "integer" | "number" }
  /** An integer below the option's minimum (click's IntRange). */
  | { kind: "below-minimum"; flags: readonly string[]; value: number; min: number }
  /** A value outside the option's choices (click's Choice). */
  | { kind: "not-a-choice"; flags: readonly string[]; value: string; choices: readonly string[] }
  | { kind: "missing-argument"; metavar: string }
  | { kind: "unexpected-extra-arguments"; values: readonly string[] }
  | { kind: "no-such-command"; name: string };

/** A command line the CLI refuses: printed with a pointer to the command's `--help`, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly problem: UsageProblem,
    /** The command as the user typed it, e.g. `guild runs rm`. */
    readonly commandPath: string,
  ) {
    super(guildUsageMessage(problem));
  }
}

function paramHint(flags: readonly string[]): string {
  return flags.map((flag) => `'${flag}'`).join(" / ");
}

function plural(count: number): string {
  return count === 1 ? "" : "s";
}

/** click's `str(error)`: the bare message without suggestions (Guild shows it for a step's run spec). */
export function clickUsageMessage(problem: UsageProblem): string {
  switch (problem.kind) {
    case "no-such-option":
      return `No such option: ${problem.option}`;
    case "option-requires-argument":
      return `Option '${problem.option}' requires an argument.`;
    case "option-takes-no-value":
      return `Option '${problem.option}' does not take a value.`;
    case "bad-value":
      return `'${problem.value}' is not a valid ${problem.expected}.`;
    case "below-minimum":
      return `${problem.value} is not in the range x>=${problem.min}.`;
    case "not-a-choice":
      return `'${problem.value}' is not one of ${problem.choices.map((choice) => `'${choice}'`).join(", ")}.`;
    case "missing-argument":
      return `Missing argument '${problem.metavar}'.`;
    case "unexpected-extra-arguments":
      return `Got unexpected extra argument${plural(problem.values.length)} (${problem.values.join(" ")})`;
    case "no-such-command":
      return `No such command '${problem.name}'.`;
  }
}

/** Guild's wording of a usage error, as its CLI prints it. */
export function guildUsageMessage(problem: UsageProblem): string {
  switch (problem.kind) {
    case "no-such-option":
      return `unrecognized option '${problem.option}'${problem.suggestion ? ` (did you mean ${problem.suggestion}?)` : ""}`;
    case "bad-value":
    case "below-minimum":
    case "not-a-choice":
      return `Invalid value for ${paramHint(problem.flags)}: ${clickUsageMessage(problem)}`;
    case "missing-argument":
      return `missing argument for ${problem.metavar}`;
    case "unexpected-extra-arguments":
      return `unexpected extra argument${plural(problem.values.length)} '${problem.values.join(" ")}'`;
    default:
      return clickUsageMessage(problem);
  }
}

/** The usage error as the CLI prints it on stderr: `<program>: <message>` and where to find help. */
export function formatUsageError(error: UsageError): string {
  const program = error.commandPath.split(" ")[0];
  return `${program}: ${guildUsageMessage(error.problem)}\nTry '${error.commandPath} --help' for more information.\n`;
}
