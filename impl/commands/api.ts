// `guild api`: experimental commands printing JSON for tools (compare, help-op, merge, ops, runs), as Guild's api group does.
import fs from "node:fs";
import path from "node:path";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import { UsageError } from "../cli/usage-error.js";
import type { CommandContext } from "../context.js";
import { loadProjectGuildfile } from "../ops/project.js";
import { guildfileOpref, resolveRunOp } from "../ops/resolve-op.js";
import { opInfo } from "../api/op-info.js";
import { runData } from "../api/run-data.js";
import { Run } from "../runs/run.js";
import { selectedRuns } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { readRunScalars } from "../scalars/scalar-summary.js";
import { pyJsonDumps } from "../../lib/python/json.js";
import { defineCommand } from "./command.js";
import { compareData, type CompareArgs } from "./compare.js";
import { mergeArguments, mergeOptions, planMerge, type MergeArgs } from "./merge.js";
import { CliError } from "../io.js";
import { applyRunMerge, type CopyFile, type SkipFile } from "../runs/merge.js";
import { runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";

const EXPERIMENTAL = `IMPORTANT: This command is experimental and subject to change without
notice.`;

const outputOptions = defineOptions([{ name: "format", flags: ["-f", "--format"], kind: "flag", help: "Format the JSON outout." }]);

/** api_support.out: compact json.dumps, or sorted keys and an indent of 2 with `--format`. */
function printJson(data: unknown, format: boolean, ctx: CommandContext): void {
  ctx.io.stdout(pyJsonDumps(data, format ? { indent: 2, sortKeys: true } : {}) + "\n");
}

export const apiOpsCommand = defineCommand({
  name: "ops",
  help: `Show operations as JSON.

${EXPERIMENTAL}`,
  options: outputOptions,
  arguments: [],
  run: async (args: ParsedArgs<typeof outputOptions, []>, ctx) => {
    const guildfile = loadProjectGuildfile(ctx);
    const ops = (guildfile?.models ?? []).flatMap((model) => model.operations.map((opdef) => opInfo(opdef, guildfile!, guildfileOpref(guildfile!, opdef), false)));
    printJson(ops, args.format, ctx);
    return 0;
  },
});

const opspecArgument = defineArguments([{ name: "opspec", metavar: "OPSPEC", required: true }]);

export const apiHelpOpCommand = defineCommand({
  name: "help-op",
  help: `Shows help info for an operation as JSON.

${EXPERIMENTAL}

\`OPSPEC\` is either a model operation for the current project or
the path to Guild executable file.`,
  options: outputOptions,
  arguments: opspecArgument,
  run: async (args: ParsedArgs<typeof outputOptions, typeof opspecArgument>, ctx) => {
    const resolved = resolveRunOp(args.opspec, ctx);
    printJson(opInfo(resolved.opdef, resolved.guildfile, resolved.opref, resolved.opref.pkgType === "script"), args.format, ctx);
    return 0;
  },
});

const runsOptions = defineOptions([
  ...outputOptions,
  ...runFilterOptions,
  { name: "api_version", flags: ["-v", "--api-version"], kind: "value", metavar: "[1|2]", help: "API version." },
  { name: "deleted", flags: ["-d", "--deleted"], kind: "flag", help: "Show deleted runs." },
  { name: "include_batch", flags: ["--include-batch"], kind: "flag", help: "Include batch runs." },
]);

const runsArgument = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

export const apiRunsCommand = defineCommand({
  name: "runs",
  help: `Show runs as JSON.

${EXPERIMENTAL}`,
  options: runsOptions,
  arguments: runsArgument,
  run: async (args: ParsedArgs<typeof runsOptions, typeof runsArgument>, ctx) => {
    const version = args.api_version ?? "2";
    if (version !== "1" && version !== "2") {
      throw new UsageError({ kind: "not-a-choice", flags: ["-v", "--api-version"], value: version, choices: ["1", "2"] }, ctx.commandPath);
    }
    return withSelectionErrors(ctx.io, async () => {
      const runs = selectedRuns(runSelectionFromArgs(args), ctx, []).filter((run) => args.include_batch || args.deleted || !run.isBatch);
      const runsDir = path.join(ctx.guildHome, "runs");
      const runForId = (id: string) => (fs.existsSync(path.join(runsDir, id)) ? Run.forDir(path.join(runsDir, id)) : null);
      const data = runs.map((run) => runData(run, version === "1" ? 1 : 2, { runsDir, cacheDir: path.join(ctx.guildHome, "cache"), runForId, readScalars: (one) => readRunScalars(one.dir), nowMicros: ctx.io.nowMicros }));
      printJson(data, args.format, ctx);
      return 0;
    });
  },
});

const compareOptions = defineOptions([
  ...outputOptions,
  { name: "include_batch", flags: ["--include-batch"], kind: "flag", help: "Include batch runs." },
  ...runFilterOptions,
]);

export const apiCompareCommand = defineCommand({
  name: "compare",
  help: `Show comparison matric as JSON.

${EXPERIMENTAL}`,
  options: compareOptions,
  arguments: runsArgument,
  run: async (args: ParsedArgs<typeof compareOptions, typeof runsArgument>, ctx) =>
    withSelectionErrors(ctx.io, async () => {
      // Guild's compare data with the full run id added as a last column, which then takes the short id's place.
      const compareArgs: CompareArgs = {
        ...args,
        min_col: null, max_col: null, limit: null, extra_cols: false, all_scalars: false, cols: ".id", strict_cols: null,
        skip_op_cols: false, skip_core: false, skip_unchanged: false, table: false, csv: null, tool: null, print_scalars: false,
      };
      const data = compareData(compareArgs, ctx, false);
      const rows = data.length === 0 || data[0]![0] === "no runs" ? [] : data.map((row) => [row[row.length - 1], ...row.slice(1, -1)]);
      printJson(rows, args.format, ctx);
      return 0;
    }),
});

const apiMergeOptions = defineOptions([...outputOptions, ...mergeOptions]);

/** The run fields a merge preview shows (API version 1 run data). */
const MERGE_RUN_FIELDS = ["id", "shortId", "dir", "operation", "started", "stopped", "label", "status", "projectDir", "opRef"];

const copyFileData = (file: CopyFile) => ({ fileType: file.fileType, runPath: file.runPath, targetPath: file.targetPath });
const skipFileData = (file: SkipFile) => ({ fileType: file.fileType, runPath: file.runPath, targetPath: file.targetPath, reason: file.reason });

export const apiMergeCommand = defineCommand({
  name: "merge",
  help: `Provides merge support.

Use '--preview' to generate JSON output describing a merge.

This command does not prompt for user input. If '--yes' is not
specified, the command fails with an error.`,
  usage: "[OPTIONS] [RUN]",
  options: apiMergeOptions,
  arguments: mergeArguments,
  run: async (args: ParsedArgs<typeof apiMergeOptions, typeof mergeArguments>, ctx) => {
    if (!args.preview && !args.yes) {
      throw new CliError(`--yes must be specified for this command when --preview is not used\nTry '${ctx.commandPath} --help' for more information.`);
    }
    return withSelectionErrors(ctx.io, async () => {
      // Guild captures what the merge writes on stderr (warnings, previews) and answers in JSON only.
      const { merge, refusal } = planMerge(args as MergeArgs, ctx, () => {});
      if (refusal) {
        // Every answer is a JSON response with exit 0: the caller reads `resp`.
        printJson({ resp: refusal.kind, paths: [...refusal.paths].sort() }, args.format, ctx);
        return 0;
      }
      if (merge.toCopy.length === 0 && !args.preview) {
        printJson({ resp: "nothing-to-copy" }, args.format, ctx);
        return 0;
      }
      if (args.preview) {
        const runsDir = path.join(ctx.guildHome, "runs");
        const data = runData(merge.run, 1, {
          runsDir,
          cacheDir: path.join(ctx.guildHome, "cache"),
          runForId: (id) => (fs.existsSync(path.join(runsDir, id)) ? Run.forDir(path.join(runsDir, id)) : null),
          readScalars: () => [],
          nowMicros: ctx.io.nowMicros,
        });
        const run = Object.fromEntries(MERGE_RUN_FIELDS.map((name) => [name, data[name] ?? null]));
        printJson({ resp: "preview", run, targetDir: merge.targetDir, toCopy: merge.toCopy.map(copyFileData), toSkip: merge.toSkip.map(skipFileData) }, args.format, ctx);
        return 0;
      }
      const copied: string[] = [];
      applyRunMerge(merge, (file) => copied.push(file.targetPath));
      printJson({ resp: "ok", copied }, args.format, ctx);
      return 0;
    });
  },
});

export const apiCommand = defineCommand({
  name: "api",
  help: `CLI based API calls.

IMPORTANT: These commands are experimental and subject to change without
notice.`,
  options: [],
  arguments: [],
  subcommands: [apiCompareCommand, apiHelpOpCommand, apiMergeCommand, apiOpsCommand, apiRunsCommand],
});
