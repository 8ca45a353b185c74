// Click-compatible command line parsing of one command's options and arguments (click 8.1.3 rules).
import { getCloseMatches as closeMatches } from "../../lib/python/difflib.js";
import type { ArgumentSpec, CommandSpec, OptionSpec, ParsedArgs } from "./options.js";
import { UsageError, type UsageProblem } from "./usage-error.js";

/** A parsed command line: `--help`, or the value of every option and argument. */
export type ParseResult<Args> =
  | {
      help: true;
      /** Names of options that appeared on the command line, in order. */
      given: string[];
    }
  | {
      help: false;
      values: Args;
      /** Arguments left for a sub-command (groups only), starting with its name. */
      rest: string[];
      /** Names of options that appeared on the command line, in order. */
      given: string[];
    };

/** Values by parameter name while parsing (the table's typed args once complete). */
type Values = Record<string, unknown>;

export const HELP_OPTION: OptionSpec = { name: "help", flags: ["--help"], kind: "flag", help: "Show this message and exit." };

function isShortFlag(flag: string): boolean {
  return flag.length === 2 && flag[0] === "-" && flag[1] !== "-";
}

function optionDefault(option: OptionSpec): unknown {
  if (option.default !== undefined) return option.default;
  switch (option.kind) {
    case "flag":
      return false;
    case "multiple":
      return [];
    case "count":
      return 0;
    default:
      return null;
  }
}

/** The value of an int or number option (click's conversion); other options take the text as given. */
function convertValue(option: OptionSpec, raw: string, commandPath: string): unknown {
  const fail = (problem: UsageProblem) => new UsageError(problem, commandPath);
  if (option.type === "int") {
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw fail({ kind: "bad-value", flags: option.flags, value: raw, expected: "integer" });
    const value = Number(raw.trim());
    if (option.min !== undefined && value < option.min) throw fail({ kind: "below-minimum", flags: option.flags, value, min: option.min });
    return value;
  }
  if (option.type === "number") {
    const value = Number(raw.trim());
    if (raw.trim() === "" || Number.isNaN(value)) throw fail({ kind: "bad-value", flags: option.flags, value: raw, expected: "number" });
    return value;
  }
  return raw;
}

class OptionParser {
  private readonly byFlag = new Map<string, OptionSpec>();
  private readonly longFlags: string[] = [];
  private readonly raw = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();
  readonly given: string[] = [];
  private rargs: string[];
  readonly largs: string[] = [];

  constructor(
    options: readonly OptionSpec[],
    argv: string[],
    private readonly interspersed: boolean,
    private readonly commandPath: string,
  ) {
    for (const option of [...options, HELP_OPTION]) {
      for (const flag of option.flags) {
        this.byFlag.set(flag, option);
        if (!isShortFlag(flag)) this.longFlags.push(flag);
      }
    }
    this.rargs = [...argv];
  }

  parse(): string[] {
    while (this.rargs.length) {
      const arg = this.rargs.shift()!;
      if (arg === "--") break;
      if (arg[0] === "-" && arg.length > 1) this.processOption(arg);
      else if (this.interspersed) this.largs.push(arg);
      else {
        this.rargs.unshift(arg);
        break;
      }
    }
    return [...this.largs, ...this.rargs];
  }

  private record(option: OptionSpec, value: string | null): void {
    this.given.push(option.name);
    if (option.kind === "count" || option.kind === "flag") this.counts.set(option.name, (this.counts.get(option.name) ?? 0) + 1);
    if (value !== null) this.raw.set(option.name, [...(this.raw.get(option.name) ?? []), value]);
  }

  private fail(problem: UsageProblem): UsageError {
    return new UsageError(problem, this.commandPath);
  }

  private takeValue(flag: string): string {
    if (!this.rargs.length) throw this.fail({ kind: "option-requires-argument", option: flag });
    return this.rargs.shift()!;
  }

