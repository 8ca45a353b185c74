// What a `$ ...` example of a bash transcript does, after Guild's BashDocTestParser rewriting.

export type BashCommand =
  | { kind: "cd"; path: string }
  | { kind: "export"; name: string; value: string }
  | { kind: "unset"; name: string }
  /** `use_project NAME`: the sample project copied into the sandbox and made current, as use_project() does. */
  | { kind: "use_project"; name: string }
  /** `run(command, env=bash_env)`: shell command text as it is run. */
  | { kind: "run"; command: string };

/**
 * `cd X`, `export N=V` and `unset N` act on the transcript session (no shell), as in Guild's
 * runner; so does `use_project NAME`, which is ours (Guild's runner would run it as a command).
 * Anything else is run. Continuation lines are joined with spaces unless +KEEP_LF keeps the
 * newlines.
 */
export function bashCommandOf(source: string, options: Readonly<Record<string, boolean | undefined>>): BashCommand {
  if (source.startsWith("cd ")) return { kind: "cd", path: source.slice(3) };
  if (source.startsWith("export ")) {
    const assignment = source.slice(7);
    const equals = assignment.indexOf("=");
    if (equals >= 0) return { kind: "export", name: assignment.slice(0, equals), value: assignment.slice(equals + 1) };
  }
  if (source.startsWith("unset ")) return { kind: "unset", name: source.slice(6) };
  if (source.startsWith("use_project ")) return { kind: "use_project", name: unquoted(source.slice(12).trim()) };
  const command = options.KEEP_LF ? source : source.replace(/\n/g, " ");
  return { kind: "run", command };
}

/** `"name"` or `'name'` -> `name`; anything else as it is. */
function unquoted(word: string): string {
  return /^(["'])[^"']*\1$/.test(word) ? word.slice(1, -1) : word;
}
