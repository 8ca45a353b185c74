// Transcripts with every `guild` command a process of its own: the path other implementations take, kept green for the reference CLI.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { testHost } from "../sandbox/test-host.js";
import { TranscriptSession } from "./session.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("the reference CLI spawned for every command", () => {
  const host = testHost("spawned");
  it.each(["transcripts/cli.md", "transcripts/steps-checks.md"])("%s passes", { timeout: 300_000 }, async (transcript) => {
    expect(host.hostedCli).toBeUndefined();
    const session = TranscriptSession.fromFile(path.join(root, transcript), { host, keepSandbox: false });
    try {
      const outcomes = await session.runAll();
      const failed = outcomes.filter((outcome) => outcome.kind !== "passed" && outcome.kind !== "skipped");
      expect(failed.map((outcome) => `${transcript}:${outcome.example.sourceLine} ${outcome.kind}`)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
