// Option tables as data (a command's options, arguments and sub-commands) and the typed values parsing them yields.

export interface OptionSpec {
  /** Python-style parameter name, as Guild stores it (e.g. `force_flags`); the key of its parsed value. */
  readonly name: string;
  /** Spellings, e.g. ["-n", "--limit"]. */
  readonly flags: readonly string[];
  /** flag: boolean switch; value: takes one value; multiple: repeatable value; count: repeatable switch. */
  readonly kind: "flag" | "value" | "multiple" | "count";
  readonly type?: "string" | "int" | "number";
  /** Smallest accepted value for an int option (click IntRange). */
  readonly min?: number;
  readonly metavar?: string;
  readonly help: string;
  /** Value when the option is absent (flag: false, multiple: [], count: 0, value: null by default). */
  readonly default?: string | number;
  readonly hidden?: boolean;
}

export interface ArgumentSpec {
  readonly name: string;
  readonly metavar: string;
  /** Takes every remaining argument (a list, empty when none). */
  readonly variadic?: boolean;
  readonly required?: boolean;
}

/** What a command declares for parsing and help; a group also lists its sub-commands. */
export interface CommandSpec<Options extends readonly OptionSpec[] = readonly OptionSpec[], Arguments extends readonly ArgumentSpec[] = readonly ArgumentSpec[]> {
  readonly name: string;
  readonly aliases?: readonly string[];
  /**
   * The help text as Guild's docstring has it (markup such as `code` and ### headings included); its start
   * is the short help shown in the parent's command list.
   */
  readonly help: string;
  /** The short help, when it is not the start of the help text (click's `short_help`). */
  readonly shortHelp?: string;
  /** Left out of the parent's command list. */
  readonly hidden?: boolean;
  /** The usage line after the command path, when it is not `[OPTIONS] ARGUMENT...`. */
  readonly usage?: string;
  readonly options: Options;
  readonly arguments: Arguments;
  readonly subcommands?: readonly CommandSpec[];
}

type NumericOption = { readonly type: "int" | "number" };

/** The value an option parses into. */
export type OptionValue<Option extends OptionSpec> = Option extends { readonly kind: "flag" }
  ? boolean
  : Option extends { readonly kind: "count" }
    ? number
    : Option extends { readonly kind: "multiple" }
      ? Option extends NumericOption
        ? number[]
        : string[]
      : Option extends NumericOption
        ? Option extends { readonly default: number }
          ? number
          : number | null
        : Option extends { readonly default: string }
          ? string
          : string | null;

/** The value an argument parses into. */
export type ArgumentValue<Argument extends ArgumentSpec> = Argument extends { readonly variadic: true }
  ? string[]
  : Argument extends { readonly required: true }
    ? string
    : string | null;

type TypedArgs<Options extends readonly OptionSpec[], Arguments extends readonly ArgumentSpec[]> = {
  -readonly [Option in Options[number] as Option["name"]]: OptionValue<Option>;
} & {
  -readonly [Argument in Arguments[number] as Argument["name"]]: ArgumentValue<Argument>;
};

/**
 * What parsing a command line with these options and arguments yields: a value under each name.
 * Tables whose names are not known to the compiler (plain `OptionSpec[]`) yield a plain record.
 */
export type ParsedArgs<Options extends readonly OptionSpec[], Arguments extends readonly ArgumentSpec[] = []> =
  string extends Options[number]["name"] | Arguments[number]["name"]
    ? Record<string, unknown>
    : { [Name in keyof TypedArgs<Options, Arguments>]: TypedArgs<Options, Arguments>[Name] };

/** The parsed arguments of a command spec. */
export type CommandArgs<Spec> = Spec extends CommandSpec<infer Options, infer Arguments> ? ParsedArgs<Options, Arguments> : never;

/** An option table whose names and kinds the compiler keeps, so that parsing it yields typed args. */
export function defineOptions<const Options extends readonly OptionSpec[]>(options: Options): Options {
  return options;
}

/** An argument table whose names the compiler keeps, so that parsing it yields typed args. */
export function defineArguments<const Arguments extends readonly ArgumentSpec[]>(args: Arguments): Arguments {
  return args;
}
