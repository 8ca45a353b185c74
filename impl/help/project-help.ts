// `guild help` for a project: overview, base operations and models with their operations and flags (help.guildfile_console_help).
import { encodeFlagValue } from "../flags/encode.js";
import { wrapText } from "../format/wrap.js";
import { pyStr } from "../../lib/python/repr.js";
import type { FlagDef, Guildfile, ModelDef, OpDef } from "../../lib/guildfile/index.js";

const WIDTH = 78;

const OVERVIEW = (where: string) => [
  `You are viewing help for operations defined in ${where}.`,
  "To run an operation use 'guild run OPERATION' where OPERATION is one of options listed below. If an operation is associated with a model, include the model name as MODEL:OPERATION.",
  "To list available operations, run 'guild operations'.",
  "Set operation flags using 'FLAG=VALUE' arguments to the run command. Refer to the operations below for a list of supported flags.",
  "For more information on running operations, try 'guild run --help'.",
  "For general information, try 'guild --help'.",
];

/** click's HelpFormatter as Guild's ConsoleFormatter uses it: a buffer, an indent, paragraphs and definition lists. */
class Formatter {
  private out = "";
  private indent = 0;
  private inSection = false;

  text(text: string): void {
    const pad = " ".repeat(this.indent);
    const paragraphs = text.split(/\n\s*\n/).map((paragraph) => wrapText(paragraph, WIDTH, pad).join("\n"));
    this.out += paragraphs.join("\n\n") + "\n";
  }

  /** A line kept as written (click's `\b` paragraph). */
  raw(line: string): void {
    this.out += " ".repeat(this.indent) + line + "\n";
  }

  paragraph(): void {
    if (this.out) this.out += "\n";
  }

  section(title: string): void {
    if (this.inSection) {
      this.indent -= 4;
      this.paragraph();
    }
    this.text(title);
    this.paragraph();
    this.indent += 4;
    this.inSection = true;
  }

  nested(write: () => void): void {
    this.indent += 2;
    write();
    this.indent -= 2;
  }

  description(text: string): void {
    text.split("\n").forEach((line, index) => {
      if (index > 0) this.paragraph();
      this.text(line);
    });
  }

  /** Guild's patched click write_dl: names padded to the widest (at most 30), texts wrapped beside them, paragraphs kept. */
  definitions(rows: [string, string][]): void {
    const firstColumn = Math.min(Math.max(...rows.map(([name]) => name.length)), 30) + 2;
    const textWidth = Math.max(WIDTH - firstColumn - 2, 10);
    const pad = " ".repeat(this.indent);
    for (const [name, text] of rows) {
      this.out += pad + name;
      if (!text) {
        this.out += "\n";
        continue;
      }
      this.out += name.length <= firstColumn - 2 ? " ".repeat(firstColumn - name.length) : "\n" + " ".repeat(firstColumn + this.indent);
      const lines = wrapParagraphs(text, textWidth).split("\n");
      this.out += lines[0] + "\n";
      for (const line of lines.slice(1)) this.out += " ".repeat(firstColumn + this.indent) + line + "\n";
      if (lines.length > 1) this.out += "\n";
    }
  }

  value(): string {
    return this.out;
  }
}

/**
 * click's wrap_text with preserve_paragraphs: paragraphs (split at empty lines) are filled to `width`,
 * except those opening with a `\b` line, which keep their lines as written.
 */
function wrapParagraphs(text: string, width: number): string {
  const paragraphs: string[][] = [[]];
  for (const line of text.split("\n")) {
    if (!line) paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(paragraphs[paragraphs.length - 1].length ? line : line.trimStart());
  }
  return paragraphs
    .filter((lines) => lines.length)
    .map((lines) => (lines[0].trim() === "\b" ? lines.slice(1).join("\n") : wrapText(lines.join(" "), width).join("\n")))
    .join("\n\n");
}

const choiceValue = (choice: FlagDef["choices"][number]) => encodeFlagValue(choice.alias ?? choice.value);

