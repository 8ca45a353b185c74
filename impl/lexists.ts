// os.path.lexists: whether a path exists, counting a dangling symlink as existing.
import { lstatSync } from "node:fs";

export function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
