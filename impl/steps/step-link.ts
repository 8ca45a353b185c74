// The symlink a stepped run keeps to each step run: `<parent>/<name>` -> `../<step run id>`.
import { symlinkSync } from "node:fs";
import { dirname, relative, sep } from "node:path";
import { lexists } from "../lexists.js";

/** Step name with space, `:`, `/` and `\` replaced by `-`. */
export function stepLinkName(stepName: string): string {
  return stepName.replace(/[ :/\\]/g, "-");
}

/** First free path among `<base>`, `<base>_2`, `<base>_3`, ... */
export function uniqueLinkPath(basePath: string, exists: (path: string) => boolean = lexists): string {
  if (!exists(basePath)) return basePath;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${basePath}_${suffix}`;
    if (!exists(candidate)) return candidate;
  }
}

/**
 * Creates the relative link from the parent run dir to the step run dir; returns the link path.
 * The path is joined as Python's os.path.join does, without normalizing: a step named `..` or `.`
 * exists already as `<parent>/..`, so its link is `<parent>/.._2` (never `runs_2` beside the runs).
 */
export function linkToStepRun(stepName: string, stepRunDir: string, parentRunDir: string): string {
  const linkPath = uniqueLinkPath(parentRunDir + sep + stepLinkName(stepName));
  symlinkSync(relative(dirname(linkPath), stepRunDir), linkPath);
  return linkPath;
}
