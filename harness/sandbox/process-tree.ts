// Every live process a command started, even those that left its group or session, found in /proc and stopped.
import fs from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { readListedRegularText } from "../../lib/rundir/read-file.js";

/**
 * Environment variable every command gets, holding its tag. Children inherit it whatever they do
 * to their group or session (`setsid`, a double fork, an operation started in its own session),
 * so it finds processes that neither the process group nor the parent chain still reaches.
 */
export const PROCESS_TAG_VARIABLE = "TRANSCRIPT_COMMAND_TAG";

/** What stopping a command needs to know: the leader of its process group and its tag. */
export interface ProcessTarget {
  /** The command's own process, leader of its process group. */
  pid?: number;
  /** Kills processes whose tag is this or starts with it and a `/` (a sandbox's tag covers its commands). */
  tag?: string;
  /** With `tag`: only tagged processes of this process group (those a group kill would reach). */
  tagGroup?: number;
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
}

/** Where Linux shows processes; elsewhere it does not exist and only the process group is reached. */
const PROC_ROOT = "/proc";

/** Live processes from `<procRoot>/<pid>/stat`; zombies (already dead, waiting to be reaped) left out. */
export function readProcesses(procRoot = PROC_ROOT): ProcessEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(procRoot);
  } catch {
    return [];
  }
  const entries: ProcessEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcess(Number(name), procRoot);
    if (entry !== undefined) entries.push(entry);
  }
  return entries;
}

/** One live process from its `stat`, or undefined when it is gone or a zombie. */
function readProcess(pid: number, procRoot: string): ProcessEntry | undefined {
  // A /proc file is a regular one: read with open, one read into a shared buffer, and close (the
  // runner reads thousands of them; readFileSync would also fstat and allocate for each).
  const stat = readListedRegularText(path.join(procRoot, String(pid), "stat"));
  if (stat === undefined) return undefined;
  // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses, so read after the last `)`.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return undefined;
  return { pid, ppid: Number(fields[1]), pgid: Number(fields[2]) };
}

/** Whether the process's environment holds the tag (or a tag under it). Unreadable: no. */
export function hasTag(pid: number, tag: string, procRoot = PROC_ROOT): boolean {
  let environ: string;
  try {
    environ = fs.readFileSync(path.join(procRoot, String(pid), "environ"), "latin1");
  } catch {
    return false;
  }
  const prefix = `${PROCESS_TAG_VARIABLE}=${tag}`;
  return environ.split("\0").some((entry) => entry === prefix || entry.startsWith(prefix + "/"));
}

/** The live processes of a target: its process group, the descendants of its pid, and every tagged process. */
export function processesOf(target: ProcessTarget, procRoot = PROC_ROOT): number[] {
  const processes = readProcesses(procRoot);
  const found = new Set<number>();
  if (target.pid !== undefined) {
    const children = new Map<number, number[]>();
    for (const entry of processes) {
      if (entry.pgid === target.pid) found.add(entry.pid);
      children.set(entry.ppid, [...(children.get(entry.ppid) ?? []), entry.pid]);
    }
    const pending = [target.pid];
    while (pending.length > 0) {
      const pid = pending.pop()!;
      if (processes.some((entry) => entry.pid === pid)) found.add(pid);
      for (const child of children.get(pid) ?? []) if (!found.has(child)) pending.push(child);
    }
  }
  if (target.tag !== undefined) {
    for (const entry of processes) {
      if (target.tagGroup !== undefined && entry.pgid !== target.tagGroup) continue;
      if (!found.has(entry.pid) && hasTag(entry.pid, target.tag, procRoot)) found.add(entry.pid);
    }
  }
  return [...found];
}

/** The process group of a live process, or undefined when /proc does not show it. */
export function processGroupOf(pid: number, procRoot = PROC_ROOT): number | undefined {
  return readProcess(pid, procRoot)?.pgid;
}

/** Sends a signal to one process or (negative pid) a group; a process already gone is no error. */
export type KillFunction = (pid: number, signal: NodeJS.Signals) => void;

/**
 * Kills the target's process group, then every process of it /proc shows, again until none is
 * left (a process may fork between looking and killing). Gives up after `attempts` rounds.
 */
export async function killProcessesOf(target: ProcessTarget, kill: KillFunction, options: { attempts?: number; procRoot?: string } = {}): Promise<void> {
  if (target.pid !== undefined) quietly(() => kill(-target.pid!, "SIGKILL"));
  for (let attempt = 0; attempt < (options.attempts ?? 50); attempt += 1) {
    if (killRound(target, kill, options.procRoot) === 0) return;
    await delay(10);
  }
}

/** The same, blocking: for a process about to exit, which cannot wait for timers. */
export function killProcessesOfSync(target: ProcessTarget, kill: KillFunction, options: { attempts?: number; procRoot?: string } = {}): void {
  if (target.pid !== undefined) quietly(() => kill(-target.pid!, "SIGKILL"));
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < (options.attempts ?? 50); attempt += 1) {
    if (killRound(target, kill, options.procRoot) === 0) return;
    Atomics.wait(pause, 0, 0, 10);
  }
}

/** Kills every live process of the target once; returns how many there were. */
function killRound(target: ProcessTarget, kill: KillFunction, procRoot?: string): number {
  const left = processesOf(target, procRoot);
  for (const pid of left) quietly(() => kill(pid, "SIGKILL"));
  return left.length;
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // The process (or group) is already gone.
  }
}
