// Builds Guild's compare data: per-run core, operation and user columns merged into one header and rows.
import { PyFloat, numericValue } from "../../lib/python/values.js";
import { strRepr, pyStr } from "../../lib/python/repr.js";
import type { ScalarSummary } from "../scalars/scalar-summary.js";
import { lookupScalar, isIntScalarResult } from "../scalars/scalar-lookup.js";
import { columnHeader, parseColspec, splitScalarKey, ColspecError, type Column } from "./colspec.js";
import { formatTableCell, formatCsvField, formatCsvRow } from "./cell-format.js";

export const BASE_COLS = ".run,.operation,.started,.time,.status,.label";
export const EXTRA_COLS = ".sourcecode";
export const MIN_COLS = ".run";

/** What compare needs to know about one run. */
export interface CompareRunInput {
  id: string;
  /** Formatted operation (`m4:train`). */
  operation: string;
  model: string | null;
  opName: string | null;
  /** Formatted package name (`~/project/guild.yml`). */
  from: string;
  status: string;
  started: number | null;
  stopped: number | null;
  marked: boolean;
  flags: Record<string, unknown>;
  /** A raw run attr (label, sourcecode_digest, compare, ...); undefined when absent. */
  attr: (name: string) => unknown;
  /** The run's scalar summaries (own and rolled up from step links). */
  scalars: () => ScalarSummary[];
  /** The op's `compare` list from the current Guild file, else the run's `compare` attr, else null. */
  compare: unknown[] | null;
}

export interface CompareOptions {
  cols?: string | null;
  strictCols?: string | null;
  skipCore?: boolean;
  skipOpCols?: boolean;
  extraCols?: boolean;
  allScalars?: boolean;
  top?: number | null;
  minCol?: string | null;
  maxCol?: string | null;
  skipUnchanged?: boolean;
  /** true for `-t` tables, false for CSV (raw values). */
  formatCells: boolean;
  nowMicros: number;
  formatTimestamp: (micros: number | null) => string;
  /** Receives Guild's warnings (colspec parse errors), without the `WARNING: ` prefix. */
  warn?: (message: string) => void;
}

export class CompareError extends Error {}

type Cell = [string, unknown];
type Sections = [Cell[], Cell[], Cell[]];

/** Guild's H:MM:SS run duration (running: until now; not stopped: null). */
export function runDuration(status: string, started: number | null, stopped: number | null, nowMicros: number): string | null {
  const end = status === "running" ? nowMicros : stopped;
  if (!end || started === null || started === undefined) return null;
  const seconds = Math.floor((end - started) / 1_000_000);
  if (!Number.isFinite(seconds)) return null;
  const minutes = Math.floor(seconds / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  // Python's divmod: remainders keep the divisor's sign, so a negative duration reads -1:59:59.
  return `${Math.floor(minutes / 60)}:${pad(minutes - Math.floor(minutes / 60) * 60)}:${pad(seconds - minutes * 60)}`;
}

function attrValue(run: CompareRunInput, name: string, options: CompareOptions): unknown {
  switch (name) {
    case "id": return run.id;
    case "run":
    case "short_id": return run.id.slice(0, 8);
    case "model": return run.model;
    case "operation": return run.operation;
    case "from": return run.from;
    case "op": return run.opName;
    case "sourcecode": {
      const digest = run.attr("sourcecode_digest");
      return digest ? String(digest).slice(0, 8) : "";
    }
    case "started": return options.formatTimestamp(run.started);
    case "stopped": return options.formatTimestamp(run.stopped);
    case "status": return run.status;
    case "time": return runDuration(run.status, run.started, run.stopped, options.nowMicros);
  }
  const value = run.attr(name);
  return value === undefined ? null : value;
}

function columnValue(run: CompareRunInput, column: Column, options: CompareOptions, scalars: RunScalars): unknown {
  if (column.kind === "flag") return column.name in run.flags ? run.flags[column.name] : null;
  if (column.kind === "attr") return attrValue(run, column.name, options);
  const [prefix, tag] = splitScalarKey(column.key);
  const value = lookupScalar(scalars.of(run), prefix, tag, column.qualifier, column.step);
  if (value === null) return null;
  return isIntScalarResult(column.qualifier, column.step) ? value : new PyFloat(value);
}

class ColumnCache {
  private readonly parsed = new Map<string, Column[]>();

  constructor(private readonly warn: (message: string) => void) {}

  columns(colspec: string): Column[] {
    let columns = this.parsed.get(colspec);
    if (!columns) {
      try {
        columns = parseColspec(colspec);
      } catch (error) {
        if (!(error instanceof ColspecError)) throw error;
        this.warn(`error parsing ${strRepr(colspec)}: ${error.message}`);
        columns = [];
      }
      this.parsed.set(colspec, columns);
    }
    return columns;
  }
}

/**
 * Each run's scalars, read at most once per compare. Kept beside the runs, not in a wrapper object
 * per run: wrappers made with Object.create(run) each have a prototype of their own, and property
 * reads over thousands of differently shaped objects are V8's slowest kind.
 */
class RunScalars {
  private readonly read = new Map<CompareRunInput, ScalarSummary[]>();

  of(run: CompareRunInput): ScalarSummary[] {
    let summaries = this.read.get(run);
    if (summaries === undefined) {
      summaries = run.scalars();
      this.read.set(run, summaries);
    }
    return summaries;
  }
}

/** The default op columns: `=flag` per flag, then a step column and one column per scalar tag. */
export function defaultRunCompare(run: CompareRunInput, allScalars: boolean, summaries: ScalarSummary[] = run.scalars()): string[] {
  const flagCols = Object.keys(run.flags).sort().map((name) => `=${name}`);
  const tags = new Set<string>();
  for (const summary of summaries) {
    if (allScalars || !summary.tag.startsWith("sys/")) tags.add(summary.tag);
  }
  const scalarCols = [...tags].sort();
  if (scalarCols.length === 0) return flagCols;
  const stepCol = scalarCols.includes("loss") ? "loss step as step" : `${scalarCols[0]} step as step`;
  return [...flagCols, stepCol, ...scalarCols];
}

function opColumns(run: CompareRunInput, options: CompareOptions, cache: ColumnCache, scalars: RunScalars): Column[] {
  if (options.skipOpCols) return [];
  const compare = run.compare ?? defaultRunCompare(run, options.allScalars ?? false, scalars.of(run));
  return compare.flatMap((colspec) => cache.columns(String(colspec)));
}

function sortKeyLess(value: unknown, other: unknown, max: boolean): boolean {
  if (value === null || value === undefined) return other !== null && other !== undefined && !max;
  if (other === null || other === undefined) return max;
  const a = typeof value === "boolean" ? Number(value) : numericValue(value);
  const b = typeof other === "boolean" ? Number(other) : numericValue(other);
  if (a !== null && b !== null) return a < b;
  if (typeof value === "string" && typeof other === "string") return value < other;
  return pyStr(value) < pyStr(other);
}

function sortRuns(table: Array<[CompareRunInput, Sections]>, column: string, reverse: boolean): Array<[CompareRunInput, Sections]> {
  const keyOf = ([, sections]: [CompareRunInput, Sections]) => {
    for (const [name, value] of sections.flat()) if (name === column) return value;
    return null;
  };
  const max = !reverse;
  const compare = (a: unknown, b: unknown) => (sortKeyLess(a, b, max) ? -1 : sortKeyLess(b, a, max) ? 1 : 0);
  const keyed = table.map((entry) => ({ entry, key: keyOf(entry) }));
  keyed.sort((a, b) => (reverse ? -compare(a.key, b.key) : compare(a.key, b.key)));
  return keyed.map(({ entry }) => entry);
}

/**
 * The row's value per column name: the last section with a non-null value for the name wins, and
 * within a section its first such cell.
 */
function rowValues(sections: Sections): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const cells of sections) {
    for (let index = cells.length - 1; index >= 0; index--) {
      const [name, value] = cells[index];
      if (value !== null && value !== undefined) values.set(name, value);
    }
  }
  return values;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) return numericValue(a) === numericValue(b);
  return a === b || pyStr(a) === pyStr(b) && typeof a === typeof b;
}

