// `guild merge` and `guild runs merge`: copying a run's files to its project directory (merge_impl), with Guild's checks and preview.
import fs from "node:fs";
import path from "node:path";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { formatTable } from "../format/table.js";
import { CliError } from "../io.js";
import { formatRunRow } from "../runs/format.js";
import { applyRunMerge, initRunMerge, MergeError, replacedPaths, skipReasonText, sortedCopyFiles, type RunMerge } from "../runs/merge.js";
import { formatUserDir, isSamePath } from "../runs/paths.js";
import type { Run } from "../runs/run.js";
import { ABORTED_EXIT, confirm, filteredRuns } from "../runs/runs-op.js";
import { selectOneRun, withSelectionErrors } from "../runs/select.js";
import { isUnstaged, vcsFiles, vcsStatus } from "../runs/vcs-status.js";
import { compareCodePoints } from "../../lib/python/str-order.js";
import { shellQuote } from "../../lib/python/shlex.js";
import type { Opref } from "../../lib/rundir/index.js";
import { defineCommand } from "./command.js";
import { runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";

export const mergeOptions = defineOptions([
  ...runFilterOptions,
  { name: "target_dir", flags: ["-t", "--target-dir"], kind: "value", metavar: "DIR", help: "Directory to merge run files to (required if project directory cannot be determined for the run)." },
  { name: "sourcecode", flags: ["-s", "--sourcecode"], kind: "flag", help: "Only copy run source code. Implies use of `--skip-deps`. Cannot be used with `--skip-sourcecode`." },
  { name: "all", flags: ["-a", "--all"], kind: "flag", help: "Copy all run files. May be used with `--skip-sourcecode`, `--skip-deps`, and `--exclude` to copy all but the skipped/excluded files." },
  // Guild 0.8.2 gives -S to --no-summary too, declared later, so -S means --no-summary (click keeps the last).
  { name: "skip_sourcecode", flags: ["-S", "--skip-sourcecode"], kind: "flag", help: "Don't copy run source code." },
  { name: "skip_deps", flags: ["-D", "--skip-deps"], kind: "flag", help: "Don't copy project-local dependencies." },
  { name: "exclude", flags: ["-x", "--exclude"], kind: "multiple", metavar: "PATTERN", help: "Exclude a file or pattern (may be used multiple times)." },
  // Accepted and unused in Guild 0.8.2, which writes no run summary.
  { name: "no_summary", flags: ["-S", "--no-summary"], kind: "flag", help: "Don't generate a run summary." },
  { name: "n", flags: ["--summary-name"], kind: "value", metavar: "NAME", help: "Name used for the run summary. Use '${run_id}' in the name to include the run ID." },
  { name: "preview", flags: ["-p", "--preview"], kind: "flag", help: "Show what would happen on a merge." },
  { name: "yes", flags: ["-y", "--yes"], kind: "flag", help: "Don't prompt before copying files." },
  { name: "replace", flags: ["--replace"], kind: "flag", help: "Allow replacement of existing files. Cannot be used with --no-replace" },
  { name: "no_replace", flags: ["--no-replace"], kind: "flag", help: "Fail if any target file would be replaced, even if that file is committed to the project VCS. Cannot be used with `--replace`." },
]);

export const mergeArguments = defineArguments([{ name: "run", metavar: "[RUN]" }]);

export type MergeArgs = ParsedArgs<typeof mergeOptions, typeof mergeArguments>;

/** Exits with code after its lines (already printed); the message-less CliError of an early exit. */
const exit = (code: number) => new CliError(null, code);

function checkArgs(args: MergeArgs, commandPath: string): void {
  const pairs: [boolean, string, boolean, string][] = [
    [args.replace, "--replace", args.no_replace, "--no-replace"],
    [args.sourcecode, "--sourcecode", args.skip_sourcecode, "--skip-sourcecode"],
  ];
  for (const [first, firstName, second, secondName] of pairs) {
    if (first && second) throw new CliError(`${firstName} and ${secondName} cannot both be specified\nTry '${commandPath} --help' for more information.`);
  }
}

/** run_util.run_project_dir: the script's dir, or the dir of the Guild file the run came from when it still exists. */
function runProjectDir(run: Run): string | null {
  const opref = run.opref!;
  if (opref.pkgType === "script") return opref.pkgName;
  return fs.existsSync(opref.pkgName) ? path.dirname(opref.pkgName) : null;
}

/** Guild's str() of an opref: each part shell-quoted. */
const oprefText = (opref: Opref) =>
  `${shellQuote(opref.pkgType)}:${shellQuote(opref.pkgName)} ${[opref.pkgVersion, opref.modelName, opref.opName].map(shellQuote).join(" ")}`;

/** The project dir as target, when the run came from it (a safeguard against merging into the wrong directory). */
function checkedCwd(run: Run, ctx: CommandContext): string {
  const opref = run.opref;
  if (!opref || (opref.pkgType !== "guildfile" && opref.pkgType !== "script")) {
    throw new CliError(
      `run ${run.id} does not originate from a project - cannot merge to the current directory by default\n` +
        `Use --target-dir to skip this check or try '${ctx.commandPath} --help' for more information.`,
    );
  }
  const projectDir = runProjectDir(run);
  if (!projectDir) {
    throw new CliError(`unexpected missing project directory for run ${run.id} (${oprefText(opref)})\nSkip this check by using --target-dir`);
  }
  if (!isSamePath(ctx.projectDir, projectDir)) {
    throw new CliError(
      `run ${run.id} was created from a different project (${formatUserDir(path.resolve(projectDir), ctx.io.env.HOME)}) - ` +
        `cannot merge to the current directory by default\nUse '--target-dir .' to override this check or try '${ctx.commandPath} --help' for more information.`,
    );
  }
  return ctx.projectDir;
}

/** cmd_impl_support.cwd_desc: "the current directory", or the target dir quoted as given. */
function targetDesc(targetDir: string, given: string, ctx: CommandContext): string {
  return path.resolve(targetDir) === path.resolve(ctx.io.cwd) ? "the current directory" : `'${given}'`;
}

function pathTable(paths: Iterable<string>): string[] {
  return formatTable([...paths].sort(compareCodePoints).map((p) => [p]), { indent: 2 });
}

/** Why a merge stops before copying: files it would replace, or would replace with unstaged changes in them. */
export type MergeRefusal = { kind: "replacement-paths"; paths: Set<string> } | { kind: "unstaged-paths"; paths: Set<string> };

/** Refuses to replace files unless --replace; in a git repository, replacing committed, unchanged source code is allowed. */
function replaceRefusal(merge: RunMerge, args: MergeArgs, ctx: CommandContext): MergeRefusal | null {
  if (args.replace || !fs.existsSync(merge.targetDir)) return null;
  const replacing = replacedPaths(merge);
  const statuses = args.no_replace ? null : vcsStatus(merge.targetDir, ctx.io.env);
  const sourceFiles = statuses && vcsFiles(merge.targetDir, ctx.io.env);
  if (!statuses || !sourceFiles) return replacing.size > 0 ? { kind: "replacement-paths", paths: replacing } : null;
  const source = new Set(sourceFiles);
  if ([...replacing].some((p) => !source.has(p))) return { kind: "replacement-paths", paths: replacing };
  const unstaged = new Set(sourceFiles.filter((file) => isUnstaged(file, statuses)));
  const unstagedReplacing = new Set(merge.toCopy.filter((file) => unstaged.has(file.targetPath)).map((file) => file.targetPath));
  return unstagedReplacing.size > 0 ? { kind: "unstaged-paths", paths: unstagedReplacing } : null;
}

function refusalError(refusal: MergeRefusal, desc: string, ctx: CommandContext): never {
  const [header, footer] =
    refusal.kind === "replacement-paths"
      ? [`guild: files in ${desc} would be replaced:`, "Use --replace to skip this check."]
      : [`guild: files in ${desc} have unstaged changes:`, "Stage or stash these changes or use --replace to skip this check."];
  ctx.io.stderr(header + "\n");
  for (const line of pathTable(refusal.paths)) ctx.io.stderr(line + "\n");
  ctx.io.stderr(footer + "\n");
  throw exit(1);
}

function runLines(merge: RunMerge, ctx: CommandContext): string[] {
  const row = formatRunRow(merge.run, null, ctx.projectDir, ctx.io.env.HOME);
  return formatTable([[row.shortIndex, row.opDesc, row.started, row.status, row.label]], { indent: 2 });
}

function previewLines(merge: RunMerge, previewOnly: boolean, desc: string, ctx: CommandContext): string[] {
  const lines = [
    previewOnly ? `Merge will copy files from the following run to ${desc}:` : `You are about to copy files from the following run to ${desc}:`,
    ...runLines(merge, ctx),
    "Files:",
  ];
  if (merge.toCopy.length === 0) lines.push("  nothing to copy");
  lines.push(...formatTable(sortedCopyFiles(merge).map((file) => [file.targetPath]), { indent: 2 }));
  if (merge.toSkip.length > 0) {
    if (previewOnly) {
      const skipped = merge.toSkip.map((file) => ({ path: file.targetPath ?? file.runPath, reason: skipReasonText(file) }));
      skipped.sort((a, b) => compareCodePoints(a.path, b.path));
      lines.push("Skipped:", ...formatTable(skipped.map((file) => [file.path, file.reason]), { indent: 2 }));
    } else {
      const count = merge.toSkip.length === 1 ? "1 file" : `${merge.toSkip.length} files`;
      lines.push(`${count} will not be copied (use --preview to show the full list)`);
    }
  }
  return lines;
}

/** A merge worked out from the command line: the run, its files, where they go, and whether anything stops it. */
export interface PlannedMerge {
  merge: RunMerge;
  /** How messages name the target: "the current directory" or the dir as given. */
  desc: string;
  refusal: MergeRefusal | null;
}

/** merge_impl up to the copying: the run, the target dir and its checks, the files to copy and skip. */
export function planMerge(args: MergeArgs, ctx: CommandContext, warn: (message: string) => void): PlannedMerge {
  checkArgs(args, ctx.commandPath);
  const skipDeps = args.skip_deps || args.sourcecode;
  const run = selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), args.run, ctx.commandPath);
  const targetDir = args.target_dir ? path.resolve(ctx.io.cwd, args.target_dir) : checkedCwd(run, ctx);
  const desc = targetDesc(targetDir, args.target_dir ?? ctx.projectDirArg ?? ".", ctx);
  let merge: RunMerge;
  try {
    merge = initRunMerge(run, targetDir, { copyAll: args.all, skipSourcecode: args.skip_sourcecode, skipDeps, exclude: args.exclude }, warn);
  } catch (error) {
    if (error instanceof MergeError) throw new CliError(error.message);
    throw error;
  }
  return { merge, desc, refusal: replaceRefusal(merge, args, ctx) };
}