/** help._format_flag_choices: `Choices:` with a value list, or a definition list when choices have descriptions. */
function choicesText(flag: FlagDef, maxNameLength: number): string {
  if (flag.choices.some((choice) => choice.description)) {
    const width = Math.max(...flag.choices.map((choice) => choiceValue(choice).length)) + 2;
    return ["Choices:", ...flag.choices.map((choice) => `  ${choiceValue(choice).padEnd(width)}${choice.description.trim()}`.trimEnd())].join("\n");
  }
  const values = encodeFlagValue(flag.choices.map((choice) => choice.alias ?? choice.value));
  const list = values.startsWith("[") && values.endsWith("]") ? values.slice(1, -1) : values;
  return `Choices:  ${wrapText(list, Math.max(WIDTH - maxNameLength - 4 - "Choices:".length - 12, 10)).join("\n" + " ".repeat(10))}`;
}

/** help._format_flag_desc: description, default (or required, or null label), choices in a kept paragraph. */
function flagText(flag: FlagDef, maxNameLength: number): string {
  const suffix = flag.default !== null ? `(default is ${encodeFlagValue(flag.default)})` : flag.required ? "(required)" : flag.nullLabel ? `(default is ${flag.nullLabel})` : "";
  const lines = flag.description.split("\n");
  lines[0] = [lines[0], suffix].filter(Boolean).join(" ");
  if (flag.choices.length) lines.push(`\n\b\n${choicesText(flag, maxNameLength)}\n`);
  return lines.length > 1 ? lines.join("\n\n") : lines[0];
}

function writeOperation(opdef: OpDef, out: Formatter): void {
  out.text(opdef.name);
  out.nested(() => {
    if (opdef.description) out.description(opdef.description);
    if (!opdef.flags.length) return;
    if (opdef.description) out.paragraph();
    out.text("Flags:");
    const maxNameLength = Math.max(...opdef.flags.map((flag) => flag.name.length));
    out.nested(() => out.definitions(opdef.flags.map((flag) => [flag.name, flagText(flag, maxNameLength)])));
  });
}

function writeOperations(operations: OpDef[], out: Formatter): void {
  operations.filter((opdef) => !opdef.name.startsWith("_")).forEach((opdef, index) => {
    if (index > 0) out.paragraph();
    writeOperation(opdef, out);
  });
}

function writeModel(model: ModelDef, out: Formatter): void {
  out.text(model.name);
  out.nested(() => {
    if (model.description) {
      out.paragraph();
      out.description(model.description);
    }
    out.paragraph();
    out.text("Operations:");
    out.paragraph();
    out.nested(() => (model.operations.length ? writeOperations(model.operations, out) : out.text("No operations defined for this model")));
    out.paragraph();
    const references = Array.isArray(model.raw.references) ? model.raw.references : [];
    if (references.length) {
      out.text("References:");
      out.paragraph();
      out.nested(() => references.forEach((reference) => out.raw(`- ${pyStr(reference)}`)));
    }
  });
}

const modelSortKey = (model: ModelDef) => (model.name.startsWith("_") ? "\uffff" + model.name : model.name);

/** The help text; `where` names the project directory (`the current directory` or a quoted relative path). */
export function formatProjectHelp(guildfile: Guildfile, where: string): string {
  const out = new Formatter();
  out.section("OVERVIEW");
  out.text(OVERVIEW(where).join("\n\n"));
  const models = [...guildfile.models].sort((a, b) => (modelSortKey(a) < modelSortKey(b) ? -1 : modelSortKey(a) > modelSortKey(b) ? 1 : 0));
  const anonymous = models.find((model) => model.name === "");
  const named = models.filter((model) => model.name !== "");
  if (anonymous && anonymous.operations.length) {
    out.section("BASE OPERATIONS");
    if (anonymous.description) {
      out.description(anonymous.description);
      out.paragraph();
    }
    writeOperations(anonymous.operations, out);
  }
  if (named.length) {
    out.section("MODELS");
    named.forEach((model, index) => {
      if (index > 0) out.paragraph();
      writeModel(model, out);
    });
  }
  return out.value();
}
