// Temporary folders the harness makes: removed when done with, or at the latest when the process exits.
import { dir, setGracefulCleanup } from "tmp-promise";

export interface TempDir {
  /** The folder's real path (symlinks in the temp root resolved). */
  path: string;
  /** Removes the folder and everything in it; does nothing for a kept folder. */
  remove: () => Promise<void>;
}

export interface TempDirOptions {
  /** Folder to make it in (default: the OS temp folder). */
  parent?: string;
  /** Leave the folder on disk for good, even at exit. */
  keep?: boolean;
}

/** A new empty folder named `<prefix>-<pid>-<random>`. */
export async function createTempDir(prefix: string, options: TempDirOptions = {}): Promise<TempDir> {
  const keep = options.keep ?? false;
  const created = await dir({ prefix, tmpdir: options.parent, unsafeCleanup: true, keep });
  return { path: created.path, remove: keep ? async () => {} : created.cleanup };
}

/** For entry points: any temp folder not removed yet (and not kept) goes when the process exits. */
export function removeTempDirsOnExit(): void {
  setGracefulCleanup();
}
