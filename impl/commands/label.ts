// `guild label [RUN...]`: set, prepend, append, remove or clear run labels (latest run by default).
import { CliError } from "../io.js";
import { basicLabelRenderer, removeLabelParts, type LabelTemplateRenderer } from "../runs/label-edit.js";
import type { Run } from "../runs/run.js";
import { LATEST_RUN_SPEC, runsOp } from "../runs/runs-op.js";
import { withSelectionErrors } from "../runs/select.js";
import { checkIncompatible, isSet } from "./incompatible-options.js";
import { remoteOption, runFilterOptions, runSelectionFromArgs, yesOption } from "./run-filter-options.js";
import { defineArguments, defineOptions, type ParsedArgs } from "../cli/options.js";
import type { CommandContext } from "../context.js";
import { defineCommand } from "./command.js";

const labelOptions = defineOptions([
  { name: "set", flags: ["-s", "--set"], kind: "value", metavar: "VAL", help: "Set VAL as label." },
  { name: "prepend", flags: ["-p", "--prepend"], kind: "value", metavar: "VAL", help: "Prepend VAL to existing label." },
  { name: "append", flags: ["-a", "--append"], kind: "value", metavar: "VAL", help: "Append VAL to existing label." },
  { name: "remove", flags: ["-rm", "--remove"], kind: "multiple", metavar: "VAL", help: "Remove VAL from existing label. May be used multiple times." },
  { name: "clear", flags: ["-c", "--clear"], kind: "flag", help: "Clear the entire run label." },
  ...runFilterOptions,
  remoteOption("Label remote runs."),
  yesOption("Do not prompt before modifying labels."),
]);

const labelArguments = defineArguments([{ name: "runs", metavar: "[RUN...]", variadic: true }]);

type LabelArgs = ParsedArgs<typeof labelOptions, typeof labelArguments>;

/** Guild's check_required_args message (note the backquotes Guild uses here). */
export function checkRequired<Args>(args: Args, names: ReadonlyArray<keyof Args & string>, commandPath: string): void {
  if (names.some((name) => isSet(args[name]))) return;
  const options = names.map((name) => "--" + name.replace(/_/g, "-")).join(", ");
  throw new CliError(`missing one of: ${options}\nTry \`${commandPath} --help\` for more information.`);
}

function preview(args: LabelArgs): string {
  if (args.set) return `You are about to label the following runs with '${args.set}':`;
  if (args.prepend) return `You are about to prepend '${args.prepend}' to the label of the following runs:`;
  if (args.append) return `You are about to append '${args.append}' to the label of the following runs:`;
  if (args.remove.length > 0) return `You are about to remove '${pyListRepr(args.remove)}' from the label of the following runs:`;
  return "You are about to clear the label of the following runs:";
}

/** Python's str() of a tuple of strings, e.g. `('a',)` or `('a', 'b')`. */
function pyListRepr(items: string[]): string {
  const quoted = items.map((item) => `'${item.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`);
  return `(${quoted.join(", ")}${quoted.length === 1 ? "," : ""})`;
}

function newLabel(run: Run, args: LabelArgs, render: LabelTemplateRenderer): string {
  const format = (template: string) => render(template, { ...run.flags, label: run.label }).trim();
  if (args.set) return format(args.set);
  if (args.prepend) return `${format(args.prepend)} ${run.label}`;
  if (args.append) return `${run.label} ${format(args.append)}`;
  return removeLabelParts(args.remove, run.label);
}

export function makeLabelCommand(render: LabelTemplateRenderer = basicLabelRenderer, name = "label") {
  const label = async (args: LabelArgs, ctx: CommandContext): Promise<number> => {
    checkRequired(args, ["set", "append", "prepend", "remove", "clear"], ctx.commandPath);
    checkIncompatible(args, [["set", "append"], ["set", "prepend"], ["set", "remove"], ["set", "clear"], ["append", "prepend"], ["append", "clear"], ["append", "remove"], ["prepend", "clear"], ["prepend", "remove"]], ctx.commandPath);
    if (args.remote) throw new CliError("remote runs are not supported");
    return runsOp(runSelectionFromArgs(args), ctx, {
      preview: preview(args),
      confirm: "Continue?",
      confirmDefault: true,
      noRuns: "No runs to modify.",
      defaultSpecs: LATEST_RUN_SPEC,
      yes: args.yes,
      apply: (selected) => {
        for (const run of selected) {
          if (args.clear) run.deleteAttr("label");
          else run.writeAttr("label", newLabel(run, args, render).trim());
        }
        ctx.io.stderr(args.clear ? `Cleared label for ${selected.length} run(s)\n` : `Labeled ${selected.length} run(s)\n`);
      },
    });
  };
  return defineCommand({
    name,
    help: `Set run labels.

The label action may be specified using one of three mutually
exclusive options: \`--label\`, \`--prepend\`, or
\`--append\`. \`--label\` sets the entire run label. \`--prepend\`
appends the specified value to the existing label, and \`--append\`
appends the value.

Use \`--remove\` to remove the specified value from a label, if it
exists. Use \`--clear\` to remove the entire label.

\`--tag\` and \`--untag\` are aliases for \`--prepend\` and \`--remove\`
respectively.

Specify runs to modify using one or more \`RUN\` arguments. See
SPECIFYING RUNS for more information.

If \`RUN\` is not specified, the most recent run is selected.

By default Guild will prompt you before making any changes. If you
want to apply the changes without being prompted, use the
\`\`--yes\`\` option.

{{ runs_support.runs_arg }}

If a \`RUN\` argument is not specified, \`\`1\`\` is assumed (the most
recent run).

{{ runs_support.all_filters }}

### Label Remote Runs

To label remote runs, use \`--remote\`.

{{ remote_support.remote_option }}`,
    options: labelOptions,
    arguments: labelArguments,
    run: (args, ctx) => withSelectionErrors(ctx.io, () => label(args, ctx)),
  });
}

export const labelCommand = makeLabelCommand();
