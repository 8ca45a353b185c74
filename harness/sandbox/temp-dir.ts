// Temporary folders the harness makes: removed when done with, or at the latest when the process exits.
import fs from "node:fs";
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

/** A RAM file system most Linux hosts mount. */
const RAM_TEMP_ROOT = "/dev/shm";

/**
 * Where sandboxes go: TMPDIR when the environment sets it, else a RAM file system when the host
 * has a writable one, else undefined (the OS temp folder). A run writes dozens of small files;
 * on a busy disk each new file costs about a millisecond, in RAM a fiftieth of that.
 */
export function sandboxTempRoot(env: Readonly<Record<string, string | undefined>>, ramRoot = RAM_TEMP_ROOT): string | undefined {
  if (env.TMPDIR) return undefined;
  try {
    if (!fs.statSync(ramRoot).isDirectory()) return undefined;
    fs.accessSync(ramRoot, fs.constants.W_OK | fs.constants.X_OK);
    return ramRoot;
  } catch {
    return undefined;
  }
}