async function mergeCommand(args: MergeArgs, ctx: CommandContext): Promise<number> {
  const { merge, desc, refusal } = planMerge(args, ctx, (message) => ctx.io.stderr(`WARNING: ${message}\n`));
  if (refusal) refusalError(refusal, desc, ctx);
  if (merge.toCopy.length === 0 && !args.preview) {
    ctx.io.stderr("Nothing to copy for the following run:\n");
    for (const line of runLines(merge, ctx)) ctx.io.stderr(line + "\n");
    ctx.io.stderr(`Try '${ctx.commandPath} --preview' for a list of skipped files.\n`);
    return 0;
  }
  if (args.preview || !args.yes) {
    for (const line of previewLines(merge, args.preview, desc, ctx)) ctx.io.stderr(line + "\n");
    if (args.preview) return 0;
    if (!(await confirm(ctx.io, "Continue (y/N)?", false))) return ABORTED_EXIT;
  }
  applyRunMerge(merge, (file) => ctx.io.stderr(`Copying ${file.targetPath}\n`));
  return 0;
}

export const mergeCommandSpec = defineCommand({
  name: "merge",
  help: `Copy run files to a project directory.

By default, Guild copies run files into the current directory. To
copy files to a different directory, use \`\`--target-dir DIR\`\`.

Guild checks that the run originated from the current directory
before copying files. If the run is associated with a project from
a different directory, or is from a package, Guild exits with an
error message. In this case, use \`--target-dir\` to override the
check with an explicit path.

The command fails if any file would be replaced, unless a) the
\`--replace\` option is specified or b) the replaced file is
committed to the project VCS and unchanged. To prevent replacement
even when a file is committed to VCS and unchanged, specify
\`--no-replace\`.
`,
  usage: "[OPTIONS] [RUN]",
  options: mergeOptions,
  arguments: mergeArguments,
  run: (args, ctx) => withSelectionErrors(ctx.io, () => mergeCommand(args, ctx)),
});
