// Stopping a process and its descendants as Guild's util.kill_process_tree does (psutil), reading Linux's /proc.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const KILL_TIMEOUT_MS = 10_000;

/** What stopping needs from the system: the process table, signals, a clock and a pause. Tests give a fake. */
export interface ProcessHost {
  /** Parent pid of every live (not zombie) process. */
  parents(): Map<number, number>;
  /** Sends a signal; a process already gone is no error. */
  signal(pid: number, signal: NodeJS.Signals): void;
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Linux: /proc/<pid>/stat gives each process's state and parent. */
export function procProcessHost(now: () => number): ProcessHost {
  return {
    parents() {
      const parents = new Map<number, number>();
      let names: string[] = [];
      try {
        names = fs.readdirSync("/proc");
      } catch {
        return parents;
      }
      for (const name of names) {
        if (!/^\d+$/.test(name)) continue;
        let stat: string;
        try {
          stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        } catch {
          continue;
        }
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ")".
        const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (state !== "Z" && state !== "X") parents.set(Number(name), Number(ppid));
      }
      return parents;
    },
    signal(pid, signal) {
      // kill(1), as the CLI sends signals elsewhere: only entry points touch `process`.
      spawnSync("kill", [`-${signal.replace(/^SIG/, "")}`, String(pid)], { stdio: "ignore", timeout: KILL_TIMEOUT_MS });
    },
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Every descendant of pid, parents before children. */
export function descendants(pid: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), child]);
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (!found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

const POLL_MS = 50;

/** Waits until none of pids is alive or timeoutMs passes; returns those still alive. */
async function waitGone(pids: number[], timeoutMs: number, host: ProcessHost): Promise<number[]> {
  const deadline = host.now() + timeoutMs;
  for (;;) {
    const live = host.parents();
    const alive = pids.filter((pid) => live.has(pid));
    if (alive.length === 0 || host.now() >= deadline) return alive;
    await host.sleep(POLL_MS);
  }
}

/**
 * SIGTERM (SIGKILL with force) to pid, a wait of childTermTimeoutMs for its descendants to end with it,
 * the signal to those left, then a wait of timeoutMs for all. Returns the pids still alive.
 */
export async function killProcessTree(pid: number, options: { force?: boolean; timeoutMs: number; childTermTimeoutMs: number }, host: ProcessHost): Promise<number[]> {
  const signal: NodeJS.Signals = options.force ? "SIGKILL" : "SIGTERM";
  const children = descendants(pid, host.parents());
  host.signal(pid, signal);
  await waitGone(children, options.childTermTimeoutMs, host);
  for (const child of children) host.signal(child, signal);
  return waitGone([pid, ...children], options.timeoutMs, host);
}
