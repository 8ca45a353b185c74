// Entry point of `npm run bench`: every benchmark, each against a baseline measured in the same run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchMatcher } from "./match-bench.js";
import { benchCli } from "./cli-bench.js";
import { benchHarnessOverhead, benchManyExamples, benchTranscript } from "./harness-bench.js";
import { formatRows, type BenchRow } from "./timing.js";
import { resolvePythonBinDir } from "../harness/sandbox/python-bin.js";
import { hostFromProcess } from "../harness/sandbox/host.js";
import { createTempDir, removeTempDirsOnExit } from "../harness/sandbox/temp-dir.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const host = hostFromProcess(process, root, resolvePythonBinDir(process.env));
removeTempDirsOnExit();
const temp = await createTempDir("guild-bench");
const workDir = temp.path;
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 9);

try {
  const sections: Array<[string, () => Promise<{ rows: BenchRow[]; details?: string[] }>]> = [
    ["Output matcher (1 MB, 100 wildcards)", async () => ({ rows: (await benchMatcher()).map((row) => ({ ...row, target: "< 50 ms" })) })],
    ["Harness overhead", async () => ({ rows: await benchHarnessOverhead(host, workDir, repetitions) })],
    ["Cost per example as transcripts grow", async () => ({ rows: await benchManyExamples(host, workDir, Math.min(3, repetitions)) })],
    [
      "Reference CLI",
      async () => ({
        rows: await benchCli({
          guildBin: path.join(root, "dist", "bin", "guild"),
          nodeBin: process.execPath,
          python: host.pythonBinDir ? path.join(host.pythonBinDir, "python3") : "python3",
          workDir,
          baseEnv: { PATH: [host.pythonBinDir, process.env.PATH].filter(Boolean).join(":"), HOME: workDir },
          repetitions,
        }),
      }),
    ],
    ["transcripts/steps.md under the harness", () => benchTranscript(host, path.join(root, "transcripts", "steps.md"), "transcripts/steps.md")],
  ];
  for (const [title, section] of sections) {
    const { rows, details } = await section();
    process.stdout.write(`\n## ${title}\n${formatRows(rows)}\n${details ? details.join("\n") + "\n" : ""}`);
  }
} finally {
  await temp.remove();
}
