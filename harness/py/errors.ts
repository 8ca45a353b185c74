// Python exceptions raised by the interpreter or by host functions, and their traceback text.
import { pyRepr } from "./repr.js";
import type { PyValue } from "./values.js";

/**
 * A Python exception. `message` is the text after "TypeName: " exactly as Python prints it
 * (for KeyError that is the key's repr, e.g. `'k'`); an empty message prints the type name alone.
 */
export class PyError extends Error {
  readonly typeName: string;
  readonly pyMessage: string;
  /** The exception arguments when raised from Python code (`raise ValueError(1, 2)`). */
  args: PyValue[] = [];
  /** Attributes beyond args (RunError's output and returncode). */
  attrs: Map<string, PyValue> = new Map();
  /** 1-based line within the executed source where the error surfaced; set by the evaluator. */
  line: number | undefined;

  constructor(typeName: string, message: string) {
    super(message === "" ? typeName : `${typeName}: ${message}`);
    this.name = "PyError";
    this.typeName = typeName;
    this.pyMessage = message;
  }
}

/** The last line of a traceback: `NameError: name 'x' is not defined`. */
export function formatExceptionLine(error: PyError): string {
  return error.pyMessage === "" ? error.typeName : `${error.typeName}: ${error.pyMessage}`;
}

/** The traceback the interactive prompt prints for an uncaught exception. */
export function formatTraceback(error: PyError, line: number): string {
  return [
    "Traceback (most recent call last):",
    `  File "<stdin>", line ${line}, in <module>`,
    formatExceptionLine(error),
    "",
  ].join("\n");
}

/** Parent of each built-in exception class, for `except` matching and isinstance. */
export const exceptionParents: ReadonlyMap<string, string> = new Map([
  ["Exception", "BaseException"],
  ["KeyboardInterrupt", "BaseException"],
  ["SystemExit", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["MemoryError", "Exception"],
  ["LookupError", "Exception"],
  ["KeyError", "LookupError"],
  ["IndexError", "LookupError"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["UnicodeError", "ValueError"],
  ["NameError", "Exception"],
  ["UnboundLocalError", "NameError"],
  ["AttributeError", "Exception"],
  ["ImportError", "Exception"],
  ["ModuleNotFoundError", "ImportError"],
  ["RuntimeError", "Exception"],
  ["NotImplementedError", "RuntimeError"],
  ["RecursionError", "RuntimeError"],
  ["StopIteration", "Exception"],
  ["AssertionError", "Exception"],
  ["OSError", "Exception"],
  ["FileNotFoundError", "OSError"],
  ["FileExistsError", "OSError"],
  ["IsADirectoryError", "OSError"],
  ["NotADirectoryError", "OSError"],
  ["PermissionError", "OSError"],
  ["TimeoutError", "OSError"],
  ["SyntaxError", "Exception"],
]);

/** True when exception class `name` is `ancestor` or derives from it. */
export function exceptionIsSubclass(name: string, ancestor: string): boolean {
  for (let current: string | undefined = name; current !== undefined; current = parentOf(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

function parentOf(name: string): string | undefined {
  if (name === "BaseException") return undefined;
  return exceptionParents.get(name) ?? "Exception";
}

/** KeyError(key): the message is the key's repr, and the exception keeps the key as its argument. */
export function keyError(key: PyValue): PyError {
  const error = new PyError("KeyError", pyRepr(key));
  error.args = [key];
  return error;
}
