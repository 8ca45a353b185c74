// `guild runs info [RUN]`: detail of one run (latest by default).
import { CliError } from "../io.js";
import { noScalars, runInfoData, runInfoLines, type ScalarReader } from "../runs/info.js";
import { readRunScalars } from "../scalars/scalar-summary.js";
import { filteredRuns } from "../runs/runs-op.js";
import { selectOneRun, withSelectionErrors } from "../runs/select.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs } from "./run-filter-options.js";
import { defineOptions } from "../cli/options.js";
import { defineCommand } from "./command.js";
import { pyJsonDumps } from "../../lib/python/json.js";

const infoOptions = defineOptions([
  { name: "comments", flags: ["-c", "--comments"], kind: "flag", help: "Show run comments." },
  { name: "env", flags: ["-e", "--env"], kind: "flag", help: "Show run environment." },
  { name: "deps", flags: ["-d", "--deps"], kind: "flag", help: "Show resolved dependencies." },
  { name: "manifest", flags: ["-m", "--manifest"], kind: "flag", help: "Show manifest." },
  { name: "plugins", flags: ["-p", "--plugins"], kind: "flag", help: "Show plugins." },
  { name: "all_scalars", flags: ["-s", "--all-scalars"], kind: "flag", help: "Show all scalar values. By default only shows last values for non-system scalars." },
  { name: "json", flags: ["--json"], kind: "flag", help: "Format information as JSON." },
  { name: "private_attrs", flags: ["--private-attrs"], kind: "flag", help: "", hidden: true },
  ...runFilterOptions,
  remoteOption("Show info for remote run."),
]);

/** The `runs info` command; scalars come from the given reader (none by default). */
export function makeRunsInfoCommand(readScalars: ScalarReader = noScalars) {
  return defineCommand({
    name: "info",
    help: `Show run information.

This command shows information for a single run.

{{ runs_support.run_arg }}

If RUN isn't specified, the latest run is selected.

### Additional Information

You can show additional run information by specifying options. You
may use multiple options to show more information. Refer to the
options below for what additional information is available.

{{ runs_support.all_filters }}

### Remote Runs

Use \`--remote\` to show info for a remote run.

{{ remote_support.remote_option }}`,
    options: infoOptions,
    arguments: [{ name: "run", metavar: "[RUN]" }],
    run: (args, ctx) =>
      withSelectionErrors(ctx.io, async () => {
        if (args.remote) throw new CliError("remote runs are not supported");
        const run = selectOneRun(filteredRuns(runSelectionFromArgs(args), ctx), args.run, ctx.commandPath);
        const data = runInfoData(run, {
          home: ctx.io.env.HOME,
          readScalars,
          allScalars: args.all_scalars,
          env: args.env,
          deps: args.deps,
          plugins: args.plugins,
          manifest: args.manifest,
          privateAttrs: args.private_attrs,
          comments: args.comments,
          json: args.json,
        });
        if (args.json) ctx.io.stdout(pyJsonDumps(Object.fromEntries(data)) + "\n");
        else for (const line of runInfoLines(data)) ctx.io.stdout(line + "\n");
        return 0;
      }),
  });
}

export const runsInfoCommand = makeRunsInfoCommand((run) => readRunScalars(run.dir));
