// `guild run`'s options and arguments as data, in Guild's declaration order (the order of `guild run --help`).
import { defineArguments, defineOptions, type OptionSpec, type ParsedArgs } from "../cli/options.js";

const flag = <const Name extends string>(name: Name, flags: readonly string[], help: string) => ({ name, flags, kind: "flag", help }) as const;
const value = <const Name extends string, const Extra extends Pick<OptionSpec, "type" | "min" | "hidden"> = {}>(
  name: Name,
  flags: readonly string[],
  metavar: string,
  help: string,
  extra?: Extra,
) => ({ name, flags, kind: "value", metavar, help, ...(extra as Extra) }) as const;
const multiple = <const Name extends string>(name: Name, flags: readonly string[], metavar: string, help: string) => ({ name, flags, kind: "multiple", metavar, help }) as const;

/** Every option of `guild run`; each parses into the run parameter of the same name (ops/run-params.ts). */
export const RUN_OPTIONS = defineOptions([
  value("label", ["-l", "--label"], "LABEL", "Set a label for the run."),
  multiple("tags", ["-t", "--tag"], "TAG", "Associate TAG with run. May be used multiple times."),
  value("comment", ["-c", "--comment"], "COMMENT", "Comment associated with the run."),
  flag("edit_comment", ["-ec", "--edit-comment"], "Use an editor to type a comment."),
  flag("edit_flags", ["-e", "--edit-flags"], "Use an editor to review and modify flags."),
  value("run_dir", ["-d", "--run-dir"], "DIR", "Use alternative run directory DIR. Cannot be used with --stage."),
  flag("stage", ["--stage"], "Stage an operation."),
  value("restart", ["--start", "--restart"], "RUN", "Start a staged run or restart an existing run. Cannot be used with --proto or --run-dir."),
  value("proto", ["--proto"], "RUN", "Use the operation, flags and source code from RUN. Flags may be added or redefined in this operation. Cannot be used with --restart."),
  flag("force_sourcecode", ["--force-sourcecode"], "Use working source code when --restart or --proto is specified. Ignored otherwise."),
  value("gpus", ["--gpus"], "DEVICES", "Limit availabe GPUs to DEVICES, a comma separated list of device IDs. By default all GPUs are available. Cannot beused with --no-gpus."),
  flag("no_gpus", ["--no-gpus"], "Disable GPUs for run. Cannot be used with --gpus."),
  value("batch_label", ["-bl", "--batch-label"], "LABEL", "Label to use for batch runs. Ignored for non-batch runs."),
  multiple("batch_tags", ["-bt", "--batch-tag"], "TAG", "Associate TAG with batch. Ignored for non-batch runs. May be used multiple times."),
  value("batch_comment", ["-bc", "--batch-comment"], "COMMENT", "Comment associated with batch."),
  flag("edit_batch_comment", ["-ebc", "--edit-batch-comment"], "Use an editor to type a batch comment."),
  value("optimizer", ["-o", "--optimizer"], "ALGORITHM", "Optimize the run using the specified algorithm. See Optimizing Runs for more information."),
  flag("optimize", ["-O", "--optimize"], "Optimize the run using the default optimizer."),
  value("minimize", ["-N", "--minimize"], "COLUMN", "Column to minimize when running with an optimizer. See help for compare command for details specifying a column. May not be used with --maximize."),
  value("maximize", ["-X", "--maximize"], "COLUMN", "Column to maximize when running with an optimizer. See help for compare command for details specifying a column. May not be used with --minimize."),
  multiple("opt_flags", ["-Fo", "--opt-flag"], "FLAG=VAL", "Flag for OPTIMIZER. May be used multiple times."),
  value("max_trials", ["-m", "--max-trials", "--trials"], "N", "Maximum number of trials to run in batch operations. Default is optimizer specific. If optimizer is not specified, default is 20.", { type: "int", min: 1 }),
  value("random_seed", ["--random-seed"], "N", "Random seed used when sampling trials or flag values.", { type: "int" }),
  value("debug_sourcecode", ["--debug-sourcecode"], "PATH", "Specify an alternative source code path for debugging. See Debug Source Code below for details."),
  flag("stage_trials", ["--stage-trials"], "For batch operations, stage trials without running them."),
  value("remote", ["-r", "--remote"], "REMOTE", "Run the operation remotely."),
  flag("yes", ["-y", "--yes"], "Do not prompt before running operation."),
  flag("force_flags", ["-f", "--force-flags"], "Accept all flag assignments, even for undefined or invalid values."),
  flag("force_deps", ["--force-deps"], "Continue even when a required resource is not resolved."),
  value("stop_after", ["--stop-after"], "N", "Stop operation after N minutes.", { type: "number" }),
  flag("fail_on_trial_error", ["--fail-on-trial-error"], "Stop batch operations when a trial exits with an error."),
  flag("needed", ["--needed"], "Run only if there is not an available matching run. A matching run is of the same operation with the same flag values that is not stopped due to an error."),
  flag("background", ["-b", "--background"], "Run operation in background."),
  value("pidfile", ["--pidfile"], "PIDFILE", "Run operation in background, writing the background process ID to PIDFILE."),
  flag("no_wait", ["-n", "--no-wait"], "Don't wait for a remote operation to complete. Ignored if run is local."),
  value("save_trials", ["--save-trials"], "PATH", "Saves generated trials to a CSV batch file. See BATCH FILES for more information."),
  flag("keep_run", ["--keep-run"], "Keep run even when configured with 'delete-on-success'."),
  flag("keep_batch", ["--keep-batch"], "Keep batch run rather than delete it on success."),
  multiple("additional_deps", ["-D", "--dep"], "PATH", "Include PATH as a dependency."),
  multiple("break_", ["--break"], "LOCATION", "Set a breakpoint at the specified location for Python based operations. Set `LOCATION` to `1` to break at line 1 of the main module. See Breakpoints above for `LOCATION` format. Use multiple times for more than one breakpoint."),
  flag("break_on_error", ["--break-on-error"], "Enter the Python debugger at the point an error occurs for Python based operations."),
  flag("quiet", ["-q", "--quiet"], "Do not show output."),
  flag("print_cmd", ["--print-cmd"], "Show operation command and exit."),
  flag("print_env", ["--print-env"], "Show operation environment and exit."),
  flag("print_trials", ["--print-trials"], "Show generated trials and exit."),
  flag("help_model", ["--help-model"], "Show model help and exit."),
  flag("help_op", ["-h", "--help-op"], "Show operation help and exit."),
  value("test_output_scalars", ["--test-output-scalars"], "OUTPUT", "Test output scalars on output. Use '-' to read from standard intput."),
  flag("test_sourcecode", ["--test-sourcecode"], "Test source code selection."),
  flag("test_flags", ["--test-flags"], "Test flag configuration."),
  value("run_id", ["--run-id"], "TEXT", "", { hidden: true }),
]);

export const RUN_ARGUMENTS = defineArguments([
  { name: "opspec", metavar: "[[MODEL:]OPERATION]" },
  { name: "flags", metavar: "[FLAG=VAL...]", variadic: true },
]);

/** What a `guild run` command line parses into: a value for each of the run's parameters. */
export type RunArgs = ParsedArgs<typeof RUN_OPTIONS, typeof RUN_ARGUMENTS>;

