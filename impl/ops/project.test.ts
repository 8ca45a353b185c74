// Load-time messages of Guild files: notes once per command, warnings every time.
import { expect, test } from "vitest";
import type { CommandContext } from "../context.js";
import { testIo } from "../test-io.test-support.js";
import { printLoadMessages } from "./project.js";

function context(): { ctx: CommandContext; written: () => string } {
  let text = "";
  const io = testIo({ cwd: "/", env: {}, stdout: () => undefined, stderr: (chunk) => void (text += chunk) });
  return { ctx: { io, guildHome: "/h", projectDir: "/", commandPath: "guild run" }, written: () => text };
}

test("'Refreshing flags...' once per command; other messages each time they come", () => {
  const { ctx, written } = context();
  printLoadMessages(ctx, ["Refreshing flags...", "WARNING: x"]);
  printLoadMessages(ctx, ["Refreshing flags...", "WARNING: x"]);
  expect(written()).toBe("Refreshing flags...\nWARNING: x\nWARNING: x\n");
});

test("another command prints the note again", () => {
  for (let n = 0; n < 2; n++) {
    const { ctx, written } = context();
    printLoadMessages(ctx, ["Refreshing flags..."]);
    expect(written()).toBe("Refreshing flags...\n");
  }
});
