// Which markdown files are transcripts: the folder rule, and what vitest collects with this repo's config.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIST_IS_BUILT } from "./dist-built.js";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { mayHoldTranscripts } from "./collection.js";
import { listTranscripts } from "./watch-triggers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const tempDir = useTempDir("collection-test");

describe("mayHoldTranscripts", () => {
  it.each([
    ["transcripts", true],
    ["docs", true],
    ["harness", true],
    ["node_modules", false],
    ["samples", false],
    ["fixtures", false],
    [".git", false],
    [".github", false],
  ])("%s -> %s", (folder, expected) => {
    expect(mayHoldTranscripts(folder)).toBe(expected);
  });
});

describe("vitest.config.ts", () => {
  it("collects every markdown file outside those folders, except the repository's README", { timeout: 120_000 }, async () => {
    const jsonFile = path.join(tempDir(), "files.json");
    await promisify(execFile)(process.execPath, [vitestBin, "list", "--filesOnly", `--json=${jsonFile}`], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: "1", [DIST_IS_BUILT]: "1" },
    });
    const listed = (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { file: string }[]).map((entry) => path.relative(root, entry.file));
    const markdown = listed.filter((file) => file.endsWith(".md")).sort();
    const expected = listTranscripts(root)
      .map((file) => path.relative(root, file))
      .filter((file) => file !== "README.md");
    expect({ readme: markdown.includes("transcripts/README.md"), markdown }).toEqual({ readme: true, markdown: expected });
  });
});
