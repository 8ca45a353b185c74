// File and path helpers (path, realpath, cat, write, find, dir, ...) with Python os semantics.
import fs from "node:fs";
import path from "node:path";
import { fnmatch } from "../../lib/python/fnmatch.js";
import { PyError, pyBool, pyFunction, pyList, pyNone, pyStr, type PyValue } from "../py/index.js";
import { bindArgs, type Param } from "./args.js";
import { expectStr, strList } from "./convert.js";
import { compareNatural } from "../../lib/python/natsort.js";
import { resolvePath, type HelperState } from "./state.js";

export function fileGlobals(state: HelperState): Record<string, PyValue> {
  const resolve = (value: PyValue, what = "path") => resolvePath(state, expectStr(value, what));
  const predicate = (name: string, test: (target: string) => boolean) =>
    pyFunction(name, (args, kwargs) => pyBool(test(resolve(bindArgs(name, [{ name: "path" }], args, kwargs).get("path")!))));
  return {
    path: pyFunction("path", (args) => pyStr(joinPath(args.map((part) => expectStr(part, "path part"))))),
    abspath: pyFunction("abspath", (args, kwargs) => pyStr(resolve(bindArgs("abspath", [{ name: "path" }], args, kwargs).get("path")!))),
    realpath: pyFunction("realpath", (args, kwargs) => pyStr(guildRealpath(resolve(bindArgs("realpath", [{ name: "path" }], args, kwargs).get("path")!)))),
    basename: pyFunction("basename", (args) => pyStr(pythonBasename(expectStr(args[0] ?? pyNone, "path")))),
    dirname: pyFunction("dirname", (args) => pyStr(pythonDirname(expectStr(args[0] ?? pyNone, "path")))),
    relpath: pyFunction("relpath", (args, kwargs) => {
      const bound = bindArgs("relpath", [{ name: "path" }, { name: "start", default: pyNone }], args, kwargs);
      const start = bound.get("start")!;
      const from = start.kind === "none" ? state.sandbox.cwd : resolve(start, "start");
      return pyStr(path.relative(from, resolve(bound.get("path")!)) || ".");
    }),
    exists: predicate("exists", (target) => fs.existsSync(target)),
    isdir: predicate("isdir", (target) => fs.existsSync(target) && fs.statSync(target).isDirectory()),
    isfile: predicate("isfile", (target) => fs.existsSync(target) && fs.statSync(target).isFile()),
    islink: predicate("islink", (target) => isSymlink(target)),
    cat: pyFunction("cat", (args) => {
      const target = resolvePath(state, joinPath(args.map((part) => expectStr(part, "path part"))));
      const text = readText(target);
      state.print(text === "" ? "<empty>\n" : text + "\n");
    }),
    write: pyFunction("write", (args, kwargs) => {
      const bound = bindArgs("write", WRITE_PARAMS, args, kwargs);
      const target = resolve(bound.get("filename")!, "filename");
      const contents = expectStr(bound.get("contents")!, "contents");
      const append = bound.get("append")!;
      guardOs(target, () => (append.kind === "bool" && append.value ? fs.appendFileSync(target, contents) : fs.writeFileSync(target, contents)));
    }),
    mkdir: pyFunction("mkdir", (args, kwargs) => {
      const target = resolve(bindArgs("mkdir", [{ name: "path" }], args, kwargs).get("path")!);
      guardOs(target, () => fs.mkdirSync(target));
    }),
    touch: pyFunction("touch", (args, kwargs) => {
      const target = resolve(bindArgs("touch", [{ name: "filename" }], args, kwargs).get("filename")!);
      guardOs(target, () => {
        fs.appendFileSync(target, "");
        const now = new Date();
        fs.utimesSync(target, now, now);
      });
    }),
    rm: pyFunction("rm", (args, kwargs) => {
      const bound = bindArgs("rm", [{ name: "path" }, { name: "force", default: pyBool(false) }], args, kwargs);
      const target = resolve(bound.get("path")!);
      const force = bound.get("force")!;
      if (force.kind === "bool" && force.value && !fs.existsSync(target)) return;
      guardOs(target, () => fs.unlinkSync(target));
    }),
    symlink: pyFunction("symlink", (args, kwargs) => {
      const bound = bindArgs("symlink", [{ name: "src" }, { name: "dst" }], args, kwargs);
      const target = resolve(bound.get("dst")!, "dst");
      guardOs(target, () => fs.symlinkSync(expectStr(bound.get("src")!, "src"), target));
    }),
    find: pyFunction("find", (args, kwargs) => {
      const bound = bindArgs("find", FIND_PARAMS, args, kwargs);
      const root = resolve(bound.get("root")!, "root");
      const followLinks = isTrue(bound.get("followlinks")!);
      const includeDirs = isTrue(bound.get("includedirs")!);
      const ignore = strList(bound.get("ignore"), "ignore") ?? [];
      const found = walk(root, followLinks, includeDirs)
        .filter((relative) => !ignore.some((pattern) => fnmatch(relative, pattern)))
        .sort(compareNatural);
      state.print(found.length === 0 ? "<empty>\n" : found.map((line) => line + "\n").join(""));
    }),
    dir: pyFunction("dir", (args, kwargs) => {
      const bound = bindArgs("dir", [{ name: "path", default: pyStr(".") }, { name: "ignore", default: pyNone }], args, kwargs);
      const target = resolve(bound.get("path")!);
      const ignore = strList(bound.get("ignore"), "ignore") ?? [];
      const names = guardOs(target, () => fs.readdirSync(target))
        .filter((name) => !ignore.some((pattern) => fnmatch(name, pattern)))
        .sort();
      return pyList(names.map(pyStr));
    }),
  };
}

