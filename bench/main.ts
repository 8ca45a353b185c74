// Entry point of `npm run bench`: every benchmark, each against a baseline measured in the same run.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchDiffReport, benchMatcher } from "./match-bench.js";
import { benchCli } from "./cli-bench.js";
import { benchHarnessOverhead, benchManyExamples, benchTranscript } from "./harness-bench.js";
import { formatRows, type BenchRow } from "./timing.js";
import { benchSuites } from "./suite-bench.js";
import { resolvePythonBinDir } from "../harness/sandbox/python-bin.js";
import { hostFromProcess } from "../harness/sandbox/host.js";
import { createTempDir, removeTempDirsOnExit, sandboxTempRoot } from "../harness/sandbox/temp-dir.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pythonBinDir = resolvePythonBinDir(process.env);
/** Every `guild` command a process of its own, as with any implementation under test. */
const host = hostFromProcess(process, root, pythonBinDir);
/** Plain `guild ...` commands run inside the harness, as `npm start` and `npm test` run them. */
const hostedHost = hostFromProcess(process, root, pythonBinDir, undefined, false);
removeTempDirsOnExit();
const temp = await createTempDir("guild-bench");
const workDir = temp.path;
const repetitions = Number(process.env.BENCH_REPETITIONS ?? 9);

try {
  const sections: Array<[string, () => Promise<{ rows: BenchRow[]; details?: string[] }>]> = [
    ["Output matcher (1 MB, 100 wildcards)", async () => ({ rows: (await benchMatcher()).map((row) => ({ ...row, target: "< 50 ms" })) })],
    ["Failure diffs of 300,000 lines of output", async () => ({ rows: await benchDiffReport() })],
    ["Harness overhead", async () => ({ rows: await benchHarnessOverhead(host, workDir, repetitions) })],
    ["Cost per example as transcripts grow", async () => ({ rows: await benchManyExamples(host, workDir, Math.min(3, repetitions)) })],
    [
      "Reference CLI",
      async () => ({
        rows: await benchCli({
          guildBin: path.join(root, "dist", "bin", "guild"),
          bundle: path.join(root, "dist", "guild.mjs"),
          splitEntry: path.join(root, "dist", "cli", "guild.cjs"),
          nodeBin: process.execPath,
          python: host.pythonBinDir ? path.join(host.pythonBinDir, "python3") : "python3",
          workDir,
          // NODE_EXTRA_CA_CERTS as inherited, named so the CLI rows can show what it costs a node start.
          baseEnv: { PATH: [host.pythonBinDir, process.env.PATH].filter(Boolean).join(":"), HOME: workDir, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS },
          repetitions,
        }),
      }),
    ],
    [
      "transcripts/steps.md under the harness",
      async () => {
        const steps = path.join(root, "transcripts", "steps.md");
        const spawned = await benchTranscript(host, steps, "steps.md, guild spawned");
        const hosted = await benchTranscript(hostedHost, steps, "steps.md, guild in-process", { baseline: "steps.md, guild spawned" });
        const rows = [...spawned.rows, ...hosted.rows];
        const details = [...spawned.details, ...hosted.details];
        // Sandboxes in RAM, as npm start and npm test make them when the host has a RAM file system.
        const ramRoot = sandboxTempRoot({});
        if (ramRoot) {
          const ram = await benchTranscript(hostedHost, steps, "steps.md, in-process, sandbox in RAM", { baseline: "steps.md, guild spawned", target: "≤ 2.5 s" }, ramRoot);
          rows.push(...ram.rows);
          details.push(...ram.details);
        }
        return { rows, details };
      },
    ],
  ];
  // BENCH_SUITE=1: whole-suite rows too (minutes).
  if (process.env.BENCH_SUITE === "1") sections.push(["Suites", () => benchSuites({ root, workDir, nodeBin: process.execPath, env: process.env })]);
  for (const [title, section] of sections) {
    const { rows, details } = await section();
    process.stdout.write(`\n## ${title}\n${formatRows(rows)}\n${details ? details.join("\n") + "\n" : ""}`);
  }
} finally {
  await temp.remove();
}
