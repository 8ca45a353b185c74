// What every `guild` command declares: its options and arguments as data, and its action.
import type { CommandContext } from "../context.js";

export interface OptionSpec {
  /** Python-style parameter name, as Guild stores it (e.g. `force_flags`). */
  name: string;
  /** Spellings, e.g. ["-n", "--limit"]. */
  flags: string[];
  /** flag: boolean switch; value: takes one value; multiple: repeatable value; count: repeatable switch. */
  kind: "flag" | "value" | "multiple" | "count";
  type?: "string" | "int" | "number";
  /** Smallest accepted value for an int option (click IntRange). */
  min?: number;
  /** Value of a `flag` option when given (click flag_value); true by default. */
  flagValue?: unknown;
  metavar?: string;
  help: string;
  /** Value when the option is absent (flag: false, multiple: [], count: 0, value: null by default). */
  default?: unknown;
  hidden?: boolean;
}

export interface ArgumentSpec {
  name: string;
  metavar: string;
  variadic?: boolean;
  required?: boolean;
}

export type ParsedArgs = Record<string, unknown>;

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** First line is the short help shown in the parent's command list. */
  help: string;
  usage?: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  subcommands?: CommandSpec[];
  /** Runs when no subcommand is given (e.g. `guild runs` = `guild runs list`). */
  defaultSubcommand?: string;
  /** Returns the exit code (0 when omitted). User-facing failures throw CliError. */
  run?: (args: ParsedArgs, ctx: CommandContext) => Promise<number | void>;
}
