// Benchmarks of the harness: per-example overhead over a bare command, cost per example as transcripts grow, steps.md end to end.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { TranscriptSession } from "../harness/run/session.js";
import type { HostServices } from "../harness/sandbox/host.js";
import { medianSeconds, runQuiet, type BenchRow } from "./timing.js";

const EXAMPLES = 20;

export async function benchHarnessOverhead(host: HostServices, workDir: string, repetitions: number): Promise<BenchRow[]> {
  const file = path.join(workDir, "overhead.md");
  const body = Array.from({ length: EXAMPLES }, () => '    >>> run("true")\n    <exit 0>\n').join("\n");
  fs.writeFileSync(file, `# Overhead\n\n${body}`);
  const bare = await medianSeconds(repetitions, async () => {
    for (let index = 0; index < EXAMPLES; index += 1) await runQuiet("/bin/sh", ["-c", "true"]);
  });
  const harness = await medianSeconds(repetitions, async () => {
    const session = TranscriptSession.fromFile(file, { host, keepSandbox: false });
    try {
      const outcomes = await session.runAll();
      if (outcomes.some((outcome) => outcome.kind !== "passed")) throw new Error("overhead transcript failed");
    } finally {
      await session.close();
    }
  });
  return [
    { name: `sh -c true, bare (per command)`, seconds: bare / EXAMPLES },
    { name: `run("true") in the harness (per example)`, seconds: harness / EXAMPLES, baseline: "sh -c true, bare (per command)" },
  ];
}

/**
 * Cost per example of transcripts of many trivial examples (`>>> 1` / `1`), small and large,
 * measured in the same run: the ratio shows whether running an example depends on how many
 * came before it (it did, quadratically, until the session stopped rescanning them). The cost
 * of a one-example transcript (sandbox and start-up) is taken off first.
 */
export async function benchManyExamples(host: HostServices, workDir: string, repetitions: number): Promise<BenchRow[]> {
  const timeTranscript = async (count: number) => {
    const file = path.join(workDir, `many-${count}.md`);
    fs.writeFileSync(file, `# ${count} trivial examples\n\n` + "    >>> 1\n    1\n\n".repeat(count));
    return medianSeconds(repetitions, async () => {
      const session = TranscriptSession.fromFile(file, { host, keepSandbox: false });
      try {
        const outcomes = await session.runAll();
        if (outcomes.some((outcome) => outcome.kind !== "passed")) throw new Error(`${file}: an example failed`);
      } finally {
        await session.close();
      }
    });
  };
  // Warms up the interpreter, then measures the fixed cost.
  await timeTranscript(1000);
  const fixed = await timeTranscript(1);
  const rows: BenchRow[] = [];
  const sizes = [10_000, 40_000];
  for (const count of sizes) {
    const seconds = await timeTranscript(count);
    rows.push({
      name: `per example, ${count / 1000}k trivial examples`,
      seconds: (seconds - fixed) / (count - 1),
      ...(count === sizes[0] ? {} : { baseline: `per example, ${sizes[0] / 1000}k trivial examples`, target: "< 1.5x" }),
      note: `${seconds.toFixed(2)} s in all, ${(fixed * 1000).toFixed(0)} ms of it fixed`,
    });
  }
  return rows;
}

/** Wall time of one transcript under the harness, and its slowest examples. */
export async function benchTranscript(
  host: HostServices,
  file: string,
  label: string,
  row: Pick<BenchRow, "baseline" | "target"> = {},
  tempRoot?: string,
): Promise<{ rows: BenchRow[]; details: string[] }> {
  const session = TranscriptSession.fromFile(file, { host, keepSandbox: false, ...(tempRoot ? { tempRoot } : {}) });
  const timings: Array<{ line: number; source: string; seconds: number }> = [];
  const start = performance.now();
  let failed = 0;
  try {
    for (let index = 0; index < session.examples.length; index += 1) {
      const exampleStart = performance.now();
      const outcome = await session.run(index);
      if (outcome.kind === "mismatch" || outcome.kind === "error") failed += 1;
      timings.push({ line: outcome.example.sourceLine, source: outcome.example.source.split("\n")[0], seconds: (performance.now() - exampleStart) / 1000 });
    }
  } finally {
    await session.close();
  }
  const total = (performance.now() - start) / 1000;
  const guildRuns = timings.filter((timing) => /guild run\b/.test(timing.source));
  const runSeconds = guildRuns.reduce((sum, timing) => sum + timing.seconds, 0);
  const slowest = [...timings].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
  return {
    rows: [{ name: label, seconds: total, ...row, note: failed ? `${failed} examples FAILED` : `${timings.length} examples` }],
    details: [
      `${label}: ${guildRuns.length} 'guild run' examples take ${(runSeconds * 1000).toFixed(0)} ms of ${(total * 1000).toFixed(0)} ms (${((runSeconds / total) * 100).toFixed(0)}%)`,
      ...slowest.map((timing) => `  L${timing.line}: ${(timing.seconds * 1000).toFixed(0)} ms  ${timing.source}`),
    ],
  };
}
