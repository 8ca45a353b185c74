// Run filter options shared by run commands (-Fo -Fl -Fu -Ft -Fc -Fm -Fn -Fd, -S...) and the predicate they build.
import type { OptionSpec, ParsedArgs } from "../commands/types.js";
import { CliError } from "../io.js";
import { fnmatch } from "../../lib/python/fnmatch.js";
import { formatRunOperation } from "./format.js";
import { procPidAlive, type PidAliveCheck, type Run, type RunStatus } from "./run.js";

const STATUS_OPTIONS: Array<{ name: string; char: string; long: string; status: RunStatus; help: string }> = [
  { name: "status_running", char: "r", long: "--running", status: "running", help: "Filter only runs that are still running." },
  { name: "status_completed", char: "c", long: "--completed", status: "completed", help: "Filter only completed runs." },
  { name: "status_error", char: "e", long: "--error", status: "error", help: "Filter only runs that exited with an error." },
  { name: "status_terminated", char: "t", long: "--terminated", status: "terminated", help: "Filter only runs terminated by the user." },
  { name: "status_pending", char: "p", long: "--pending", status: "pending", help: "Filter only pending runs." },
  { name: "status_staged", char: "s", long: "--staged", status: "staged", help: "Filter only staged runs." },
];

/** The options of Guild's `runs_support.all_filters`, in Guild's order. */
export const runFilterOptions: OptionSpec[] = [
  { name: "filter_expr", flags: ["-F", "--filter"], kind: "value", metavar: "EXPR", help: "Filter runs using a filter expression. See Filter by Expression above for details.." },
  { name: "filter_ops", flags: ["-Fo", "--operation"], kind: "multiple", metavar: "VAL", help: "Filter runs with operations matching `VAL`." },
  { name: "filter_labels", flags: ["-Fl", "--label"], kind: "multiple", metavar: "VAL", help: "Filter runs with labels matching VAL. To show unlabeled runs, use --unlabeled." },
  { name: "filter_unlabeled", flags: ["-Fu", "--unlabeled"], kind: "flag", help: "Filter only runs without labels." },
  { name: "filter_tags", flags: ["-Ft", "--tag"], kind: "multiple", metavar: "TAG", help: "Filter runs with TAG." },
  { name: "filter_comments", flags: ["-Fc", "--comment"], kind: "multiple", metavar: "VAL", help: "Filter runs with comments matching VAL." },
  { name: "filter_marked", flags: ["-Fm", "--marked"], kind: "flag", help: "Filter only marked runs." },
  { name: "filter_unmarked", flags: ["-Fn", "--unmarked"], kind: "flag", help: "Filter only unmarked runs." },
  { name: "filter_started", flags: ["-Fs", "--started"], kind: "value", metavar: "RANGE", help: "Filter only runs started within RANGE. See above for valid time ranges." },
  { name: "filter_digest", flags: ["-Fd", "--digest"], kind: "value", metavar: "VAL", help: "Filter only runs with a matching source code digest." },
  ...STATUS_OPTIONS.map((option): OptionSpec => ({ name: option.name, flags: [`-S${option.char}`, option.long], kind: "flag", help: option.help })),
  { name: "status_chars", flags: ["-S"], kind: "value", help: "", hidden: true },
];

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Builds the run predicate from parsed filter options; throws CliError for conflicting options. */
export function runFilterForArgs(args: ParsedArgs, commandPath: string, isPidAlive: PidAliveCheck = procPidAlive): (run: Run) => boolean {
  const filters: Array<(run: Run) => boolean> = [];
  const statuses = selectedStatuses(args, commandPath);
  if (statuses.size > 0) filters.push((run) => statuses.has(run.status(isPidAlive)));
  const ops = strings(args.filter_ops);
  if (ops.length > 0) filters.push((run) => ops.some((ref) => operationMatches(ref, formatRunOperation(run))));
  const labels = strings(args.filter_labels);
  if (labels.length > 0 && args.filter_unlabeled) throw new CliError("--label and --unlabeled cannot both be used");
  if (labels.length > 0) filters.push((run) => labels.some((value) => labelMatches(value, run.label.trim())));
  else if (args.filter_unlabeled) filters.push((run) => !run.label.trim());
  const tags = strings(args.filter_tags);
  if (tags.length > 0) filters.push((run) => tags.some((tag) => run.tags.map(String).includes(tag)));
  const comments = strings(args.filter_comments);
  if (comments.length > 0) filters.push((run) => comments.some((value) => commentsMatch(value, commentsText(run))));
  if (args.filter_marked && args.filter_unmarked) throw new CliError("--marked and --unmarked cannot both be used");
  if (args.filter_marked) filters.push((run) => run.marked);
  if (args.filter_unmarked) filters.push((run) => !run.marked);
  if (args.filter_started) throw new CliError("--started filters are not supported");
  if (args.filter_expr) throw new CliError("filter expressions (--filter) are not supported");
  const digest = args.filter_digest;
  if (typeof digest === "string" && digest) filters.push((run) => String(run.get("sourcecode_digest") ?? "").startsWith(digest));
  return (run) => filters.every((filter) => filter(run));
}

function selectedStatuses(args: ParsedArgs, commandPath: string): Set<RunStatus> {
  const chars = typeof args.status_chars === "string" ? args.status_chars : "";
  for (const char of chars) {
    if (!"rcetps".includes(char)) {
      throw new CliError(`unrecognized status char '${char}' in option '-S'\nTry '${commandPath} --help' for more information.`);
    }
  }
  return new Set(STATUS_OPTIONS.filter((option) => args[option.name] || chars.includes(option.char)).map((option) => option.status));
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

/** `-r/--remote REMOTE`, which every run command declares (remote runs are not supported here). */
export const remoteOption = (help: string): OptionSpec => ({ name: "remote", flags: ["-r", "--remote"], kind: "value", metavar: "REMOTE", help });

/** `-y/--yes`: skip the confirmation prompt. */
export const yesOption = (help: string): OptionSpec => ({ name: "yes", flags: ["-y", "--yes"], kind: "flag", help });
