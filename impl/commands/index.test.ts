// The command table's names and summaries are those of the command modules it loads.
import { describe, expect, test } from "vitest";
import { commands } from "./index.js";

describe("command table", () => {
  test.each(commands.map((entry) => ({ ...entry, aliasText: (entry.aliases ?? []).join(",") })))("$name ($aliasText): $summary", async (entry) => {
    const command = await entry.load();
    expect({ name: command.name, aliases: command.aliases ?? [], summary: command.help.trim().split("\n")[0] }).toEqual({
      name: entry.name,
      aliases: entry.aliases ?? [],
      summary: entry.summary,
    });
  });
});
