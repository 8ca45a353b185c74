// A run as `guild runs list --json` shows it (runs_impl._listed_run_json_data), a batch's proto run nested in it.
import fs from "node:fs";
import { formatOpref } from "../../lib/rundir/index.js";
import { Run, procPidAlive, type PidAliveCheck } from "./run.js";

const LISTED_ATTRS = ["exit_status", "cmd", "comments", "marked", "label", "started", "status", "stopped", "tags"];

export function listedRunJson(run: Run, isPidAlive: PidAliveCheck = procPidAlive): Record<string, unknown> {
  const opref = run.opref;
  const data: Record<string, unknown> = { id: run.id, run_dir: run.dir, opref: opref ? formatOpref(opref) : "" };
  for (const name of LISTED_ATTRS) data[name] = name === "status" ? run.status(isPidAlive) : (run.get(name) ?? null);
  if (fs.existsSync(run.protoDir)) data.batch_proto = listedRunJson(Run.forDir(run.protoDir), isPidAlive);
  return data;
}
