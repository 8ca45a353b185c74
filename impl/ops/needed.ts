// `--needed`: an existing run with the same opref and flags (not pending, not failed) makes the run unneeded.
import { formatTable } from "../format/table.js";
import { listRuns } from "../runs/list.js";
import { formatOperation, formatTimestamp } from "../runs/format.js";
import { pyEquals } from "../../lib/python/values.js";
import type { Opref } from "../../lib/rundir/index.js";
import type { Io } from "../io.js";
import type { FlagValues } from "./flag-values.js";

/** Whether a run's opref names the same operation of the same package version. */
export function sameOpref(a: Opref | null, b: Opref): boolean {
  return !!a && a.pkgType === b.pkgType && a.pkgName === b.pkgName && a.pkgVersion === b.pkgVersion && a.modelName === b.modelName && a.opName === b.opName;
}

/** Prints the skip message and returns true when a matching run exists. */
export function skipBecauseNeeded(guildHome: string, io: Io, opref: Opref, flagValues: FlagValues): boolean {
  const matching = listRuns(guildHome, { env: io.env }).filter((run) => {
    if (!sameOpref(run.opref, opref)) return false;
    const status = run.status();
    return status !== "pending" && status !== "error" && pyEquals(run.flags, flagValues);
  });
  if (!matching.length) return false;
  const rows = matching.map((run) => [`[${run.shortId}]`, formatOperation(run.opref), formatTimestamp(run.get("started")), run.status(), run.label]);
  io.stdout("Skipping because the following runs match this operation (--needed specified):\n");
  io.stdout(formatTable(rows, { indent: 2 }).map((line) => line + "\n").join(""));
  return true;
}
