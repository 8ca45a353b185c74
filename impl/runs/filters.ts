// The run filter Guild's run commands share (-Fo -Fl -Fu -Ft -Fc -Fm -Fn -Fd, -S...) and the predicate it builds.
import { CliError } from "../io.js";
import { fnmatch } from "../../lib/python/fnmatch.js";
import { formatRunOperation } from "./format.js";
import { parseFilterExpr, pyTruthy } from "./filter-expr.js";
import { filterRunValues } from "./filter-values.js";
import { parseTimeRange, startedInRange, TimeRangeError, type TimeRange } from "./time-range.js";
import { procPidAlive, type PidAliveCheck, type Run, type RunStatus } from "./run.js";

/** What a run command's filter options ask for (Guild's runs_support.all_filters), as plain values. */
export interface RunFilter {
  /** Operations to match (`-Fo`); any one matching is enough. */
  operations: string[];
  /** Label parts to match (`-Fl`); `-` matches unlabeled runs. */
  labels: string[];
  unlabeled: boolean;
  tags: string[];
  /** Comment text to match (`-Fc`); `-` matches runs without comments. */
  comments: string[];
  marked: boolean;
  unmarked: boolean;
  /** Source code digest prefix (`-Fd`), or null. */
  digest: string | null;
  /** Statuses asked for by name (`--running`, `-Sc`, ...). */
  statuses: RunStatus[];
  /** Status letters given with `-S` (`rcetps`), checked when the predicate is built. */
  statusChars: string;
  /** A start-time range (`-Fs`), as guild/timerange reads it. */
  started: string | null;
  /** A filter expression (`-F`), as guild/filter.py reads it. */
  expression: string | null;
}

/** A filter that lets every run through: no option given. */
export const NO_RUN_FILTER: RunFilter = Object.freeze({
  operations: [],
  labels: [],
  unlabeled: false,
  tags: [],
  comments: [],
  marked: false,
  unmarked: false,
  digest: null,
  statuses: [],
  statusChars: "",
  started: null,
  expression: null,
});

/** The status each `-S` letter stands for. */
const STATUS_CHARS: Readonly<Record<string, RunStatus>> = { r: "running", c: "completed", e: "error", t: "terminated", p: "pending", s: "staged" };

/** Builds the run predicate of a filter; throws CliError for conflicting or unsupported filters. */
export function runFilterPredicate(
  filter: RunFilter,
  commandPath: string,
  isPidAlive: PidAliveCheck = procPidAlive,
  nowMicros: (() => number) | null = null,
): (run: Run) => boolean {
  const filters: Array<(run: Run) => boolean> = [];
  const statuses = selectedStatuses(filter, commandPath);
  if (statuses.size > 0) filters.push((run) => statuses.has(run.status(isPidAlive)));
  const ops = filter.operations;
  if (ops.length > 0) filters.push((run) => ops.some((ref) => operationMatches(ref, formatRunOperation(run))));
  const labels = filter.labels;
  if (labels.length > 0 && filter.unlabeled) throw new CliError("--label and --unlabeled cannot both be used");
  if (labels.length > 0) filters.push((run) => labels.some((value) => labelMatches(value, run.label.trim())));
  else if (filter.unlabeled) filters.push((run) => !run.label.trim());
  const tags = filter.tags;
  if (tags.length > 0) filters.push((run) => tags.some((tag) => run.tags.map(String).includes(tag)));
  const comments = filter.comments;
  if (comments.length > 0) filters.push((run) => comments.some((value) => commentsMatch(value, commentsText(run))));
  if (filter.marked && filter.unmarked) throw new CliError("--marked and --unmarked cannot both be used");
  if (filter.marked) filters.push((run) => run.marked);
  if (filter.unmarked) filters.push((run) => !run.marked);
  if (filter.started) {
    if (!nowMicros) throw new CliError("--started needs the current time");
    const range = startedRange(filter.started, new Date(nowMicros() / 1000), commandPath);
    filters.push((run) => startedInRange(run.timestamp, range));
  }
  const digest = filter.digest;
  if (digest) filters.push((run) => String(run.get("sourcecode_digest") ?? "").startsWith(digest));
  if (filter.expression) {
    const expr = parseFilterExpr(filter.expression);
    filters.push((run) => pyTruthy(expr(filterRunValues(run, isPidAlive))));
  }
  return (run) => filters.every((predicate) => predicate(run));
}

function startedRange(spec: string, now: Date, commandPath: string): TimeRange {
  try {
    return parseTimeRange(spec, now);
  } catch (error) {
    if (!(error instanceof TimeRangeError)) throw error;
    // `guild runs` parses the range in the context of the list command it invokes.
    const helpPath = commandPath === "guild runs" ? "guild runs list" : commandPath;
    throw new CliError(`invalid RANGE: ${error.message}\nTry '${helpPath} --help' for help specifying time ranges.`);
  }
}

function selectedStatuses(filter: RunFilter, commandPath: string): Set<RunStatus> {
  const statuses = new Set(filter.statuses);
  for (const char of filter.statusChars) {
    if (!Object.hasOwn(STATUS_CHARS, char)) {
      throw new CliError(`unrecognized status char '${char}' in option '-S'\nTry '${commandPath} --help' for more information.`);
    }
    statuses.add(STATUS_CHARS[char]);
  }
  return statuses;
}

function labelMatches(value: string, label: string): boolean {
  return value === "-" ? !label : label.includes(value);
}

function commentsText(run: Run): string {
  const comments = run.get("comments");
  if (!Array.isArray(comments)) return "";
  return comments
    .map((comment) => {
      const record = (comment ?? {}) as Record<string, unknown>;
      return ["user", "host", "body"].map((key) => String(record[key] || "").toLowerCase()).join("\n");
    })
    .join("\n");
}

function commentsMatch(value: string, text: string): boolean {
  return value === "-" ? !text : text.includes(value.toLowerCase());
}

/** `-Fo` matching: `^…`/`…$` are regexes, else each given pkg/model/op part must match (globs allowed). */
export function operationMatches(ref: string, operation: string): boolean {
  if (ref.startsWith("^") || ref.endsWith("$")) {
    try {
      return new RegExp(ref).test(operation);
    } catch {
      return false;
    }
  }
  const refParts = splitOperation(ref);
  const opParts = splitOperation(operation);
  return refParts.every((refPart, index) => partMatches(refPart, opParts[index]));
}

function partMatches(ref: string | null, part: string | null): boolean {
  if (!ref) return true;
  if (!part) return false;
  return ref.includes("*") ? fnmatch(part, ref) : ref === part;
}

/** Guild's parse_opspec split into [pkg, model, op]; all null when it does not parse. */
export function splitOperation(spec: string): [string | null, string | null, string | null] {
  const parsed = parseOpspec(spec);
  if (!parsed) return [null, null, null];
  const [model, op] = parsed;
  if (model) {
    const slash = model.indexOf("/");
    if (slash >= 0) return [model.slice(0, slash), model.slice(slash + 1), op];
  }
  return [null, model, op];
}

function parseOpspec(spec: string): [string | null, string | null] | null {
  if (!spec) return [null, null];
  if (!spec.includes("/") && !spec.includes(":")) return [null, spec];
  let match = /^([^/:]*):([^/:]+)$/.exec(spec);
  if (match) return [match[1], match[2]];
  match = /^([^/:]*\/[^/:?]*):([^/:]+)$/.exec(spec);
  if (match) return [match[1], match[2]];
  match = /^([^/:]+\/):?([^/:]+)$/.exec(spec);
  if (match) return [match[1], match[2]];
  return null;
}
