// The three ways Guild writes a project's help (guild/help.py): console text, Markdown, and reStructuredText for package descriptions.
import type { DefinitionRow } from "../../lib/python/click-formatting.js";
import { GuildBaseHelpFormatter } from "../format/help-formatter.js";

/** What the project help writer asks of a formatter: sections, headings, descriptions, text and definition lists. */
export abstract class ProjectHelpFormatter extends GuildBaseHelpFormatter {
  protected inSection = false;

  abstract startSection(title: string): void;
  abstract writeSubheading(text: string): void;
  abstract writeDescription(text: string): void;

  /** write_dl(rows, preserve_paragraphs=True). */
  writeDlParagraphs(rows: readonly DefinitionRow[]): void {
    this.writeDl(rows, 30, 2, true);
  }
}

/** help.ConsoleFormatter: sections two levels in, headings as plain text lines. */
export class ConsoleFormatter extends ProjectHelpFormatter {
  startSection(title: string): void {
    if (this.inSection) {
      this.dedent();
      this.dedent();
      this.writeParagraph();
    }
    this.writeText(title);
    this.writeParagraph();
    this.indent();
    this.indent();
    this.inSection = true;
  }

  override writeHeading(heading: string): void {
    this.writeText(heading);
  }

  writeSubheading(text: string): void {
    this.writeText(`${text}:`);
  }

  writeDescription(text: string): void {
    text.split("\n").forEach((paragraph, index) => {
      if (index > 0) this.writeParagraph();
      this.writeText(paragraph);
    });
  }
}

const emphasized = (text: string) => (text ? `*${text}*` : "");
const strong = (text: string) => (text ? `**${text}**` : "");

/** What Markdown and reStructuredText share: subheadings are headings, a description's first line is emphasized. */
abstract class MarkupFormatter extends ProjectHelpFormatter {
  writeSubheading(text: string): void {
    this.writeHeading(text);
  }

  writeDescription(text: string): void {
    text.split("\n").forEach((paragraph, index) => {
      if (index === 0) this.writeText(emphasized(paragraph));
      else {
        this.writeParagraph();
        this.writeText(paragraph);
      }
    });
  }
}

/** help.MarkdownFormatter: indentation is the heading level (`#`s, or <hN> past 6), lists are <dl>. */
export class MarkdownFormatter extends MarkupFormatter {
  constructor(
    width: number,
    private headingLevel = 1,
  ) {
    super(width);
  }

  startSection(title: string): void {
    if (this.inSection) {
      this.dedent();
      this.writeParagraph();
    }
    this.writeText(this.heading(title));
    this.writeParagraph();
    this.indent();
    this.inSection = true;
  }

  private heading(text: string): string {
    return this.headingLevel <= 6 ? `${"#".repeat(Math.max(this.headingLevel, 0))} ${text}` : `<h${this.headingLevel}>${text}</h${this.headingLevel}>`;
  }

  override writeHeading(heading: string): void {
    this.writeText(this.heading(heading));
  }

  override writeDl(rows: readonly DefinitionRow[]): void {
    this.writeText("<dl>");
    for (const [name, text] of rows) {
      this.writeText(`<dt>${name}</dt>`);
      this.writeText(`<dd>${text}</dd>`);
    }
    this.writeText("</dl>");
  }

  override indent(): void {
    this.headingLevel += 1;
  }

  override dedent(): void {
    this.headingLevel -= 1;
  }
}

const RST_HEADING_CHARS = "#=^-`";

/** help.RstFormatter: headings underlined by level, lists as strong names over emphasized texts. */
export class RstFormatter extends MarkupFormatter {
  private level = 0;

  startSection(title: string): void {
    if (this.inSection) {
      this.dedent();
      this.writeParagraph();
    }
    this.writeText(title);
    this.writeText(this.underline(title));
    this.writeParagraph();
    this.indent();
    this.inSection = true;
  }

  private underline(text: string): string {
    const char = RST_HEADING_CHARS[this.level];
    if (char === undefined) throw new Error(`heading level ${this.level} is past reStructuredText's ${RST_HEADING_CHARS.length}`);
    return char.repeat(text.length);
  }

  override writeHeading(heading: string): void {
    this.writeText(heading);
    this.writeText(this.underline(heading));
  }

  override writeDl(rows: readonly DefinitionRow[]): void {
    rows.forEach(([name, text], index) => {
      if (index > 0) this.writeParagraph();
      this.writeText(strong(name));
      super.indent();
      this.writeText(emphasized(text));
      super.dedent();
    });
  }

  override indent(): void {
    this.level += 1;
  }

  override dedent(): void {
    this.level -= 1;
  }
}
