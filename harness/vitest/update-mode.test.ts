// When `vitest -u` updates transcripts, and the misreadings of `-u` it refuses.
import { describe, expect, it } from "vitest";
import { transcriptUpdateMode } from "./update-mode.js";

describe("transcriptUpdateMode", () => {
  it.each([
    { command: "vitest run a.md", update: false, filters: ["a.md"], result: false },
    { command: "vitest run a.md -u", update: true, filters: ["a.md"], result: true },
    { command: "vitest run a.md --update=all", update: "all", filters: ["a.md"], result: true },
    { command: "vitest run a.md -u new", update: "new", filters: ["a.md"], result: false },
    { command: "vitest run -u a.md", update: "a.md", filters: [], error: "-u took 'a.md' as its value (vitest's -u accepts one), so no transcript was named and every failing one would be rewritten; nothing was run. Update named transcripts with: npm run update -- a.md" },
    { command: "vitest run -u", update: true, filters: [], error: "-u without a transcript path would rewrite every failing transcript; nothing was run. Name them: npm run update -- PATH... (npm run update -- transcripts for all of them)" },
    { command: "(filters unknown) -u", update: true, filters: undefined, result: true },
  ])("$command", ({ update, filters, result, error }) => {
    if (error) expect(() => transcriptUpdateMode(update, filters)).toThrow(error);
    else expect(transcriptUpdateMode(update, filters)).toBe(result);
  });
});