const WRITE_PARAMS: Param[] = [{ name: "filename" }, { name: "contents" }, { name: "append", default: pyBool(false) }];
const FIND_PARAMS: Param[] = [
  { name: "root" },
  { name: "followlinks", default: pyBool(false) },
  { name: "includedirs", default: pyBool(false) },
  { name: "ignore", default: pyNone },
];

function isTrue(value: PyValue): boolean {
  return value.kind === "bool" ? value.value : value.kind !== "none";
}

/** os.path.join: an absolute part restarts the path. */
export function joinPath(parts: string[]): string {
  if (parts.length === 0) throw new PyError("TypeError", "join() missing 1 required positional argument: 'a'");
  let result = "";
  for (const part of parts) {
    if (part.startsWith("/")) result = part;
    else if (result === "" || result.endsWith("/")) result += part;
    else result += "/" + part;
  }
  return result;
}

export function pythonBasename(target: string): string {
  return target.slice(target.lastIndexOf("/") + 1);
}

export function pythonDirname(target: string): string {
  const head = target.slice(0, target.lastIndexOf("/") + 1);
  return /^\/+$/.test(head) ? head : head.replace(/\/+$/, "");
}

/** Guild's realpath: a symlink is read once and joined to its directory; anything else is resolved. */
function guildRealpath(target: string): string {
  try {
    const link = fs.readlinkSync(target);
    return path.resolve(path.dirname(target), link);
  } catch {
    try {
      return fs.realpathSync(target);
    } catch {
      return target;
    }
  }
}

function isSymlink(target: string): boolean {
  try {
    return fs.lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
}

function readText(target: string): string {
  return guardOs(target, () => fs.readFileSync(target, "utf8"));
}

/** Python's os.walk listing: files, plus directories when asked and symlinked directories always. */
export function walk(root: string, followLinks: boolean, includeDirs: boolean): string[] {
  const found: string[] = [];
  const visit = (dir: string, relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
      if (isDir) {
        if (includeDirs || entry.isSymbolicLink()) found.push(rel);
        if (!entry.isSymbolicLink() || followLinks) visit(full, rel);
      } else {
        found.push(rel);
      }
    }
  };
  visit(root, "");
  return found;
}

function isDirectory(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Runs a file-system call, turning Node's errors into Python's OSError family. */
export function guardOs<T>(target: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known: Record<string, [string, number, string]> = {
      ENOENT: ["FileNotFoundError", 2, "No such file or directory"],
      EEXIST: ["FileExistsError", 17, "File exists"],
      EISDIR: ["IsADirectoryError", 21, "Is a directory"],
      ENOTDIR: ["NotADirectoryError", 20, "Not a directory"],
      EACCES: ["PermissionError", 13, "Permission denied"],
      EPERM: ["PermissionError", 1, "Operation not permitted"],
    };
    const match = code ? known[code] : undefined;
    if (!match) throw error;
    throw new PyError(match[0], `[Errno ${match[1]}] ${match[2]}: '${target}'`);
  }
}
