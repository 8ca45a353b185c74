// The contract between a CLI loaded as a module and the host that runs it in its own process (the transcript harness).

/** One command as the host hands it over: what a spawned process would get. */
export interface HostedCommand {
  argv: string[];
  /** Physical working directory (what the process's getcwd() would return). */
  cwd: string;
  env: Record<string, string>;
  /** stdout and stderr of the command, on one stream in the order written. */
  write: (text: string) => void;
  /** Aborted to stop the command as a signal would (reason: the signal's name). */
  interrupt: AbortSignal;
  /** Process id to record (LOCK files, event file names). */
  pid: number;
  /** The command that starts this CLI in a process of its own (for runs in the background). */
  selfCommand?: string[];
}

/** A CLI loaded as a module: runs one command and resolves with its exit status (0-255). */
export type HostedCli = (command: HostedCommand) => Promise<number>;