function dropUnchanged(header: string[], rows: unknown[][]): [string[], unknown[][]] {
  const unchanged = header.map((_, column) => rows.every((row) => sameValue(row[column], rows[0][column])));
  const keep = (_: unknown, column: number) => !unchanged[column];
  return [header.filter(keep), rows.map((row) => row.filter(keep))];
}

/**
 * Header + rows for `guild compare` (Guild's _compare_data). Runs are in listing order. Returns []
 * when there are no runs. Cells are formatted strings when options.formatCells, else raw values.
 */
export function buildCompareData(runs: CompareRunInput[], options: CompareOptions): unknown[][] {
  const scalars = new RunScalars();
  const warn = options.warn ?? (() => {});
  let cols = options.cols ?? null;
  let skipCore = options.skipCore ?? false;
  let skipOpCols = options.skipOpCols ?? false;
  if (options.strictCols) {
    if (cols) throw new CompareError("--cols cannot be used with --strict-cols");
    cols = options.strictCols;
    skipCore = true;
    skipOpCols = true;
  }
  const effective = { ...options, skipOpCols };
  const cache = new ColumnCache(warn);
  const coreSpec = (skipCore ? MIN_COLS : BASE_COLS) + (options.extraCols ? "," + EXTRA_COLS : "");
  const resolve = (run: CompareRunInput, columns: Column[]): Cell[] => columns.map((column) => [columnHeader(column), columnValue(run, column, options, scalars)]);
  let table: Array<[CompareRunInput, Sections]> = runs.map((run) => [
    run,
    [resolve(run, cache.columns(coreSpec)), resolve(run, opColumns(run, effective, cache, scalars)), resolve(run, cols ? cache.columns(cols) : [])],
  ]);
  const header: string[] = [];
  const seen = new Set<string>();
  for (let section = 0; section < 3; section++) {
    for (const [, sections] of table) {
      for (const [name] of sections[section]) {
        if (seen.has(name)) continue;
        seen.add(name);
        header.push(name);
      }
    }
  }
  if (header.length === 0) return [];
  if (options.minCol) table = sortRuns(table, options.minCol, false);
  else if (options.maxCol) table = sortRuns(table, options.maxCol, true);
  let rows: Array<{ run: CompareRunInput; values: unknown[] }> = table.map(([run, sections]) => {
    const values = rowValues(sections);
    return { run, values: header.map((name) => (values.has(name) ? values.get(name) : null)) };
  });
  if (options.top) rows = rows.slice(0, options.top);
  let values: unknown[][] = rows.map(({ run, values: row }) => (options.formatCells ? formatRow(run, header, row) : row));
  let finalHeader = header;
  if (options.skipUnchanged && values.length > 1) [finalHeader, values] = dropUnchanged(header, values);
  return [finalHeader, ...values];
}

function formatRow(run: CompareRunInput, header: string[], row: unknown[]): string[] {
  return row.map((value, index) => {
    if (header[index] === "operation") return run.marked ? `${pyStr(value)} [marked]` : formatTableCell(value);
    return formatTableCell(value);
  });
}

/** CSV text for compare data (header first), one `\n`-terminated line per row. */
export function compareCsv(data: unknown[][]): string {
  return data.map((row) => formatCsvRow(row.map(formatCsvField)) + "\n").join("");
}
