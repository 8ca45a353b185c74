// Scalars as `guild runs info` and `guild compare --print-scalars` list them: `key: 1.000000 (step 0)`.
import { formatFixed } from "../../lib/python/float.js";
import { scalarKey, type ScalarSummary } from "./scalar-summary.js";


/** `KEY: VALUE (step N)` for the last value of a scalar. */
export function formatScalarLine(summary: ScalarSummary): string {
  return `${scalarKey(summary)}: ${formatFixed(summary.lastValue, 6)} (step ${summary.lastStep})`;
}

/** Scalars shown by default: every tag except `sys/*` (all of them with `--all-scalars`). */
export function visibleScalars(summaries: ScalarSummary[], allScalars: boolean): ScalarSummary[] {
  const byKey = new Map<string, ScalarSummary>();
  for (const summary of summaries) {
    if (allScalars || !summary.tag.startsWith("sys/")) byKey.set(scalarKey(summary), summary);
  }
  return [...byKey.values()];
}
