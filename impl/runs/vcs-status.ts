// Guild's vcs_util.status and ls_files for git: what a directory's repository tracks and what has unstaged changes.
import { spawnSync } from "node:child_process";

const GIT_TIMEOUT_MS = 60 * 1000;

/** One `git status --short` entry: the two-character code (spaces as `_`) and the path. */
export interface FileStatus {
  status: string;
  path: string;
  origPath: string | null;
}

/** git's output lines in `dir`, or null when git fails there (not a repository, no git): Guild's UnsupportedRepo. */
function gitLines(dir: string, args: string[], env: Readonly<Record<string, string | undefined>>): string[] | null {
  const result = spawnSync("git", args, { cwd: dir, encoding: "utf8", timeout: GIT_TIMEOUT_MS, env: env as NodeJS.ProcessEnv });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split(/\r?\n/).filter((line) => line !== "");
}

/** `git status --short --renames .` decoded, or null outside a git repository. */
export function vcsStatus(dir: string, env: Readonly<Record<string, string | undefined>>): FileStatus[] | null {
  const lines = gitLines(dir, ["status", "--short", "--renames", "."], env);
  return lines?.map((line) => {
    const [filePath, origPath] = splitRename(line.slice(3));
    return { status: line.slice(0, 2).replaceAll(" ", "_"), path: filePath, origPath };
  }) ?? null;
}

function splitRename(text: string): [string, string | null] {
  const at = text.indexOf(" -> ");
  return at === -1 ? [text, null] : [text.slice(at + 4), text.slice(0, at)];
}

/** Files git tracks in dir plus untracked files it does not ignore, or null outside a git repository. */
export function vcsFiles(dir: string, env: Readonly<Record<string, string | undefined>>): string[] | null {
  const tracked = gitLines(dir, ["ls-files"], env);
  const untracked = tracked && gitLines(dir, ["ls-files", "--other", "--exclude-standard"], env);
  return tracked && untracked ? [...tracked, ...untracked] : null;
}

/** Whether a file has unstaged changes: the first status entry its path starts with has a second code other than `_`. */
export function isUnstaged(file: string, statuses: FileStatus[]): boolean {
  const entry = statuses.find((status) => file.startsWith(status.path));
  return entry !== undefined && entry.status[1] !== "_";
}
