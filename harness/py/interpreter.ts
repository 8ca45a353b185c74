// One interpreter per transcript: persistent globals, execute(source) -> ok, Python error or syntax error.
import { createBuiltins } from "./builtins.js";
import { PyError, formatTraceback } from "./errors.js";
import { Evaluator } from "./evaluate.js";
import { Budget, defaultLimits, type Limits } from "./limits.js";
import { parse } from "./parse.js";
import { Scope } from "./scope.js";
import { PySyntaxError } from "./tokenize.js";
import type { PyValue } from "./values.js";

export type ExecResult =
  | { kind: "ok" }
  | { kind: "error"; exception: PyError; traceback: string }
  | { kind: "syntax-error"; message: string; lineOffset: number };

export interface InterpreterOptions {
  /** Names visible to every example (host helpers such as run, run_capture). */
  globals: Record<string, PyValue>;
  /** What `import name` may load; anything else raises ModuleNotFoundError. */
  modules?: Record<string, PyValue>;
  /** Receives exactly what Python would write to stdout, tracebacks included. */
  print: (text: string) => void;
  /** Limits that differ from defaultLimits. */
  limits?: Partial<Limits>;
  /** Reads a monotonic clock in milliseconds; without it no example has a time limit. */
  clock?: () => number;
}

export interface Interpreter {
  execute(source: string): Promise<ExecResult>;
  /** Reads a global variable (undefined when unset); for hosts and tests. */
  getGlobal(name: string): PyValue | undefined;
}

export function createInterpreter(options: InterpreterOptions): Interpreter {
  const modules = new Map<string, PyValue>(Object.entries(options.modules ?? {}));
  const builtins = new Map<string, PyValue>();
  const budget = new Budget({ ...defaultLimits, ...options.limits }, options.clock);
  // What examples print is kept by the host: it counts against the example's budget like a result.
  const print = (text: string) => {
    budget.build(text.length);
    options.print(text);
  };
  const builtinFunctions = new Set<PyValue>();
  const evaluator = new Evaluator({ builtins, modules, print, budget, isBuiltin: (callable) => builtinFunctions.has(callable) });
  for (const [name, value] of createBuiltins(evaluator, print)) {
    builtins.set(name, value);
    if (value.kind === "function") builtinFunctions.add(value);
  }
  const globals = new Scope(undefined, false);
  for (const [name, value] of Object.entries(options.globals)) globals.vars.set(name, value);

  return {
    async execute(source: string): Promise<ExecResult> {
      budget.reset();
      try {
        // A source nested too deep raises RecursionError while compiling, as in CPython: a traceback, not a syntax error.
        await evaluator.executeBlock(parse(source, budget.limits.maxDepth), globals);
        return { kind: "ok" };
      } catch (error) {
        if (error instanceof PySyntaxError) return { kind: "syntax-error", message: error.message, lineOffset: error.lineOffset };
        if (!(error instanceof PyError)) throw error;
        const traceback = formatTraceback(error, error.line ?? 1);
        options.print(traceback);
        return { kind: "error", exception: error, traceback };
      }
    },
    getGlobal(name: string): PyValue | undefined {
      return globals.vars.get(name);
    },
  };
}
