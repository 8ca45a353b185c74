// Zip archives of runs (`guild export X.zip`, `guild import X.zip`), written and read by Python's zipfile as Guild does.
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { nodeChildProcess } from "../../lib/builtins.js";
import type { Run } from "./run.js";
import type { TransferLog } from "./archive.js";

const ZIP_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * run_util._export_runs_to_zip: a new zip holding the existing archive's entries and each run not yet
 * in it, walked as os.walk does (links followed with --copy-resources), then moved over the archive.
 * Prints one JSON event per run ([kind, id]) and exits 3 with the error when the archive is not a zip.
 */
const EXPORT_PROGRAM = String.raw`
import json, os, shutil, sys, tempfile, zipfile
filename, copy_resources, runs = sys.argv[1], sys.argv[2] == "1", json.loads(sys.argv[3])
tmp_dir = tempfile.mkdtemp(prefix="guild-export-")
tmp_zip = os.path.join(tmp_dir, "export.zip")
events = []
try:
    with zipfile.ZipFile(tmp_zip, "w", allowZip64=True) as zf:
        existing = set()
        if os.path.exists(filename):
            try:
                with zipfile.ZipFile(filename, "r") as src_zf:
                    for name in src_zf.namelist():
                        zf.writestr(src_zf.getinfo(name), src_zf.read(name), zipfile.ZIP_DEFLATED)
                        existing.add(name)
            except zipfile.BadZipfile as e:
                sys.stderr.write("cannot write to %s: %s" % (filename, e))
                sys.exit(3)
        for run_id, run_dir in runs:
            if run_id + "/" in existing:
                events.append(["exists", run_id])
                continue
            events.append(["copy", run_id])
            zf.write(run_dir, run_id)
            for root, dirs, names in os.walk(run_dir, followlinks=copy_resources):
                rel = os.path.relpath(root, run_dir)
                base = run_id if rel == "." else "/".join([run_id] + rel.split(os.path.sep))
                for name in dirs + names:
                    zip_path = base + "/" + name
                    if zip_path in existing:
                        events.append(["unexpected", zip_path])
                        continue
                    zf.write(os.path.join(root, name), zip_path, zipfile.ZIP_DEFLATED)
    shutil.move(tmp_zip, filename)
finally:
    shutil.rmtree(tmp_dir, ignore_errors=True)
sys.stdout.write(json.dumps(events))
`;

/** Extracts every member of a zip archive into a directory (zipfile.extract, as run_zip_proxy.copy_run does). */
const EXTRACT_PROGRAM = String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "r") as zf:
    zf.extractall(sys.argv[2])
`;

/** Where to find python and its environment. */
export interface PythonHost {
  python: string;
  env: Readonly<Record<string, string | undefined>>;
}

function runPython(host: PythonHost, program: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  // node:child_process loads on first use: `guild runs` imports this module for -A X.zip.
  const result = nodeChildProcess().spawnSync(host.python, ["-c", program, ...args], { encoding: "utf8", timeout: ZIP_TIMEOUT_MS, env: host.env as NodeJS.ProcessEnv });
  if (result.error) throw new CliError(`cannot run ${host.python}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lastLine = (text: string) => text.trim().split("\n").pop() ?? "";

/** Writes runs into the zip `filename` (as given, relative to `cwd`), keeping what it holds; returns the runs written. */
export function exportRunsToZip(runs: Run[], filename: string, cwd: string, move: boolean, copyResources: boolean, host: PythonHost, log: TransferLog): Run[] {
  const target = path.resolve(cwd, filename);
  const result = runPython(host, EXPORT_PROGRAM, [target, copyResources ? "1" : "0", JSON.stringify(runs.map((run) => [run.id, run.dir]))]);
  if (result.status === 3) throw new CliError(result.stderr.replaceAll(target, filename));
  if (result.status !== 0) throw new CliError(`cannot write to ${filename}: ${lastLine(result.stderr)}`);
  const events = JSON.parse(result.stdout) as [string, string][];
  const byId = new Map(runs.map((run) => [run.id, run]));
  const exported: Run[] = [];
  for (const [kind, name] of events) {
    if (kind === "exists") log.warn(`${name} exists, skipping`);
    else if (kind === "unexpected") log.error(`unexpected run file ${name} in ${target}, skipping`);
    else {
      log.info(`${move ? "Moving" : "Copying"} ${name}`);
      exported.push(byId.get(name)!);
    }
  }
  if (move) for (const run of exported) fs.rmSync(run.dir, { recursive: true, force: true });
  return exported;
}

/** Extracts the zip `archive` into a new temporary directory under tmpRoot and gives it to body; the directory goes afterwards. */
export async function withExtractedZip<T>(archive: string, tmpRoot: string, host: PythonHost, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(tmpRoot, "guild-import-"));
  try {
    const result = runPython(host, EXTRACT_PROGRAM, [archive, dir]);
    if (result.status !== 0) throw new CliError(`cannot read ${archive}: ${lastLine(result.stderr)}`);
    return await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
