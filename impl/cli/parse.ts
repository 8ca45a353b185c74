// Click-compatible command line parsing of one command's options and arguments (click 8.1.3 rules).
import type { ArgumentSpec, CommandSpec, OptionSpec, ParsedArgs } from "../commands/types.js";
import { getCloseMatches as closeMatches } from "../../lib/python/difflib.js";

/** A click usage error: printed with the command's `--help` hint, exit 2. */
export class UsageError extends Error {
  /** click's own wording (Guild shows it for step run specs), e.g. `No such option: --foo`. */
  readonly clickMessage: string;
  constructor(message: string, clickMessage?: string) {
    super(message);
    this.clickMessage = clickMessage ?? message;
  }
}

export interface ParseResult {
  values: ParsedArgs;
  /** Arguments left for a sub-command (groups only), starting with its name. */
  rest: string[];
  /** Whether `--help` was given. */
  help: boolean;
  /** Names of options that appeared on the command line, in order. */
  given: string[];
}

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

function paramHint(option: OptionSpec): string {
  return option.flags.map((flag) => `'${flag}'`).join(" / ");
}

function convertValue(option: OptionSpec, raw: string): unknown {
  if (option.type === "int") {
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw new UsageError(`Invalid value for ${paramHint(option)}: '${raw}' is not a valid integer.`);
    const value = Number(raw.trim());
    if (option.min !== undefined && value < option.min) {
      throw new UsageError(`Invalid value for ${paramHint(option)}: ${value} is not in the range x>=${option.min}.`);
    }
    return value;
  }
  if (option.type === "number") {
    const value = Number(raw.trim());
    if (raw.trim() === "" || Number.isNaN(value)) throw new UsageError(`Invalid value for ${paramHint(option)}: '${raw}' is not a valid number.`);
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
    options: OptionSpec[],
    argv: string[],
    private readonly interspersed: boolean,
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

  private takeValue(flag: string): string {
    if (!this.rargs.length) throw new UsageError(`Option '${flag}' requires an argument.`);
    return this.rargs.shift()!;
  }

  private processOption(arg: string): void {
    const equals = arg.indexOf("=");
    const longFlag = equals >= 0 ? arg.slice(0, equals) : arg;
    const explicit = equals >= 0 ? arg.slice(equals + 1) : null;
    const option = this.longFlags.includes(longFlag) ? this.byFlag.get(longFlag) : undefined;
    if (!option) {
      if (arg.slice(0, 2) !== "--" && arg.slice(0, 2) !== "-") return this.processShort(arg);
      const suggestions = closeMatches(longFlag, this.longFlags);
      const clickHint = suggestions.length === 1 ? ` Did you mean ${suggestions[0]}?` : suggestions.length ? ` (Possible options: ${[...suggestions].sort().join(", ")})` : "";
      throw new UsageError(`unrecognized option '${longFlag}'${suggestions.length ? ` (did you mean ${suggestions[0]}?)` : ""}`, `No such option: ${longFlag}${clickHint}`);
    }
    if (option.kind === "value" || option.kind === "multiple") {
      if (explicit !== null) this.rargs.unshift(explicit);
      this.record(option, this.takeValue(longFlag));
    } else {
      if (explicit !== null) throw new UsageError(`Option '${longFlag}' does not take a value.`);
      this.record(option, null);
    }
  }

  private processShort(arg: string): void {
    for (let index = 1; index < arg.length; index++) {
      const flag = "-" + arg[index];
      const option = this.byFlag.get(flag);
      if (!option || !isShortFlag(flag)) throw new UsageError(`unrecognized option '${flag}'`, `No such option: ${flag}`);
      if (option.kind === "value" || option.kind === "multiple") {
        if (index + 1 < arg.length) this.rargs.unshift(arg.slice(index + 1));
        this.record(option, this.takeValue(flag));
        return;
      }
      this.record(option, null);
    }
  }

  values(options: OptionSpec[]): ParsedArgs {
    const values: ParsedArgs = {};
    const ordered = [...options].sort((a, b) => orderIndex(this.given, a.name) - orderIndex(this.given, b.name));
    for (const option of ordered) {
      const raw = this.raw.get(option.name);
      const count = this.counts.get(option.name) ?? 0;
      if (option.kind === "flag") values[option.name] = count > 0 ? (option.flagValue ?? true) : optionDefault(option);
      else if (option.kind === "count") values[option.name] = count;
      else if (option.kind === "multiple") values[option.name] = raw ? raw.map((item) => convertValue(option, item)) : optionDefault(option);
      else values[option.name] = raw ? convertValue(option, raw[raw.length - 1]) : optionDefault(option);
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

function assignArguments(specs: ArgumentSpec[], args: string[], values: ParsedArgs): string[] {
  const remaining = [...args];
  specs.forEach((spec, position) => {
    if (spec.variadic) {
      const after = specs.slice(position + 1).filter((item) => !item.variadic).length;
      values[spec.name] = remaining.splice(0, Math.max(0, remaining.length - after));
    } else if (remaining.length) {
      values[spec.name] = remaining.shift()!;
    } else {
      if (spec.required) throw new UsageError(`missing argument for ${spec.metavar}`, `Missing argument '${spec.metavar}'.`);
      values[spec.name] = null;
    }
  });
  return remaining;
}

/** Parses argv for a command; groups stop at the first non-option and return the rest. */
export function parseCommandLine(spec: CommandSpec, argv: string[]): ParseResult {
  const isGroup = Boolean(spec.subcommands?.length);
  const parser = new OptionParser(spec.options, argv, !isGroup);
  const args = parser.parse();
  if (parser.helpRequested()) return { values: {}, rest: [], help: true, given: parser.given };
  const values = parser.values(spec.options);
  if (isGroup) return { values, rest: args, help: false, given: parser.given };
  const extra = assignArguments(spec.arguments, args, values);
  if (extra.length === 1) throw new UsageError(`unexpected extra argument '${extra[0]}'`, `Got unexpected extra argument (${extra[0]})`);
  if (extra.length > 1) throw new UsageError(`unexpected extra arguments '${extra.join(" ")}'`, `Got unexpected extra arguments (${extra.join(" ")})`);
  return { values, rest: [], help: false, given: parser.given };
}
