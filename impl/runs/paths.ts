// Path display helpers Guild uses for runs: `~` for home, same-path checks, shortening to 28 chars.
import fs from "node:fs";
import path from "node:path";

/** Replaces a leading home dir with `~` (Guild's util.format_user_dir; plain prefix test). */
export function formatUserDir(dir: string, home: string | undefined): string {
  if (home && dir.startsWith(home)) return path.join("~", dir.slice(home.length + 1));
  return dir;
}

/** True when both paths resolve to the same real path. */
export function isSamePath(a: string, b: string): boolean {
  return realPath(a) === realPath(b);
}

function realPath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Shortens a path to at most maxLength by replacing middle parts with `…` (util.shorten_path). */
export function shortenPath(text: string, maxLength = 28, ellipsis = "\u2026", sep = "/"): string {
  if (text.length <= maxLength) return text;
  const parts = splitPathParts(text, sep);
  if (parts.length === 1) return parts[0];
  const right = [parts.pop() as string];
  let left: string[];
  let popRight: boolean;
  if (parts[0][0] === sep) {
    left = [];
    popRight = false;
  } else {
    left = [parts.shift() as string];
    popRight = true;
  }
  while (parts.length > 0) {
    const leftLength = left.reduce((sum, part) => sum + part.length + 1, 0);
    const rightLength = right.reduce((sum, part) => sum + part.length + 1, 0);
    const part = (popRight ? parts.pop() : parts.shift()) as string;
    if (leftLength + rightLength + part.length + ellipsis.length >= maxLength) break;
    (popRight ? right : left).push(part);
    popRight = !popRight;
  }
  const shortened = [left.join(sep), ellipsis, [...right].reverse().join(sep)].join(sep);
  return shortened.length >= text.length ? text : shortened;
}

/** Splits on sep, attaching leading/repeated separators to the following part. */
function splitPathParts(text: string, sep: string): string[] {
  if (!text) return [];
  const packed: string[] = [];
  let blanks: string[] = [];
  for (const part of text.split(sep)) {
    if (part === "") blanks.push("");
    else {
      packed.push([...blanks, part].join(sep));
      blanks = [];
    }
  }
  if (blanks.length > 1) packed.push(blanks.join(sep));
  return packed;
}