  private processOption(arg: string): void {
    const equals = arg.indexOf("=");
    const longFlag = equals >= 0 ? arg.slice(0, equals) : arg;
    const explicit = equals >= 0 ? arg.slice(equals + 1) : null;
    const option = this.longFlags.includes(longFlag) ? this.byFlag.get(longFlag) : undefined;
    if (!option) {
      if (arg.slice(0, 2) !== "--" && arg.slice(0, 2) !== "-") return this.processShort(arg);
      const [suggestion = null] = closeMatches(longFlag, this.longFlags);
      throw this.fail({ kind: "no-such-option", option: longFlag, suggestion });
    }
    if (option.kind === "value" || option.kind === "multiple") {
      if (explicit !== null) this.rargs.unshift(explicit);
      this.record(option, this.takeValue(longFlag));
    } else {
      if (explicit !== null) throw this.fail({ kind: "option-takes-no-value", option: longFlag });
      this.record(option, null);
    }
  }

  private processShort(arg: string): void {
    for (let index = 1; index < arg.length; index++) {
      const flag = "-" + arg[index];
      const option = this.byFlag.get(flag);
      if (!option || !isShortFlag(flag)) throw this.fail({ kind: "no-such-option", option: flag, suggestion: null });
      if (option.kind === "value" || option.kind === "multiple") {
        if (index + 1 < arg.length) this.rargs.unshift(arg.slice(index + 1));
        this.record(option, this.takeValue(flag));
        return;
      }
      this.record(option, null);
    }
  }

  values(options: readonly OptionSpec[]): Values {
    const values: Values = {};
    const ordered = [...options].sort((a, b) => orderIndex(this.given, a.name) - orderIndex(this.given, b.name));
    for (const option of ordered) {
      const raw = this.raw.get(option.name);
      const count = this.counts.get(option.name) ?? 0;
      if (option.kind === "flag") values[option.name] = count > 0 ? true : optionDefault(option);
      else if (option.kind === "count") values[option.name] = count;
      else if (option.kind === "multiple") values[option.name] = raw ? raw.map((item) => convertValue(option, item, this.commandPath)) : optionDefault(option);
      else values[option.name] = raw ? convertValue(option, raw[raw.length - 1], this.commandPath) : optionDefault(option);
    }
    return values;
  }

  helpRequested(): boolean {
    return (this.counts.get("help") ?? 0) > 0;
  }
}

function orderIndex(given: string[], name: string): number {
  const index = given.indexOf(name);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

function assignArguments(specs: readonly ArgumentSpec[], args: string[], values: Values, commandPath: string): string[] {
  const remaining = [...args];
  specs.forEach((spec, position) => {
    if (spec.variadic) {
      const after = specs.slice(position + 1).filter((item) => !item.variadic).length;
      values[spec.name] = remaining.splice(0, Math.max(0, remaining.length - after));
    } else if (remaining.length) {
      values[spec.name] = remaining.shift()!;
    } else {
      if (spec.required) throw new UsageError({ kind: "missing-argument", metavar: spec.metavar }, commandPath);
      values[spec.name] = null;
    }
  });
  return remaining;
}

/**
 * Parses argv for a command; groups stop at the first non-option and return the rest. Throws
 * UsageError naming `commandPath`, the command as the user typed it (e.g. `guild runs rm`).
 */
export function parseCommandLine<Options extends readonly OptionSpec[], Arguments extends readonly ArgumentSpec[]>(
  spec: CommandSpec<Options, Arguments>,
  argv: string[],
  commandPath: string,
): ParseResult<ParsedArgs<Options, Arguments>> {
  const isGroup = Boolean(spec.subcommands?.length);
  const parser = new OptionParser(spec.options, argv, !isGroup, commandPath);
  const args = parser.parse();
  if (parser.helpRequested()) return { help: true, given: parser.given };
  const values = parser.values(spec.options);
  if (!isGroup) {
    const extra = assignArguments(spec.arguments, args, values, commandPath);
    if (extra.length > 0) throw new UsageError({ kind: "unexpected-extra-arguments", values: extra }, commandPath);
  }
  // Every option and argument of the table now has its value: the table's typed args.
  return { values: values as ParsedArgs<Options, Arguments>, rest: isGroup ? args : [], help: false, given: parser.given };
}

/**
 * Each parameter's default as click declares it (`param.default`), which is not always what an
 * empty command line gives: None for value and multiple options and for arguments, False for flags.
 */
export function clickDefaults(spec: CommandSpec): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const option of spec.options) {
    if (option.default !== undefined && option.kind !== "multiple") defaults[option.name] = option.default;
    else defaults[option.name] = option.kind === "flag" ? false : option.kind === "count" ? 0 : null;
  }
  for (const argument of spec.arguments) defaults[argument.name] = null;
  return defaults;
}
