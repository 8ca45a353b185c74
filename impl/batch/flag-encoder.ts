// skopt.encode_flag_for_optimizer: flags the user did not set search their choices or their min..max range.
import { encodeFlagValue } from "../flags/encode.js";
import type { OpDef } from "../../lib/guildfile/index.js";
import type { PyValue } from "../../lib/python/values.js";

/** Flag values with each unset flag that has choices as the list of them, and each with min and max as `uniform[MIN:MAX:DEFAULT]`. */
export function flagEncodedForOptimizer(opdef: OpDef, flagValues: Record<string, PyValue>, userFlagValues: Record<string, PyValue>): Record<string, PyValue> {
  const encoded = { ...flagValues };
  for (const [name, value] of Object.entries(flagValues)) {
    if (name in userFlagValues) continue;
    const flag = opdef.flags.find((candidate) => candidate.name === name);
    if (!flag) continue;
    if (flag.choices.length) {
      encoded[name] = flag.choices.map((choice) => choice.value);
    } else if (flag.min !== null && flag.min !== undefined && flag.max !== null && flag.max !== undefined) {
      const functionName = typeof flag.distribution === "string" && flag.distribution ? flag.distribution : "uniform";
      const args = [encodeFlagValue(flag.min), encodeFlagValue(flag.max)];
      if (value !== null) args.push(encodeFlagValue(value));
      encoded[name] = `${functionName}[${args.join(":")}]`;
    }
  }
  return encoded;
}
