// Guild's patched click HelpFormatter (click_util.ClickBaseHelpFormatter), which every help page Guild writes starts from.
import { HelpFormatter, type DefinitionRow } from "../../lib/python/click-formatting.js";

/**
 * guild.click_util.ClickBaseHelpFormatter: click's HelpFormatter whose definition lists fill each text as
 * one paragraph unless asked to keep paragraphs, and follow a text longer than a line with an empty line.
 */
export class GuildBaseHelpFormatter extends HelpFormatter {
  override writeDl(rows: readonly DefinitionRow[], colMax = 30, colSpacing = 2, preserveParagraphs = false): void {
    this.writeDefinitions(rows, colMax, colSpacing, { preserveParagraphs, separateLongRows: true });
  }
}
