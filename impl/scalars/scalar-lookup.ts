// Looks up one scalar value for a compare column: prefix matching (SQL LIKE 'PREFIX%'), qualifier and step.
import type { ScalarSummary } from "./scalar-summary.js";

export const SCALAR_QUALIFIERS = ["first", "last", "min", "max", "avg", "total", "count"] as const;
export type ScalarQualifier = (typeof SCALAR_QUALIFIERS)[number];

export class ScalarLookupError extends Error {}

/** SQLite `LIKE 'prefix%'`: `%` any run, `_` any one char, ASCII case-insensitive. */
export function likePrefixMatches(prefix: string, text: string): boolean {
  let source = "^";
  for (const char of prefix) {
    if (char === "%") source += "[\\s\\S]*";
    else if (char === "_") source += "[\\s\\S]";
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(source, "i").test(text);
}

function byPrefix(a: ScalarSummary, b: ScalarSummary): number {
  return a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0;
}

const PROBE: ScalarSummary = {
  prefix: "", tag: "", firstValue: 0, firstStep: 0, lastValue: 0, lastStep: 0, minValue: 0, minStep: 0,
  maxValue: 0, maxStep: 0, avgValue: 0, total: 0, count: 0,
};

function pick(summary: ScalarSummary, qualifier: string, step: boolean): number {
  switch (`${qualifier}:${step}`) {
    case "first:false": return summary.firstValue;
    case "first:true": return summary.firstStep;
    case "last:false": return summary.lastValue;
    case "last:true": return summary.lastStep;
    case "min:false": return summary.minValue;
    case "min:true": return summary.minStep;
    case "max:false": return summary.maxValue;
    case "max:true": return summary.maxStep;
    case "avg:false": return summary.avgValue;
    case "total:false": return summary.total;
    case "count:false": return summary.count;
  }
  throw new ScalarLookupError(`unsupported scalar type qual='${qualifier}' step=${step ? "True" : "False"}`);
}

/**
 * The value for (prefix, tag): prefix null = any prefix, else prefixes LIKE 'PREFIX%'; the lowest
 * matching prefix wins. Steps and counts are ints; other values are floats. Null when none matches.
 */
export function lookupScalar(summaries: ScalarSummary[], prefix: string | null, tag: string, qualifier: string | null, step: boolean): number | null {
  pick(PROBE, qualifier ?? "last", step);
  const candidates = summaries
    .filter((summary) => summary.tag === tag && (prefix === null || likePrefixMatches(prefix, summary.prefix)))
    .sort(byPrefix);
  if (candidates.length === 0) return null;
  return pick(candidates[0], qualifier ?? "last", step);
}

/** Whether a lookup result is an int in Python (steps and counts) rather than a float. */
export function isIntScalarResult(qualifier: string | null, step: boolean): boolean {
  return step || qualifier === "count";
}
