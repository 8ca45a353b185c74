// How far one example may go (nesting, result sizes, int widths, steps, time) and the Python errors raised past it.
import { PyError } from "./errors.js";

/**
 * The interpreter's limits. Past each one the example raises the Python error CPython raises in
 * the same place (RecursionError, MemoryError, OverflowError) or, for steps and time, which
 * CPython does not limit, an error naming the limit; the transcript goes on with its next example.
 */
export interface Limits {
  /** Nesting of parsed code, of Python calls (CPython's recursion limit), and of values written or compared. */
  readonly maxDepth: number;
  /** Characters of a str or items of a list, tuple, dict or set that one operation may build. */
  readonly maxSize: number;
  /** Bits of an int that `**`, `<<` or `*` may make. */
  readonly maxIntBits: number;
  /** Steps one example may take: statements, loop rounds, calls, items iterated, and big results (see Budget). */
  readonly maxSteps: number;
  /** Seconds one example may spend in the interpreter; time inside host functions does not count. */
  readonly timeLimitSeconds: number;
}

export const defaultLimits: Limits = Object.freeze({
  maxDepth: 1000,
  maxSize: 10_000_000,
  maxIntBits: 1_000_000,
  maxSteps: 1_000_000,
  timeLimitSeconds: 30,
});

/** Characters or items of a result built in one go that cost one step (big results use up the budget). */
export const sizePerStep = 100;

/** CPython's default limit on int <-> decimal str conversion (sys.get_int_max_str_digits()). */
export const intMaxStrDigits = 4300;

/** The largest value of a C Py_ssize_t, beyond which CPython refuses an index or a size. */
export const maxSsize = 2n ** 63n - 1n;

/** CPython's MemoryError: it prints no message. */
export function memoryError(): PyError {
  return new PyError("MemoryError", "");
}

/** CPython's RecursionError; `during` says where ("during compilation", "in comparison", ...). */
export function recursionError(during?: string): PyError {
  return new PyError("RecursionError", during ? `maximum recursion depth exceeded ${during}` : "maximum recursion depth exceeded");
}

/** MemoryError unless a result of `size` characters or items may be built. */
export function checkSize(size: number | bigint, limits: Limits): void {
  if (size > limits.maxSize) throw memoryError();
}

/** ValueError where CPython 3.11 refuses to write an int of more than 4300 decimal digits. */
export function checkIntDigits(digits: number): void {
  if (digits > intMaxStrDigits) {
    throw new PyError("ValueError", `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
}

/** The number of bits of |value| (0 for 0), as int.bit_length() gives it. */
export function bitLength(value: bigint): number {
  const magnitude = value < 0n ? -value : value;
  if (magnitude === 0n) return 0;
  const hex = magnitude.toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(parseInt(hex[0]!, 16))) + 1;
}

/**
 * One example's spending: steps and interpreter time, from reset() to the end of the example.
 * Once spent, every later step raises again, so no `except` or `finally` can keep a loop going.
 */
export class Budget {
  private steps = 0;
  private started = 0;
  private hostTime = 0;
  private spent: (() => PyError) | undefined;

  /** `clock` reads milliseconds; without one there is no time limit. */
  constructor(readonly limits: Limits, private readonly clock?: () => number) {}

  /** A new example: steps and time count from zero. */
  reset(): void {
    this.steps = 0;
    this.hostTime = 0;
    this.spent = undefined;
    this.started = this.clock?.() ?? 0;
  }

  /** Takes `count` steps; raises once the example has taken too many or run too long. */
  step(count = 1): void {
    if (this.spent) throw this.spent();
    const before = this.steps;
    this.steps += count;
    if (this.steps > this.limits.maxSteps) {
      const limit = this.limits.maxSteps;
      this.spent = () => new PyError("RuntimeError", `example exceeded the interpreter's step limit (${limit} steps)`);
      throw this.spent();
    }
    // Reading the clock costs more than a step: look every 256 steps, and after any big charge.
    if (this.clock && (count > 1 || (before & 255) === 255)) this.checkTime();
  }

  /** A result of `size` characters or items about to be built in one go: MemoryError past maxSize, else its steps. */
  build(size: number): void {
    checkSize(size, this.limits);
    if (size >= sizePerStep) this.step(Math.floor(size / sizePerStep));
  }

  /** `count` items about to be made by iterating: MemoryError past maxSize, else a step each. */
  iterate(count: number | bigint): void {
    checkSize(count, this.limits);
    if (count > 0) this.step(Number(count));
  }

  /** Awaits a host function; its time does not count against the example (it has its own timeouts). */
  async outside<T>(run: () => T | Promise<T>): Promise<T> {
    if (!this.clock) return run();
    const started = this.clock();
    try {
      return await run();
    } finally {
      this.hostTime += this.clock() - started;
    }
  }

  private checkTime(): void {
    const elapsed = this.clock!() - this.started - this.hostTime;
    if (elapsed > this.limits.timeLimitSeconds * 1000) {
      const limit = this.limits.timeLimitSeconds;
      this.spent = () => new PyError("TimeoutError", `example exceeded the interpreter's time limit (${limit} seconds)`);
      throw this.spent();
    }
  }
}
