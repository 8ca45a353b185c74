// The options run commands share (run filters, --remote, --yes) and the run selection they stand for.
import { defineOptions, type ParsedArgs } from "../cli/options.js";
import type { RunFilter } from "../runs/filters.js";
import type { RunSelection } from "../runs/runs-op.js";

/** The options of Guild's `runs_support.common_filters`, in Guild's order (no status filters). */
export const commonFilterOptions = defineOptions([
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
]);

/** The options of Guild's `runs_support.all_filters`, in Guild's order. */
export const runFilterOptions = defineOptions([
  ...commonFilterOptions,
  { name: "status_running", flags: ["-Sr", "--running"], kind: "flag", help: "Filter only runs that are still running." },
  { name: "status_completed", flags: ["-Sc", "--completed"], kind: "flag", help: "Filter only completed runs." },
  { name: "status_error", flags: ["-Se", "--error"], kind: "flag", help: "Filter only runs that exited with an error." },
  { name: "status_terminated", flags: ["-St", "--terminated"], kind: "flag", help: "Filter only runs terminated by the user." },
  { name: "status_pending", flags: ["-Sp", "--pending"], kind: "flag", help: "Filter only pending runs." },
  { name: "status_staged", flags: ["-Ss", "--staged"], kind: "flag", help: "Filter only staged runs." },
  { name: "status_chars", flags: ["-S"], kind: "value", help: "", hidden: true },
]);

/** What the run filter options parse into. */
export type RunFilterArgs = ParsedArgs<typeof runFilterOptions>;

/** `-r/--remote REMOTE`, which every run command declares (remote runs are not supported here). */
export const remoteOption = (help: string) => ({ name: "remote", flags: ["-r", "--remote"], kind: "value", metavar: "REMOTE", help }) as const;

/** `-y/--yes`: skip the confirmation prompt. */
export const yesOption = (help: string) => ({ name: "yes", flags: ["-y", "--yes"], kind: "flag", help }) as const;

/** An empty value means the option was not given. */
const given = (value: string | null): string | null => value || null;

/** The run filter the filter options ask for. */
export function runFilterFromArgs(args: RunFilterArgs): RunFilter {
  const statuses: RunFilter["statuses"] = [];
  if (args.status_running) statuses.push("running");
  if (args.status_completed) statuses.push("completed");
  if (args.status_error) statuses.push("error");
  if (args.status_terminated) statuses.push("terminated");
  if (args.status_pending) statuses.push("pending");
  if (args.status_staged) statuses.push("staged");
  return {
    operations: args.filter_ops,
    labels: args.filter_labels,
    unlabeled: args.filter_unlabeled,
    tags: args.filter_tags,
    comments: args.filter_comments,
    marked: args.filter_marked,
    unmarked: args.filter_unmarked,
    digest: given(args.filter_digest),
    statuses,
    statusChars: args.status_chars ?? "",
    started: given(args.filter_started),
    expression: given(args.filter_expr),
  };
}

/** The args of a command selecting runs: the filter options, and RUN arguments, --deleted and --archive when it has them. */
export type RunSelectionArgs = RunFilterArgs & { runs?: string[]; deleted?: boolean; archive?: string | null };

/** The runs a command's options and RUN arguments select; `deleted` overrides `--deleted` (restore and purge). */
export function runSelectionFromArgs(args: RunSelectionArgs, where: { deleted?: boolean } = {}): RunSelection {
  return {
    filter: runFilterFromArgs(args),
    specs: args.runs ?? [],
    deleted: where.deleted ?? args.deleted ?? false,
    archive: given(args.archive ?? null),
  };
}
