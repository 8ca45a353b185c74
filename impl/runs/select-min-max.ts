// `guild select --min/--max COLSPEC`: the run with the lowest or highest value of one column (runs_impl._select_min_run).
import { CliError } from "../io.js";
import { compareNaturalValues } from "../../lib/python/natsort.js";
import { ColspecError, parseColspec, splitScalarKey, type Column } from "../compare/colspec.js";
import { lookupScalar } from "../scalars/scalar-lookup.js";
import { readRunScalars } from "../scalars/scalar-summary.js";
import { filterRunValues } from "./filter-values.js";
import { procPidAlive, type Run } from "./run.js";

function oneColumn(colspec: string): Column {
  let columns: Column[];
  try {
    columns = parseColspec(colspec);
  } catch (error) {
    if (!(error instanceof ColspecError)) throw error;
    throw new CliError(`invalid col spec '${colspec}': ${error.message}`);
  }
  if (columns.length > 1) throw new CliError(`invalid col spec '${colspec}': multiple cols not supported`);
  return columns[0];
}

/** The column's value for a run, as the run index reads it (null when the run has none). */
function columnValue(run: Run, column: Column): unknown {
  if (column.kind === "flag") return run.flags[column.name] ?? null;
  if (column.kind === "attr") return filterRunValues(run, procPidAlive).attr(column.name) ?? null;
  const [prefix, tag] = splitScalarKey(column.key);
  return lookupScalar(readRunScalars(run.dir), prefix, tag, column.qualifier, column.step);
}

/**
 * The first run of `runs` naturally sorted by the column's value, ascending for --min and descending for
 * --max; runs without a value sort first ascending, last descending. Ties keep the listing's order.
 */
export function selectMinMaxRun(runs: Run[], colspec: string, highest: boolean): Run {
  const column = oneColumn(colspec);
  if (runs.length === 0) throw new CliError("no matching runs");
  const keyed = runs.map((run) => ({ run, value: columnValue(run, column) }));
  const sorted = keyed.sort((a, b) => (highest ? -1 : 1) * compareNaturalValues(a.value, b.value));
  return sorted[0].run;
}
