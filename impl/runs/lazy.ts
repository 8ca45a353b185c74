// A value read on first use and then kept: how a Run holds what it has read of its run directory.
export class Lazy<T> {
  private read = false;
  private value: T | undefined;

  constructor(private readonly compute: () => T) {}

  get(): T {
    if (!this.read) {
      this.value = this.compute();
      this.read = true;
    }
    return this.value as T;
  }

  /** Forgets the value: the next get() computes it again. */
  reset(): void {
    this.read = false;
    this.value = undefined;
  }
}
