// Flag values for a run: NAME=VAL parsing, defaults, Guild's type coercion and checks (op_util.flag_vals_for_opdef).
import { CliError } from "../io.js";
import { decodeFlagValue, pythonFloat, pythonInt } from "../flags/decode.js";
import { encodeFlagValue } from "../flags/encode.js";
import { formatTable } from "../format/table.js";
import { PyFloat, numericValue, pyEquals, type PyValue } from "../../lib/python/values.js";
import { pyStr } from "../../lib/python/repr.js";
import type { FlagDef, OpDef } from "../../lib/guildfile/index.js";

export type FlagValues = Record<string, PyValue>;

/** An error the `guild run` command reports; `preamble` goes to stderr before `guild: ...`. */
export class FlagCheckError extends CliError {
  constructor(
    message: string | null,
    readonly preamble = "",
  ) {
    super(message);
  }
}

function expandUser(text: string, home: string | undefined): string {
  return home && (text === "~" || text.startsWith("~/")) ? home + text.slice(1) : text;
}

/**
 * op_util.parse_flag_assigns: `NAME=VAL` args decoded with the flag's type (when defined); a value for a
 * dependency flag the op does not type is a string (a run id such as `1e12` or `02` stays as given).
 */
export function parseFlagAssigns(args: string[], opdef: Pick<OpDef, "flags"> | null, home?: string, dependencyFlagNames: string[] = []): FlagValues {
  const invalid = args.filter((arg) => !expandUser(arg, home).includes("="));
  if (invalid.length) throw new CliError(`invalid argument(s):\n${invalid.join("\n")}\nexpected NAME=VAL`);
  const values: FlagValues = {};
  for (const arg of args) {
    const expanded = expandUser(arg, home);
    const equals = expanded.indexOf("=");
    const name = expanded.slice(0, equals);
    const flagdef = opdef?.flags.find((flag) => flag.name === name);
    values[name] = decodeFlagValue(expanded.slice(equals + 1), flagdef?.type ?? (dependencyFlagNames.includes(name) ? "string" : null));
  }
  return values;
}

function coerceTyped(value: PyValue, flag: FlagDef): PyValue {
  const fail = () => {
    throw new Error(`invalid value for type '${flag.type}'`);
  };
  switch (flag.type) {
    case "string":
      return pyStr(value);
    case "int":
      if (value instanceof PyFloat) fail();
      if (typeof value === "number" || typeof value === "boolean") return Number(value);
      try {
        return pythonInt(String(value));
      } catch {
        return fail();
      }
    case "float":
      if (typeof value === "number" || typeof value === "boolean") return new PyFloat(Number(value));
      if (value instanceof PyFloat) return value;
      try {
        return pythonFloat(String(value));
      } catch {
        return fail();
      }
    case "boolean":
      if (Array.isArray(value)) return value.length > 0;
      if (value && typeof value === "object" && !(value instanceof PyFloat)) return Object.keys(value).length > 0;
      return Boolean(numericValue(value) ?? value);
    case "number":
      // Python's bool is an int, so True stays True.
      if (typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat) return value;
      try {
        return pythonInt(String(value));
      } catch {
        try {
          return pythonFloat(String(value));
        } catch {
          return fail();
        }
      }
    default:
      return value;
  }
}

function isFlagFunction(value: PyValue): boolean {
  return typeof value === "string" && (/^[a-zA-Z0-9_\-.]+\[.*\]/.test(value) || (value.startsWith("[") && value.endsWith("]") && value.includes(":")));
}

/** op_util.coerce_flag_value. */
export function coerceFlagValue(value: PyValue, flag: FlagDef | undefined): PyValue {
  if (value === null || !flag || !flag.type || flag.type === "auto" || isFlagFunction(value)) return value;
  if (Array.isArray(value)) return value.map((item) => coerceFlagValue(item, flag));
  if (flag.type === "path" || flag.type === "existing-path") return value;
  return coerceTyped(value, flag);
}

function checkChoice(value: PyValue, flag: FlagDef): void {
  if (!value || flag.allowOther || flag.choices.length === 0) return;
  if (flag.choices.some((choice) => (choice.alias !== null && pyEquals(value, choice.alias)) || pyEquals(choice.value, value))) return;
  const rows = formatTable(flag.choices.map((choice) => [encodeFlagValue(choice.value), choice.description]), { indent: 2 });
  throw new FlagCheckError(null, `Unsupported value for '${flag.name}' - supported values are:\n\n${rows.join("\n")}\n\nRun the command again using one of these options.\n`);
}

function checkRange(value: PyValue, flag: FlagDef): void {
  const number = numericValue(value);
  if (number === null) return;
  const min = numericValue(flag.min);
  const max = numericValue(flag.max);
  if (min !== null && number < min) throw new CliError(`invalid value ${pyStr(value)} for ${flag.name}: out of range (less than min ${pyStr(flag.min)})`);
  if (max !== null && number > max) throw new CliError(`invalid value ${pyStr(value)} for ${flag.name}: out of range (greater than max ${pyStr(flag.max)})`);
}

function checkValue(value: PyValue, flag: FlagDef): void {
  if (Array.isArray(value)) return value.forEach((item) => checkValue(item, flag));
  if (isFlagFunction(value)) return;
  checkChoice(value, flag);
  checkRange(value, flag);
}

export interface FlagValuesResult {
  values: FlagValues;
  /** Flag defs of dependency flags accepted for this op (arg-skipped, not in the Guild file). */
  resourceFlagNames: string[];
}

/** Defaults overridden by user values, coerced and (unless forced) checked as Guild does. */
export function flagValuesForOpdef(opdef: Pick<OpDef, "flags" | "fullname">, userValues: FlagValues, force: boolean, resourceFlagNames: string[] = []): FlagValues {
  const values: FlagValues = {};
  for (const flag of opdef.flags) values[flag.name] = flag.default;
  Object.assign(values, userValues);
  for (const [name, value] of Object.entries(values)) {
    const flag = opdef.flags.find((candidate) => candidate.name === name);
    try {
      values[name] = coerceFlagValue(value, flag);
    } catch (error) {
      if (!force) throw new CliError(`invalid value ${pyStr(value)} for ${name}: ${(error as Error).message}`);
    }
  }
  if (!force) {
    const known = new Set([...opdef.flags.map((flag) => flag.name), ...resourceFlagNames]);
    for (const name of Object.keys(values)) {
      if (!known.has(name)) {
        throw new CliError(`unsupported flag '${name}'\nTry 'guild run ${opdef.fullname} --help-op' for a list of flags or use --force-flags to skip this check.`);
      }
    }
    for (const flag of opdef.flags) checkValue(values[flag.name] ?? null, flag);
    const missing = opdef.flags.filter((flag) => flag.required && (values[flag.name] === null || values[flag.name] === undefined));
    if (missing.length) {
      const rows = formatTable(missing.map((flag) => [flag.name, flag.description.split("\n")[0]]), { indent: 2 });
      throw new FlagCheckError(null, `Operation requires the following missing flags:\n\n${rows.join("\n")}\n\nRun the command again with these flags specified as NAME=VAL.\n`);
    }
  }
  for (const flag of opdef.flags) {
    const value = values[flag.name];
    if (value === null || value === undefined) continue;
    const choice = flag.choices.find((candidate) => pyEquals(candidate.alias ?? candidate.value, value));
    if (choice && choice.alias !== null) values[flag.name] = choice.value;
  }
  return values;
}
