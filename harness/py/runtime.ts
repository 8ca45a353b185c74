// What built-ins and methods need from the evaluator: calling Python callables and reading attributes.
import type { Budget } from "./limits.js";
import type { PyValue } from "./values.js";

export interface Runtime {
  call(callable: PyValue, args: PyValue[], kwargs?: Map<string, PyValue>): Promise<PyValue>;
  getAttribute(value: PyValue, name: string): PyValue;
  /** What the current example may still spend, and the limits on sizes and nesting. */
  readonly budget: Budget;
}

/** A method implementation: receives the bound object first. */
export type MethodImpl = (self: PyValue, args: PyValue[], kwargs: Map<string, PyValue>, runtime: Runtime) => PyValue | Promise<PyValue>;
