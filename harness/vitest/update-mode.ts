// Whether `vitest -u` asks to update transcripts, refusing the two ways `-u` is misread.

/** vitest's own values for `-u`/`--update`; anything else is an argument it swallowed. */
const UPDATE_VALUES = new Set(["all", "new", "none"]);

/** `vitest -u` given in a way that would rewrite transcripts nobody named. */
export class UpdateModeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpdateModeError";
    // The message is the whole story; a stack would only point at the harness.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Update mode from vitest's `update` option (as given) and the file filters of the command line
 * (undefined when vitest does not say). `-u` takes an optional value, so in `vitest run -u a.md`
 * the path is its value and no filter is left: every failing transcript would be rewritten.
 * That, and `-u` with no path at all, throw an UpdateModeError naming the command to use.
 */
export function transcriptUpdateMode(update: unknown, filters: readonly string[] | undefined): boolean {
  if (typeof update === "string" && !UPDATE_VALUES.has(update)) {
    throw new UpdateModeError(
      `-u took '${update}' as its value (vitest's -u accepts one), so no transcript was named and every failing one would be rewritten; nothing was run. Update named transcripts with: npm run update -- ${update}`,
    );
  }
  const updating = update === true || update === "all";
  if (updating && filters !== undefined && filters.length === 0) {
    throw new UpdateModeError(
      "-u without a transcript path would rewrite every failing transcript; nothing was run. Name them: npm run update -- PATH... (npm run update -- transcripts for all of them)",
    );
  }
  return updating;
}
