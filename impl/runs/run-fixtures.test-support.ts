// Test support (never bundled: no entry point imports it): a temp GUILD_HOME and project, runs written through the run dir format.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { attrPath, createAttrsDir, runDirPath, runsDir, trashRunDirPath, writeAttr, writeLock, writeMarker, writeOpref } from "../../lib/rundir/index.js";

export interface FixtureRun {
  id: string;
  model?: string;
  op?: string;
  /** Guild file the op came from; defaults to `<project>/guild.yml`. */
  guildfile?: string;
  started?: number;
  initialized?: number;
  stopped?: number;
  exitStatus?: number;
  label?: string;
  tags?: string[];
  marked?: boolean;
  flags?: Record<string, unknown>;
  /** Raw attr files written verbatim (name -> text). */
  rawAttrs?: Record<string, string>;
  cmd?: string[];
  markers?: Array<"PENDING" | "STAGED" | "LOCK.remote">;
  lockPid?: number;
  files?: Record<string, string>;
  deleted?: boolean;
}

export interface Fixture {
  home: string;
  project: string;
  root: string;
  runDir: (id: string, deleted?: boolean) => string;
  cleanup: () => void;
}

export function makeFixture(): Fixture {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "guild-runs-")));
  const home = path.join(root, "home");
  const project = path.join(root, "project");
  fs.mkdirSync(runsDir(home), { recursive: true });
  fs.mkdirSync(project, { recursive: true });
  return {
    home,
    project,
    root,
    runDir: (id, deleted = false) => (deleted ? trashRunDirPath(home, id) : runDirPath(home, id)),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function writeRun(fixture: Fixture, run: FixtureRun): string {
  const dir = fixture.runDir(run.id, run.deleted);
  createAttrsDir(dir);
  const guildfile = run.guildfile ?? path.join(fixture.project, "guild.yml");
  writeOpref(dir, { pkgType: "guildfile", pkgName: guildfile, pkgVersion: "0feb8c4c79f95a55fd3606e4db88a524", modelName: run.model ?? "m1", opName: run.op ?? "hello" });
  const write = (name: string, value: unknown) => writeAttr(dir, name, value);
  write("id", run.id);
  if (run.initialized !== undefined) write("initialized", run.initialized);
  if (run.started !== undefined) write("started", run.started);
  if (run.stopped !== undefined) write("stopped", run.stopped);
  if (run.exitStatus !== undefined) write("exit_status", run.exitStatus);
  if (run.label !== undefined) write("label", run.label);
  if (run.tags !== undefined) write("tags", run.tags);
  if (run.marked) write("marked", true);
  write("flags", run.flags ?? {});
  if (run.cmd) write("cmd", run.cmd);
  for (const [name, text] of Object.entries(run.rawAttrs ?? {})) fs.writeFileSync(attrPath(dir, name), text);
  for (const marker of run.markers ?? []) writeMarker(dir, marker);
  if (run.lockPid !== undefined) writeLock(dir, run.lockPid);
  for (const [name, text] of Object.entries(run.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Microseconds for a UTC wall-clock time (tests run with TZ=UTC or compare via formatTimestamp). */
export const micros = (iso: string) => Date.parse(iso) * 1000;

/** Local `YYYY-MM-DD HH:MM:SS` computed independently of the code under test. */
export const localTime = (iso: string) => new Date(Date.parse(iso)).toLocaleString("sv-SE");
