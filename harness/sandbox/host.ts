// What the harness needs from the host process, handed in by an entry point.
import { hostedReferenceCli } from "./in-process.js";
import { processGroupOf } from "./process-tree.js";
import type { HostedCli } from "../../lib/hosted/command.js";

export interface HostServices {
  /** Environment the sandbox inherits its PATH (and nothing else) from. */
  env: Readonly<Record<string, string | undefined>>;
  /** Platform name as Node reports it (`linux`, `darwin`, `win32`). */
  platform: string;
  /** Sends a signal to a process, or to a whole process group when `pid` is negative. */
  kill: (pid: number, signal: NodeJS.Signals) => void;
  /** Directory the CLI under test is started from: contains `guild` (the reference CLI). */
  referenceBinDir: string;
  /** Directory of the real python3, put first on the sandbox's PATH (as Guild's runner does). */
  pythonBinDir?: string | null;
  /**
   * Aborted when the user interrupts (Ctrl-C): running commands are killed with everything they
   * started, and commands asked for afterwards do not start.
   */
  interrupt?: AbortSignal;
  /** A monotonic clock in milliseconds (the interpreter's per-example time limit reads it). */
  now: () => number;
  /** This process's id: a CLI run inside it records it as its own. */
  pid?: number;
  /**
   * This process's group (read once: the harness never leaves it). What a command run inside this
   * process starts in the group goes when the command ends, as with a spawned CLI's own group.
   */
  processGroup?: number;
  /**
   * The reference CLI loaded as a module: plain `guild ...` commands run inside this process
   * instead of starting one each. Absent: every command is spawned.
   */
  hostedCli?: HostedCli;
  /** Wall-clock time in milliseconds since the epoch (Python's time.time()); `now` stands in when absent. */
  wallClock?: () => number;
}

/** The parts of Node's `process` an entry point hands over to build host services. */
export type HostProcess = Pick<NodeJS.Process, "env" | "platform" | "kill" | "hrtime"> & Partial<Pick<NodeJS.Process, "pid">>;

/**
 * Host services over the given process, with the reference CLI under `<repoRoot>/dist/bin`,
 * which runs inside this process unless `spawnReferenceCli` (or it is not built).
 */
export function hostFromProcess(proc: HostProcess, repoRoot: string, pythonBinDir: string | null, interrupt?: AbortSignal, spawnReferenceCli = true): HostServices {
  const hostedCli = spawnReferenceCli ? undefined : hostedReferenceCli(`${repoRoot}/dist/bin`);
  return {
    ...(hostedCli ? { hostedCli } : {}),
    env: proc.env,
    platform: proc.platform,
    kill: (pid, signal) => proc.kill(pid, signal),
    referenceBinDir: `${repoRoot}/dist/bin`,
    pythonBinDir,
    ...(interrupt ? { interrupt } : {}),
    now: () => Number(proc.hrtime.bigint()) / 1e6,
    ...(proc.pid !== undefined ? { pid: proc.pid } : {}),
    ...processGroupOption(proc.pid),
    wallClock: () => Date.now(),
  };
}

function processGroupOption(pid: number | undefined): { processGroup?: number } {
  const group = pid === undefined ? undefined : processGroupOf(pid);
  return group === undefined ? {} : { processGroup: group };
}
