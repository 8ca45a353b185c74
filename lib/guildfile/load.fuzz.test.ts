// Property: any guild.yml text loads to a Guild file or fails with one GuildfileError, never with another exception.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { arbitraryGuildfile } from "./guildfile-arbitrary.test-support.js";
import { GuildfileError } from "./coerce.js";
import { loadGuildfileIfExists } from "./load.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guildfile-fuzz-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("loading any guild.yml", () => {
  test("gives a Guild file or a GuildfileError", () => {
    fc.assert(
      fc.property(arbitraryGuildfile, (text) => {
        fs.writeFileSync(path.join(dir, "guild.yml"), text);
        try {
          const guildfile = loadGuildfileIfExists(dir, { env: { PATH: process.env.PATH } });
          expect(guildfile).not.toBeNull();
        } catch (error) {
          if (!(error instanceof GuildfileError)) throw error;
          expect(error.message).toMatch(/^(error in .*guild\.yml: )?\S/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
