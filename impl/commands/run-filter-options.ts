// The options run commands share (run filters, --remote, --yes) and the run selection they stand for.
import type { RunFilter } from "../runs/filters.js";
import type { RunSelection } from "../runs/runs-op.js";
import type { RunStatus } from "../runs/run.js";
import type { OptionSpec, ParsedArgs } from "./types.js";

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

/** `-r/--remote REMOTE`, which every run command declares (remote runs are not supported here). */
export const remoteOption = (help: string): OptionSpec => ({ name: "remote", flags: ["-r", "--remote"], kind: "value", metavar: "REMOTE", help });

/** `-y/--yes`: skip the confirmation prompt. */
export const yesOption = (help: string): OptionSpec => ({ name: "yes", flags: ["-y", "--yes"], kind: "flag", help });

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The run filter the filter options ask for. */
export function runFilterFromArgs(args: ParsedArgs): RunFilter {
  return {
    operations: strings(args.filter_ops),
    labels: strings(args.filter_labels),
    unlabeled: Boolean(args.filter_unlabeled),
    tags: strings(args.filter_tags),
    comments: strings(args.filter_comments),
    marked: Boolean(args.filter_marked),
    unmarked: Boolean(args.filter_unmarked),
    digest: text(args.filter_digest),
    statuses: STATUS_OPTIONS.filter((option) => args[option.name]).map((option) => option.status),
    statusChars: typeof args.status_chars === "string" ? args.status_chars : "",
    started: text(args.filter_started),
    expression: text(args.filter_expr),
  };
}

/** The runs a command's filter options, RUN arguments and --deleted/--archive (when it has them) select. */
export function runSelectionFromArgs(args: ParsedArgs, where: { deleted?: boolean } = {}): RunSelection {
  return {
    filter: runFilterFromArgs(args),
    specs: strings(args.runs),
    deleted: where.deleted ?? Boolean(args.deleted),
    archive: text(args.archive),
  };
}
