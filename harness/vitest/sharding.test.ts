// `vitest --shard=i/n` splits the transcript examples: together the shards list each example once.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIST_IS_BUILT } from "./dist-built.js";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { exampleLines } from "./example-lines.js";
import { listTranscripts } from "./watch-triggers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const vitestBin = path.join(root, "node_modules", "vitest", "vitest.mjs");
const transcriptsDir = "transcripts/harness";
const shardCount = 2;
const tempDir = useTempDir("shard-test");

/** `file:line` of every test `vitest list --shard=index/count` reports. */
async function listShard(index: number): Promise<string[]> {
  const jsonFile = path.join(tempDir(), `shard-${index}.json`);
  // One worker: each further worker process would load the harness again to list a few files.
  const args = [vitestBin, "list", `--shard=${index}/${shardCount}`, "--maxWorkers=1", `--json=${jsonFile}`, transcriptsDir];
  await promisify(execFile)(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: "1", [DIST_IS_BUILT]: "1" },
  });
  const tests = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { file: string; location?: { line: number } }[];
  return tests.map((test) => `${path.relative(root, test.file)}:${test.location?.line}`);
}

describe("sharding", () => {
  it(`--shard=i/${shardCount} lists every example of ${transcriptsDir} in exactly one shard`, { timeout: 120_000 }, async () => {
    const shards = await Promise.all(Array.from({ length: shardCount }, (_, index) => listShard(index + 1)));
    const all = listTranscripts(path.join(root, transcriptsDir)).flatMap((file) =>
      exampleLines(fs.readFileSync(file, "utf8"), file).map((line) => `${path.relative(root, file)}:${line}`),
    );
    const listed = shards.flat();
    expect({
      everyShardHasTests: shards.map((shard) => shard.length > 0),
      listedOnce: listed.length === new Set(listed).size,
      union: [...listed].sort(),
    }).toEqual({
      everyShardHasTests: shards.map(() => true),
      listedOnce: true,
      union: [...all].sort(),
    });
  });
});
