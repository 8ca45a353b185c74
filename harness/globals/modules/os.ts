// The os and os.path modules over the sandbox: paths resolve from the transcript's current directory.
import fs from "node:fs";
import path from "node:path";
import { PyError, dictGet, pyBool, pyFunction, pyInt, pyIterator, pyList, pyModule, pyNone, pyStr, pyTuple, type PyValue } from "../../py/index.js";
import { bindArgs } from "../args.js";
import { expectNumber, expectStr } from "../convert.js";
import { fileGlobals, guardOs, pythonBasename, pythonDirname } from "../files.js";
import { resolvePath, type HelperState } from "../state.js";

export function osPathModule(state: HelperState): PyValue {
  const files = fileGlobals(state);
  const text = (args: PyValue[], name: string) => expectStr(bindArgs(name, [{ name: "path" }], args, new Map()).get("path")!, "path");
  return pyModule("posixpath", {
    join: files.path!,
    exists: files.exists!,
    isdir: files.isdir!,
    isfile: files.isfile!,
    islink: files.islink!,
    abspath: files.abspath!,
    realpath: files.realpath!,
    basename: files.basename!,
    dirname: files.dirname!,
    relpath: files.relpath!,
    isabs: pyFunction("isabs", (args) => pyBool(text(args, "isabs").startsWith("/"))),
    split: pyFunction("split", (args) => {
      const target = text(args, "split");
      return pyTuple([pyStr(pythonDirname(target)), pyStr(pythonBasename(target))]);
    }),
    splitext: pyFunction("splitext", (args) => {
      const target = text(args, "splitext");
      const base = pythonBasename(target);
      const dot = base.lastIndexOf(".");
      if (dot <= 0 || /^\.+$/.test(base.slice(0, dot + 1))) return pyTuple([pyStr(target), pyStr("")]);
      const cut = target.length - base.length + dot;
      return pyTuple([pyStr(target.slice(0, cut)), pyStr(target.slice(cut))]);
    }),
    normpath: pyFunction("normpath", (args) => pyStr(path.posix.normalize(text(args, "normpath")).replace(/\/$/, "") || "/")),
    expanduser: pyFunction("expanduser", (args) => {
      const target = text(args, "expanduser");
      return pyStr(target === "~" || target.startsWith("~/") ? state.sandbox.home + target.slice(1) : target);
    }),
    getsize: pyFunction("getsize", (args) => {
      const target = resolvePath(state, text(args, "getsize"));
      return pyInt(guardOs(target, () => fs.statSync(target).size));
    }),
    sep: pyStr("/"),
    pathsep: pyStr(":"),
  });
}

export function osModule(state: HelperState, osPath: PyValue, chdir: PyValue): PyValue {
  const files = fileGlobals(state);
  const resolveArg = (args: PyValue[], kwargs: Map<string, PyValue>, name: string) =>
    resolvePath(state, expectStr(bindArgs(name, [{ name: "path" }], args, kwargs).get("path")!, "path"));
  return pyModule("os", {
    path: osPath,
    sep: pyStr("/"),
    pathsep: pyStr(":"),
    linesep: pyStr("\n"),
    name: pyStr("posix"),
    environ: state.env,
    getenv: pyFunction("getenv", (args, kwargs) => {
      const bound = bindArgs("getenv", [{ name: "key" }, { name: "default", default: pyNone }], args, kwargs);
      return dictGet(state.env, bound.get("key")!) ?? bound.get("default")!;
    }),
    getcwd: pyFunction("getcwd", () => pyStr(state.sandbox.cwd)),
    chdir,
    listdir: pyFunction("listdir", (args, kwargs) => {
      const target = resolvePath(state, expectStr(bindArgs("listdir", [{ name: "path", default: pyStr(".") }], args, kwargs).get("path")!, "path"));
      return pyList(guardOs(target, () => fs.readdirSync(target)).map(pyStr));
    }),
    mkdir: files.mkdir!,
    makedirs: pyFunction("makedirs", (args, kwargs) => {
      const bound = bindArgs("makedirs", [{ name: "name" }, { name: "mode", default: pyInt(0o777) }, { name: "exist_ok", default: pyBool(false) }], args, kwargs);
      const target = resolvePath(state, expectStr(bound.get("name")!, "name"));
      const existOk = bound.get("exist_ok")!;
      if (fs.existsSync(target) && !(existOk.kind === "bool" && existOk.value)) throw new PyError("FileExistsError", `[Errno 17] File exists: '${target}'`);
      guardOs(target, () => fs.mkdirSync(target, { recursive: true }));
    }),
    remove: files.rm!,
    unlink: files.rm!,
    rmdir: pyFunction("rmdir", (args, kwargs) => {
      const target = resolveArg(args, kwargs, "rmdir");
      guardOs(target, () => fs.rmdirSync(target));
    }),
    rename: pyFunction("rename", (args, kwargs) => {
      const bound = bindArgs("rename", [{ name: "src" }, { name: "dst" }], args, kwargs);
      const source = resolvePath(state, expectStr(bound.get("src")!, "src"));
      guardOs(source, () => fs.renameSync(source, resolvePath(state, expectStr(bound.get("dst")!, "dst"))));
    }),
    symlink: files.symlink!,
    chmod: pyFunction("chmod", (args, kwargs) => {
      const bound = bindArgs("chmod", [{ name: "path" }, { name: "mode" }], args, kwargs);
      const target = resolvePath(state, expectStr(bound.get("path")!, "path"));
      guardOs(target, () => fs.chmodSync(target, expectNumber(bound.get("mode")!, "mode")));
    }),
    walk: pyFunction("walk", (args, kwargs) => {
      const top = expectStr(bindArgs("walk", [{ name: "top" }], args, kwargs).get("top")!, "top");
      return pyIterator("generator", walkTree(resolvePath(state, top), top));
    }),
  });
}

/** os.walk top-down: (dirpath, dirnames, filenames) per directory, names in directory order. */
function walkTree(root: string, shown: string): PyValue[] {
  const results: PyValue[] = [];
  const visit = (dir: string, display: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const dirs = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const others = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name);
    results.push(pyTuple([pyStr(display), pyList(dirs.map(pyStr)), pyList(others.map(pyStr))]));
    for (const name of dirs) visit(path.join(dir, name), display.endsWith("/") ? display + name : `${display}/${name}`);
  };
  visit(root, shown);
  return results;
}
