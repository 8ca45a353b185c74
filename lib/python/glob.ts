// Python's glob.glob: `*`, `?` and `[...]` match within one path segment, hidden names only when the segment names them.
import fs from "node:fs";
import { fnmatch } from "./fnmatch.js";

export interface GlobOptions {
  /** Where a relative match is on disk (the pattern's own directory by default). */
  resolve?: (relative: string) => string;
  /** List each directory's names sorted, not in directory order. */
  sortNames?: boolean;
}

const hasMagic = (text: string) => /[*?[]/.test(text);

/** os.path.split: the head loses its trailing separators unless it is all separators. */
function split(pathname: string): [string, string] {
  const index = pathname.lastIndexOf("/") + 1;
  let head = pathname.slice(0, index);
  if (head && !/^\/+$/.test(head)) head = head.replace(/\/+$/, "");
  return [head, pathname.slice(index)];
}

/** os.path.join for two parts. */
function join(dir: string, name: string): string {
  if (name.startsWith("/") || dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

/** The paths matching `pattern`, written as the pattern writes them (glob._iglob's recursion over os.path.split). */
export function globPaths(pattern: string, options: GlobOptions = {}): string[] {
  const resolve = options.resolve ?? ((relative: string) => relative || ".");
  const exists = (relative: string) => fs.existsSync(resolve(relative)) || isLink(resolve(relative));
  const isDirectory = (relative: string) => {
    try {
      return fs.statSync(resolve(relative)).isDirectory();
    } catch {
      return false;
    }
  };
  const namesIn = (dir: string, segment: string): string[] => {
    let names: string[];
    try {
      names = fs.readdirSync(resolve(dir));
    } catch {
      return [];
    }
    if (options.sortNames) names.sort();
    return names.filter((name) => (!name.startsWith(".") || segment.startsWith(".")) && fnmatch(name, segment));
  };
  const literalIn = (dir: string, name: string): string[] => {
    if (name === "") return isDirectory(dir) ? [name] : [];
    return exists(join(dir, name)) ? [name] : [];
  };
  const iglob = (pathname: string): string[] => {
    const [dirname, basename] = split(pathname);
    if (!hasMagic(pathname)) return (basename ? exists(pathname) : isDirectory(dirname)) ? [pathname] : [];
    if (!dirname) return namesIn("", basename);
    const dirs = dirname !== pathname && hasMagic(dirname) ? iglob(dirname) : [dirname];
    const inDir = hasMagic(basename) ? namesIn : literalIn;
    return dirs.flatMap((dir) => inDir(dir, basename).map((name) => join(dir, name)));
  };
  return pattern === "" ? [] : iglob(pattern);
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
