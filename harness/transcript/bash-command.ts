// What a `$ ...` example of a bash transcript does, after Guild's BashDocTestParser rewriting.

export type BashCommand =
  | { kind: "cd"; path: string }
  | { kind: "export"; name: string; value: string }
  | { kind: "unset"; name: string }
  /** `run(command, env=bash_env)`: shell command text as it is run. */
  | { kind: "run"; command: string };

/**
 * `cd X`, `export N=V` and `unset N` act on the transcript session (no shell); anything else is
 * run. Continuation lines are joined with spaces unless +KEEP_LF keeps the newlines.
 */
export function bashCommandOf(source: string, options: Readonly<Record<string, boolean | undefined>>): BashCommand {
  if (source.startsWith("cd ")) return { kind: "cd", path: source.slice(3) };
  if (source.startsWith("export ")) {
    const assignment = source.slice(7);
    const equals = assignment.indexOf("=");
    if (equals >= 0) return { kind: "export", name: assignment.slice(0, equals), value: assignment.slice(equals + 1) };
  }
  if (source.startsWith("unset ")) return { kind: "unset", name: source.slice(6) };
  const command = options.KEEP_LF ? source : source.replace(/\n/g, " ");
  return { kind: "run", command };
}
