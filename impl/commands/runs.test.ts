// `guild runs` lists its sub-commands from summaries: each is the name, aliases and first help line of the command it loads.
import { describe, expect, test } from "vitest";
import { runsSubcommands } from "./runs.js";

describe("guild runs sub-command table", () => {
  test.each(runsSubcommands.map((entry) => ({ ...entry, aliasText: (entry.aliases ?? []).join(",") })))("$name ($aliasText): $summary", async (entry) => {
    const command = await entry.load();
    expect({ name: command.name, aliases: command.aliases ?? [], summary: command.help.trim().split("\n")[0], hidden: command.hidden ?? false }).toEqual({
      name: entry.name,
      aliases: entry.aliases ?? [],
      summary: entry.summary,
      hidden: false,
    });
    // A whole sentence: the Commands listing cuts the summary where it would cut the full help.
    expect(entry.summary.endsWith(".")).toBe(true);
  });
});
