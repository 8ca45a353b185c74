// Test support: asks the python3 on this machine, so tables of Python behaviour are checked against CPython itself.
import { execFileSync } from "node:child_process";

/** Runs a python3 script with `input` as JSON on stdin and returns the JSON it prints. */
export function runPython(script: string, input: unknown): unknown {
  const output = execFileSync("python3", ["-W", "ignore", "-c", script], { input: JSON.stringify(input), encoding: "utf8" });
  return JSON.parse(output);
}

/** CPython's answer for each input, or `{ error: "ErrorType: message" }` where it raised. */
export type PythonAnswer<T> = T | { error: string };

/**
 * Calls `answer(*arguments)` in python3 once per case; `definitions` is Python source defining `answer`
 * (and whatever it imports). Answers must be JSON values (return repr() text for floats that may be nan).
 */
export function pythonAnswers<T>(definitions: string, cases: readonly (readonly unknown[])[]): PythonAnswer<T>[] {
  const script = `import json, sys\n${definitions}\nresults = []\nfor arguments in json.load(sys.stdin):\n    try:\n        results.append(answer(*arguments))\n    except Exception as error:\n        results.append({"error": "%s: %s" % (type(error).__name__, error)})\njson.dump(results, sys.stdout)\n`;
  return runPython(script, cases) as PythonAnswer<T>[];
}
