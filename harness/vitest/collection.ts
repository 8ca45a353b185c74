// Which markdown files vitest runs as transcripts: every `.md` outside the folders that hold none.

/**
 * Folders whose markdown is never a transcript: dependencies, sample projects (what transcripts
 * copy, not what they check) and fixtures (transcripts that must fail, run by their own tests).
 * Hidden folders (`.git`, `.github`) are left out too.
 */
export const NON_TRANSCRIPT_FOLDERS: readonly string[] = ["node_modules", "samples", "fixtures"];

/** vitest `include` globs of transcripts, relative to the project root. */
export const TRANSCRIPT_INCLUDE: readonly string[] = ["**/*.md"];

/** vitest `exclude` globs that keep those folders out. */
export const TRANSCRIPT_EXCLUDE: readonly string[] = [...NON_TRANSCRIPT_FOLDERS.map((folder) => `**/${folder}/**`), "**/.*/**"];

/** Whether a folder (by name) may hold transcripts. */
export function mayHoldTranscripts(folderName: string): boolean {
  return !folderName.startsWith(".") && !NON_TRANSCRIPT_FOLDERS.includes(folderName);
}
