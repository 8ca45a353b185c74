// `guild help` for a project (guild/help.py): overview, base operations and models with their operations and flags, as console text, Markdown or a package description.
import { helpWidth } from "../../lib/python/click-formatting.js";
import { pyStr } from "../../lib/python/repr.js";
import type { Guildfile, ModelDef, OpDef } from "../../lib/guildfile/index.js";
import { flagsDefinitions } from "./flag-help.js";
import { ConsoleFormatter, MarkdownFormatter, RstFormatter, type ProjectHelpFormatter } from "./help-formatters.js";

const consoleOverview = (where: string) => `
You are viewing help for operations defined in ${where}.

To run an operation use 'guild run OPERATION' where OPERATION
is one of options listed below. If an operation is associated
with a model, include the model name as MODEL:OPERATION.

To list available operations, run 'guild operations'.

Set operation flags using 'FLAG=VALUE' arguments to the run
command. Refer to the operations below for a list of supported
flags.

For more information on running operations, try 'guild run
--help'.

For general information, try 'guild --help'.
`;

const MARKDOWN_OVERVIEW = `

Guild AI supported models and operations are listed below. To
run an operation, you must first install Guild AI by running:

\`\`\`
$ pip install guildai
\`\`\`

Refer to [Install Guild AI](https://guild.ai/install) for
detailed instructions.

To run a model operation use:

\`\`\`
$ guild run [MODEL:]OPERATION
\`\`\`

\`MODEL\` is one of the model names listed below and \`OPERATION\`
is an associated model operation or base operation.

You may set operation flags using \`FLAG=VALUE\` arguments to
the run command. Refer to the operations below for a list of
supported flags.

For additional help using Guild, see [Guild AI
Documentation](https://guild.ai/docs).
`;

function writeOperation(opdef: OpDef, out: ProjectHelpFormatter): void {
  out.writeHeading(opdef.name);
  out.indent();
  if (opdef.description) out.writeDescription(opdef.description);
  if (opdef.flags.length) {
    if (opdef.description) out.writeParagraph();
    out.writeSubheading("Flags");
    out.indent();
    out.writeDlParagraphs(flagsDefinitions(opdef.flags, out.width));
    out.dedent();
  }
  out.dedent();
}

function writeOperations(operations: OpDef[], out: ProjectHelpFormatter): void {
  operations
    .filter((opdef) => !opdef.name.startsWith("_"))
    .forEach((opdef, index) => {
      if (index > 0) out.writeParagraph();
      writeOperation(opdef, out);
    });
}

function writeModel(model: ModelDef, out: ProjectHelpFormatter): void {
  out.writeHeading(model.name);
  out.indent();
  if (model.description) {
    out.writeParagraph();
    out.writeDescription(model.description);
  }
  out.writeParagraph();
  out.writeSubheading("Operations");
  out.writeParagraph();
  out.indent();
  if (model.operations.length) writeOperations(model.operations, out);
  else out.writeText("No operations defined for this model");
  out.dedent();
  out.writeParagraph();
  const references = Array.isArray(model.raw.references) ? model.raw.references : [];
  if (references.length) {
    out.writeSubheading("References");
    out.writeParagraph();
    out.indent();
    for (const reference of references) out.writeText(`\b\n- ${pyStr(reference)}`);
    out.dedent();
  }
  out.dedent();
}

const modelSortKey = (model: ModelDef) => (model.name.startsWith("_") ? "\xff" + model.name : model.name);

/** help._gen_write_help: the anonymous model's operations as base operations, then the named models. */
function writeModels(guildfile: Guildfile, out: ProjectHelpFormatter, sectionTitle: (title: string) => string): void {
  const models = [...guildfile.models].sort((a, b) => (modelSortKey(a) < modelSortKey(b) ? -1 : modelSortKey(a) > modelSortKey(b) ? 1 : 0));
  const anonymous = models.filter((model) => !model.name).pop();
  const named = models.filter((model) => model.name);
  if (anonymous && anonymous.operations.length) {
    out.startSection(sectionTitle("Base Operations"));
    if (anonymous.description) {
      out.writeDescription(anonymous.description);
      out.writeParagraph();
    }
    writeOperations(anonymous.operations, out);
  }
  if (named.length) {
    out.startSection(sectionTitle("Models"));
    named.forEach((model, index) => {
      if (index > 0) out.writeParagraph();
      writeModel(model, out);
    });
  }
}

/** help.guildfile_console_help; `where` names the project (`the current directory`, `'./sub'`, `the 'pkg' package`). */
export function formatProjectHelp(guildfile: Guildfile, where: string, columns = 80): string {
  const out = new ConsoleFormatter(helpWidth(columns));
  out.startSection("OVERVIEW");
  out.writeText(consoleOverview(where));
  writeModels(guildfile, out, (title) => title.toUpperCase());
  return out.value();
}

/** help.guildfile_markdown_help: a page under `title` (none when empty), headings from `baseHeadingLevel`. */
export function formatProjectMarkdown(guildfile: Guildfile, title: string, baseHeadingLevel: number, columns = 80): string {
  const out = new MarkdownFormatter(helpWidth(columns), baseHeadingLevel);
  if (title) {
    out.writeHeading(title);
    out.indent();
    out.writeParagraph();
  }
  out.startSection("Overview");
  out.writeText(MARKDOWN_OVERVIEW);
  writeModels(guildfile, out, (sectionTitle) => sectionTitle);
  return out.value();
}

/** What a package description shows of the `package` item. */
export interface PackageSummary {
  name: string;
  description: string;
  tags: string[];
}

/** help.package_description: the package (its description and keywords), then its operations and models, as reStructuredText. */
export function formatPackageDescription(guildfile: Guildfile, packageSummary: PackageSummary | null, columns = 80): string {
  const out = new RstFormatter(helpWidth(columns));
  if (packageSummary) {
    out.startSection(packageSummary.name);
    if (packageSummary.description) out.writeDescription(packageSummary.description);
    if (packageSummary.tags.length) {
      out.writeParagraph();
      out.writeText(`Keywords: ${packageSummary.tags.join(" ")}`);
    }
  }
  writeModels(guildfile, out, (title) => title);
  return out.value();
}
