// The outside world as the CLI sees it: every effect beyond the file system arrives here.

/** A writable text stream (stdout or stderr of the `guild` process, or a capture of it). */
export type Write = (text: string) => void;

export interface Io {
  /** Working directory the command was started in (absolute). */
  cwd: string;
  /** Environment of the `guild` process. Never mutated; child processes get copies. */
  env: Readonly<Record<string, string | undefined>>;
  stdout: Write;
  stderr: Write;
  /** Reads one line of standard input; null at end of input. */
  readLine: () => Promise<string | null>;
  /** Wall clock in microseconds since the epoch (Guild stores run times this way). */
  nowMicros: () => number;
  /** A fresh run id: 32 lowercase hex characters (uuid4().hex). */
  newRunId: () => string;
  /** A random integer in [0, 2^32] for the run's random_seed attr. */
  randomSeed: () => number;
  /** Host name for the `host` attr and event file names. */
  hostname: string;
  /** Process id used for event file names. */
  pid: number;
  /**
   * TensorBoard's per-process writer counter (`events.out.tfevents....<pid>.<n>`): 0 for the first event
   * file a process writes, then 1, 2, ... Commands hosted in one process share it, as they share the pid.
   */
  nextEventWriterId: () => number;
  /**
   * Aborted (reason: the signal's name) when SIGINT, SIGTERM or SIGHUP arrives while signals are held.
   * Outside a hold those signals end the process at once, whatever it is busy with.
   */
  interrupt: AbortSignal;
  /**
   * Holds SIGINT, SIGTERM and SIGHUP while an operation runs, so they reach it and its run is recorded
   * as terminated; returns the release (holds nest). Absent where the host has no signals (tests).
   */
  holdSignals?: () => () => void;
  /**
   * Set when the CLI runs inside another process (the transcript harness) whose standard streams
   * are not the command's: child processes then get no standard input and hand all their output
   * to stdout/stderr above instead of writing to inherited streams.
   */
  hosted?: boolean;
  /** The command that starts this CLI in a process of its own, if it can be started (`guild run --background`). */
  selfCommand?: readonly string[];
}

/** A user-facing failure: printed as `guild: <message>` (when message is set) and exits with code. */
export class CliError extends Error {
  constructor(
    message: string | null,
    readonly exitCode = 1,
  ) {
    super(message ?? "");
  }
  get hasMessage(): boolean {
    return this.message !== "";
  }
}
