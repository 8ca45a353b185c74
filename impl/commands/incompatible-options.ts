// Guild's check_incompatible_args, shared by the run commands: two options that cannot both be given.
// A module of its own, so a command checking its options loads no other command's code.
import { CliError } from "../io.js";

/** Python truthiness of a parsed option (empty repeatable options are unset). */
export const isSet = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** Guild's check_incompatible_args: `--a and --b cannot both be specified` with a help hint. */
export function checkIncompatible<Args>(args: Args, pairs: ReadonlyArray<readonly [keyof Args & string, keyof Args & string]>, commandPath: string): void {
  for (const [first, second] of pairs) {
    if (isSet(args[first]) && isSet(args[second])) {
      const option = (name: string) => "--" + name.replace(/_/g, "-");
      throw new CliError(`${option(first)} and ${option(second)} cannot both be specified\nTry '${commandPath} --help' for more information.`);
    }
  }
}
