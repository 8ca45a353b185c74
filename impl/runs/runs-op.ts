// Guild's runs_op pattern: filter and select runs, preview them, confirm, then apply an action.
import path from "node:path";
import type { CommandContext } from "../context.js";
import { CliError, type Io } from "../io.js";
import { formatTable } from "../format/table.js";
import { runFilterPredicate, type RunFilter } from "./filters.js";
import { formatRunRow } from "./format.js";
import { listRuns } from "./list.js";
import type { Run } from "./run.js";
import { selectRuns, uniqueSpecs } from "./select.js";

export const ALL_RUNS_SPEC = [":"];
export const LATEST_RUN_SPEC = ["1"];

/** Exit code when the user declines a confirmation (Guild's exit_code.ABORTED). */
export const ABORTED_EXIT = 4;

/** Which runs a run command works on: where to look, its filter, and its RUN arguments. */
export interface RunSelection {
  filter: RunFilter;
  /** RUN arguments; none means the command's default specs. */
  specs: string[];
  /** Look in the trash instead of the runs dir (`--deleted`; restore and purge always do). */
  deleted: boolean;
  /** An archive dir to look in instead of the runs dir (`-A PATH`), or null. */
  archive: string | null;
}

/** Runs in the runs dir (or trash, or archive) passing the selection's filter, newest first. */
export function filteredRuns(selection: RunSelection, ctx: CommandContext): Run[] {
  const archive = selection.archive ? path.resolve(ctx.io.cwd, selection.archive) : undefined;
  if (archive && selection.deleted) throw new CliError("--archive and --deleted cannot both be used");
  const filter = runFilterPredicate(selection.filter, ctx.commandPath, undefined, ctx.io.nowMicros);
  return listRuns(ctx.guildHome, { env: ctx.io.env, deleted: selection.deleted, root: archive, filter });
}

/** Filtered runs narrowed by the RUN arguments (or the default specs when none are given). */
export function selectedRuns(selection: RunSelection, ctx: CommandContext, defaultSpecs: string[]): Run[] {
  const specs = uniqueSpecs(selection.specs.length > 0 ? selection.specs : defaultSpecs);
  return selectRuns(filteredRuns(selection, ctx), specs, ctx.commandPath);
}

/** Table rows `  [shortid]  op  started  status  label` as shown in confirmation previews. */
export function previewLines(runs: Run[], ctx: CommandContext): string[] {
  const rows = runs.map((run) => {
    const formatted = formatRunRow(run, null, ctx.projectDir, ctx.io.env.HOME);
    return [formatted.shortIndex, formatted.opDesc, formatted.started, formatted.statusWithRemote, formatted.label];
  });
  return formatTable(rows, { indent: 2 });
}

/** Writes `prompt (Y/n) ` to stderr and reads an answer; empty means the default. */
export async function confirm(io: Io, prompt: string, defaultYes: boolean): Promise<boolean> {
  io.stderr(`${prompt} ${defaultYes ? "(Y/n)" : "(y/N)"} `);
  const answer = await io.readLine();
  if (answer === null) throw new CliError(null, 1);
  const yes = ["y", "yes"];
  if (defaultYes) yes.push("");
  return yes.includes(answer.trim().toLowerCase());
}

export interface RunsOpSpec {
  preview: string;
  /** Confirmation prompt; `{count}` is replaced by the number of runs. */
  confirm: string;
  confirmDefault: boolean;
  /** Printed on stderr (exit 0) when nothing is selected. */
  noRuns: string;
  defaultSpecs: string[];
  /** Apply without the preview and confirmation (`--yes`). */
  yes: boolean;
  /** Narrows the selected runs before anything is shown (Guild's runs_callback), e.g. stop leaves remote runs out. */
  selected?: (runs: Run[]) => Run[];
  apply: (selected: Run[]) => Promise<number | void> | number | void;
}

/** Select, preview + confirm unless `--yes`, then apply; returns the exit code. */
export async function runsOp(selection: RunSelection, ctx: CommandContext, spec: RunsOpSpec): Promise<number> {
  const all = selectedRuns(selection, ctx, spec.defaultSpecs);
  const selected = spec.selected ? spec.selected(all) : all;
  if (selected.length === 0) {
    ctx.io.stderr(spec.noRuns + "\n");
    return 0;
  }
  if (!spec.yes) {
    ctx.io.stderr(spec.preview + "\n");
    for (const line of previewLines(selected, ctx)) ctx.io.stderr(line + "\n");
    const prompt = spec.confirm.replace("{count}", String(selected.length));
    if (!(await confirm(ctx.io, prompt, spec.confirmDefault))) return ABORTED_EXIT;
  }
  return (await spec.apply(selected)) ?? 0;
}
