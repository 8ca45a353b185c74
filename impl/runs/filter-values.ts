// What a `-F` filter expression reads from a run: the run index's formatted attrs, stored attrs, flags and last scalar values.
import { readRunScalars } from "../scalars/scalar-summary.js";
import type { FilterRunValues } from "./filter-expr.js";
import { formatRunOperation, formatPkgName, formatTimestamp } from "./format.js";
import type { PidAliveCheck, Run } from "./run.js";

/** index._run_attr_data: attrs the run index formats, looked up before the run's own attrs. */
function indexAttr(run: Run, name: string, isPidAlive: PidAliveCheck): { value: unknown } | null {
  switch (name) {
    case "id":
      return { value: run.id };
    case "run":
    case "short_id":
      return { value: run.shortId };
    case "model":
      return { value: run.opref?.modelName ?? null };
    case "operation":
      return { value: formatRunOperation(run) };
    case "from":
      return { value: formatPkgName(run.opref, undefined) };
    case "op":
      return { value: run.opref?.opName ?? null };
    case "sourcecode": {
      const digest = run.get("sourcecode_digest");
      return { value: typeof digest === "string" ? digest.slice(0, 8) : null };
    }
    case "started":
    case "stopped":
      return { value: formatTimestamp(run.get(name)) };
    case "status":
      return { value: run.status(isPidAlive) };
    default:
      return null;
  }
}

/** filter_util._FilterRun for one run; scalars are read once, when first asked for. */
export function filterRunValues(run: Run, isPidAlive: PidAliveCheck): FilterRunValues {
  let scalars: ReturnType<typeof readRunScalars> | null = null;
  return {
    attr: (name) => {
      const indexed = indexAttr(run, name, isPidAlive);
      return indexed ? indexed.value : run.get(name);
    },
    flag: (name) => {
      const flags = run.flags;
      return Object.hasOwn(flags, name) ? flags[name] : undefined;
    },
    scalar: (key) => {
      scalars ??= readRunScalars(run.dir);
      const hash = key.indexOf("#");
      const prefix = hash >= 0 ? key.slice(0, hash) : null;
      const tag = hash >= 0 ? key.slice(hash + 1) : key;
      return scalars.find((entry) => (!prefix || prefix === entry.prefix) && entry.tag === tag)?.lastValue;
    },
  };
}
