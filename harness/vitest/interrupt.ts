// Ctrl-C in a test worker: running commands killed with all they started and open sandboxes removed, before it dies.

/** What transcripts in this worker share: the signal their commands watch, and the cleanups still owed. */
export interface WorkerInterrupt {
  signal: AbortSignal;
  /** Run once, synchronously, on interrupt; each abandons one open transcript session. */
  cleanups: Set<() => void>;
}

// One per worker process, however many transcript modules it loads (vitest may load each afresh).
const KEY = Symbol.for("guild-transcripts.worker-interrupt");

/**
 * The worker's interrupt, set up on first use. SIGINT (Ctrl-C reaches every process of the
 * terminal's group), SIGTERM (vitest stopping its workers) or losing the main process aborts
 * the signal and runs the cleanups at once: the worker may be made to exit any moment after
 * (vitest exits it when the main process is gone), so nothing waits. A signal is then raised
 * again, so the worker dies of it as it would have.
 */
export function workerInterrupt(): WorkerInterrupt {
  const shared = globalThis as { [KEY]?: WorkerInterrupt };
  if (shared[KEY]) return shared[KEY];
  const controller = new AbortController();
  const interrupt: WorkerInterrupt = { signal: controller.signal, cleanups: new Set() };
  const stop = (reason: NodeJS.Signals | "disconnect") => {
    if (!controller.signal.aborted) {
      controller.abort(reason);
      for (const cleanup of interrupt.cleanups) cleanup();
    }
    if (reason !== "disconnect") process.kill(process.pid, reason);
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("disconnect", () => stop("disconnect"));
  shared[KEY] = interrupt;
  return interrupt;
}
