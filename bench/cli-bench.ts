// Benchmarks of the reference CLI: start-up, listing and comparing many runs, `guild run` overhead.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { medianSeconds, runQuiet, type BenchRow } from "./timing.js";

export interface CliBenchConfig {
  /** The reference CLI as transcripts run it (dist/bin/guild: the CLI split per command, dist/cli/). */
  guildBin: string;
  /** The whole CLI in one bundle (dist/guild.mjs), run by node: the baseline of the split CLI. */
  bundle: string;
  /** The split CLI's entry (dist/cli/guild.cjs), run by node without the launcher. */
  splitEntry: string;
  nodeBin: string;
  python: string;
  workDir: string;
  baseEnv: Record<string, string | undefined>;
  repetitions: number;
}

const PROJECT_YML = `- model: m
  operations:
    train:
      main: train
      flags:
        lr: 0.1
        epochs: 2
`;
const TRAIN_PY = `import argparse
p = argparse.ArgumentParser()
p.add_argument("--lr", type=float)
p.add_argument("--epochs", type=int)
a = p.parse_args()
print("loss: %f" % (a.lr * a.epochs))
`;

function makeProject(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "guild.yml"), PROJECT_YML);
  fs.writeFileSync(path.join(dir, "train.py"), TRAIN_PY);
  return dir;
}

/** Writes `count` completed runs of m:train the way Guild lays them out. */
export function generateRuns(guildHome: string, projectDir: string, count: number): void {
  const guildfile = path.join(projectDir, "guild.yml");
  const md5 = crypto.createHash("md5").update(fs.readFileSync(guildfile)).digest("hex");
  const start = 1_700_000_000_000_000;
  for (let index = 0; index < count; index += 1) {
    const id = crypto.randomBytes(16).toString("hex");
    const attrs = path.join(guildHome, "runs", id, ".guild", "attrs");
    fs.mkdirSync(attrs, { recursive: true });
    fs.writeFileSync(path.join(guildHome, "runs", id, ".guild", "opref"), `guildfile:${guildfile} ${md5} m train`);
    const started = start + index * 1_000_000;
    const lr = (index % 10) / 10;
    const files: Record<string, string> = {
      id,
      initialized: String(started - 1000),
      started: String(started),
      stopped: String(started + 2_000_000),
      exit_status: "0",
      flags: `epochs: ${index % 5}\nlr: ${lr.toFixed(1)}`,
      label: `epochs=${index % 5} lr=${lr.toFixed(1)}`,
    };
    for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(attrs, name), value + "\n");
  }
}

export async function benchCli(config: CliBenchConfig): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const env: Record<string, string | undefined> = { ...config.baseEnv, NO_IMPORT_FLAGS_PROGRESS: "1", COLUMNS: "999" };
  const project = makeProject(path.join(config.workDir, "project"));
  const reps = config.repetitions;

  rows.push({ name: "node -e 0", seconds: await medianSeconds(reps, () => runQuiet(config.nodeBin, ["-e", "0"])) });
  // Node parses NODE_EXTRA_CA_CERTS before any script runs; dist/bin/guild spares itself that (scripts/build.mjs).
  if (env.NODE_EXTRA_CA_CERTS !== undefined) {
    const withoutCerts = { ...env, NODE_EXTRA_CA_CERTS: undefined };
    rows.push({ name: "node -e 0, no NODE_EXTRA_CA_CERTS", seconds: await medianSeconds(reps, () => runQuiet(config.nodeBin, ["-e", "0"], { env: withoutCerts })), baseline: "node -e 0" });
  }
  rows.push({ name: "node dist/guild.mjs --help", seconds: await medianSeconds(reps, () => runQuiet(config.nodeBin, [config.bundle, "--help"], { env })), baseline: "node -e 0" });
  rows.push({ name: "node dist/cli/guild.cjs --help", seconds: await medianSeconds(reps, () => runQuiet(config.nodeBin, [config.splitEntry, "--help"], { env })), baseline: "node -e 0" });
  rows.push({ name: "guild --help", seconds: await medianSeconds(reps, () => runQuiet(config.guildBin, ["--help"], { env })), baseline: "node -e 0", target: "≤ 1.2x" });

  for (const count of [1000, 10000]) {
    const home = path.join(config.workDir, `home-${count}`);
    generateRuns(home, project, count);
    const homeEnv = { ...env, GUILD_HOME: home };
    const listReps = count > 1000 ? Math.max(3, Math.floor(reps / 3)) : reps;
    rows.push({
      name: `guild runs -s -a (${count} runs)`,
      seconds: await medianSeconds(listReps, () => runQuiet(config.guildBin, ["runs", "-s", "-a"], { env: homeEnv, cwd: project })),
      baseline: "node -e 0",
      target: count === 1000 ? "≤ 0.15 s" : "≤ 1 s",
    });
    rows.push({
      name: `guild compare -t (${count} runs)`,
      seconds: await medianSeconds(listReps, () => runQuiet(config.guildBin, ["compare", "-t"], { env: homeEnv, cwd: project })),
      baseline: "node -e 0",
      target: count === 1000 ? "≤ 0.3 s" : "≤ 2 s",
    });
  }

  const runHome = path.join(config.workDir, "home-run");
  const runEnv = { ...env, GUILD_HOME: runHome };
  rows.push({
    name: "python3 train.py (bare)",
    seconds: await medianSeconds(reps, () => runQuiet(config.python, ["train.py", "--lr", "0.1", "--epochs", "2"], { cwd: project })),
  });
  rows.push({
    name: "guild run m:train -y",
    seconds: await medianSeconds(reps, () => runQuiet(config.guildBin, ["run", "m:train", "-y"], { env: runEnv, cwd: project })),
    baseline: "python3 train.py (bare)",
    target: "overhead < 0.1 s",
  });
  const bare = rows.find((row) => row.name === "python3 train.py (bare)")!;
  const run = rows.find((row) => row.name === "guild run m:train -y")!;
  run.note = `overhead ${((run.seconds - bare.seconds) * 1000).toFixed(0)} ms`;
  return rows;
}
