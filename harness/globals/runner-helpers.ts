// The rest of Guild's test_globals(): printl, shlex_quote, findl, diff, sha256, sample, Env, Chdir, open... over the sandbox.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unifiedDiff } from "../../lib/python/difflib.js";
import { shellQuote } from "../../lib/python/shlex.js";
import { compareCodePoints } from "../../lib/python/str-order.js";
import {
  PyError, dictSet, exceptionType, pyBool, pyFunction, pyList, pyNone, pyObject, pyStr, pyStrOf, type PyDict, type PyValue,
} from "../py/index.js";
import { bindArgs } from "./args.js";
import { expectStr, strDict } from "./convert.js";
import { guardOs, joinPath, walk } from "./files.js";
import { dumps } from "./modules/json.js";
import { parseJson } from "./modules/json-parse.js";
import { openFile } from "./modules/streams.js";
import { resolvePath, type HelperState } from "./state.js";

export function runnerHelperGlobals(state: HelperState): Record<string, PyValue> {
  const pathArg = (value: PyValue | undefined, what = "path") => resolvePath(state, expectStr(value ?? pyNone, what));
  return {
    RunError: exceptionType("RunError"),
    open: pyFunction("open", (args, kwargs) => openFile(state, args, kwargs)),
    printl: pyFunction("printl", (args) => {
      const items = args[0];
      if (items?.kind !== "list" && items?.kind !== "tuple") throw new PyError("TypeError", "printl() needs a list");
      for (const item of items.items) state.print(pyStrOf(item) + "\n");
    }),
    shlex_quote: pyFunction("shlex_quote", (args) => {
      const word = args[0];
      return pyStr(simplifyQuote(shellQuote(word === undefined || word.kind === "none" ? "" : expectStr(word, "s"))));
    }),
    findl: pyFunction("findl", (args, kwargs) => {
      const bound = bindArgs("findl", [{ name: "root" }, { name: "followlinks", default: pyBool(false) }, { name: "includedirs", default: pyBool(false) }, { name: "unsorted", default: pyBool(false) }], args, kwargs);
      const truthy = (name: string) => bound.get(name)!.kind === "bool" ? (bound.get(name) as { value: boolean }).value : bound.get(name)!.kind !== "none";
      const found = walk(pathArg(bound.get("root"), "root"), truthy("followlinks"), truthy("includedirs"));
      return pyList((truthy("unsorted") ? found : found.sort(compareCodePoints)).map(pyStr));
    }),
    diff: pyFunction("diff", (args, kwargs) => {
      const bound = bindArgs("diff", [{ name: "path1" }, { name: "path2" }], args, kwargs);
      const [first, second] = [expectStr(bound.get("path1")!, "path1"), expectStr(bound.get("path2")!, "path2")];
      const lines = (shown: string) => {
        const target = resolvePath(state, shown);
        const text = guardOs(target, () => fs.readFileSync(target, "utf8"));
        return (text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((line) => line.replace(/\s+$/u, ""));
      };
      for (const line of unifiedDiff(lines(first), lines(second), { fromFile: first, toFile: second, lineTerm: "" })) state.print(line + "\n");
    }),
    sha256: pyFunction("sha256", (args) => {
      const target = pathArg(args[0]);
      return pyStr(crypto.createHash("sha256").update(guardOs(target, () => fs.readFileSync(target))).digest("hex"));
    }),
    cat_json: pyFunction("cat_json", (args) => {
      const target = resolvePath(state, joinPath(args.map((part) => expectStr(part, "path part"))));
      const data = parseJson(guardOs(target, () => fs.readFileSync(target, "utf8")));
      state.print(dumps(data, { indent: "    ", itemSeparator: ",", keySeparator: ": ", sortKeys: true, ensureAscii: true }));
    }),
    copytree: pyFunction("copytree", (args) => {
      const source = pathArg(args[0], "src");
      const target = pathArg(args[1], "dest");
      guardOs(source, () => fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true, force: true }));
    }),
    copyfile: pyFunction("copyfile", (args) => {
      const source = pathArg(args[0], "src");
      let target = pathArg(args[1], "dst");
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) target = path.join(target, path.basename(source));
      guardOs(source, () => fs.copyFileSync(source, target));
    }),
    ensure_dir: pyFunction("ensure_dir", (args) => {
      const target = pathArg(args[0]);
      guardOs(target, () => fs.mkdirSync(target, { recursive: true }));
    }),
    make_executable: pyFunction("make_executable", (args) => {
      const target = pathArg(args[0]);
      guardOs(target, () => fs.chmodSync(target, fs.statSync(target).mode | 0o111));
    }),
    join_path: pyFunction("join_path", (args) => pyStr(joinPath(args.map((part) => expectStr(part, "path part"))))),
    normlf: pyFunction("normlf", (args) => pyStr(expectStr(args[0] ?? pyNone, "s").replace(/\r\n/g, "\n"))),
    which: pyFunction("which", (args) => {
      const name = expectStr(args[0] ?? pyNone, "cmd");
      const found = (state.environment().PATH ?? "").split(":").map((dir) => path.join(dir, name)).find(isExecutableFile);
      return found === undefined ? pyNone : pyStr(found);
    }),
    samples_dir: pyFunction("samples_dir", () => pyStr(state.sandbox.samplesDir())),
    sample: pyFunction("sample", (args) => pyStr(joinPath([state.sandbox.samplesDir(), ...args.map((part) => expectStr(part, "path part"))]))),
    Env: pyFunction("Env", (args, kwargs) => {
      const bound = bindArgs("Env", [{ name: "vals" }, { name: "replace", default: pyBool(false) }], args, kwargs);
      const values = strDict(bound.get("vals"), "vals") ?? new Map<string, string>();
      const replace = bound.get("replace")!;
      return envManager(state.env, values, replace.kind === "bool" && replace.value);
    }),
    Chdir: pyFunction("Chdir", (args) => cwdManager(state, pathArg(args[0]), "Chdir")),
    SetCwd: pyFunction("SetCwd", (args) => cwdManager(state, pathArg(args[0]), "SetCwd")),
    LogCapture: pyFunction("LogCapture", () => logCapture()),
  };
}

/** Guild's util.shlex_quote: shlex.quote, with a word that is one single quote inside quotes made shorter. */
function simplifyQuote(quoted: string): string {
  const start = `''"'"'`;
  const end = [...start].reverse().join("");
  if (quoted.startsWith(start) && quoted.endsWith(end) && quoted.length >= start.length + end.length) {
    return `"'` + quoted.slice(start.length, quoted.length - end.length) + `'"`;
  }
  return quoted;
}

function isExecutableFile(candidate: string): boolean {
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** A context manager: runs `enter` on the way in and `exit` on the way out; exceptions pass through. */
function contextManager(typeName: string, enter: () => PyValue | void, exit: () => void): PyValue {
  const manager = pyObject(typeName, {});
  manager.attrs.set("__enter__", pyFunction("__enter__", () => enter() ?? pyNone));
  manager.attrs.set("__exit__", pyFunction("__exit__", () => {
    exit();
    return pyBool(false);
  }));
  return manager;
}

/** util.Env: sets (or with replace, replaces) the environment commands get, and restores it after. */
function envManager(env: PyDict, values: Map<string, string>, replace: boolean): PyValue {
  let saved: Map<string, { key: PyValue; value: PyValue }> | null = null;
  return contextManager("Env", () => {
    saved = new Map(env.entries);
    if (replace) env.entries.clear();
    for (const [name, value] of values) dictSet(env, pyStr(name), pyStr(value));
  }, () => {
    if (saved === null) return;
    env.entries.clear();
    for (const [hash, entry] of saved) env.entries.set(hash, entry);
  });
}

/** util.Chdir / config.SetCwd: the current directory for the block. */
function cwdManager(state: HelperState, target: string, typeName: string): PyValue {
  let saved: string | null = null;
  return contextManager(typeName, () => {
    if (!fs.existsSync(target)) throw new PyError("FileNotFoundError", `[Errno 2] No such file or directory: '${target}'`);
    saved = state.sandbox.cwd;
    state.sandbox.cwd = target;
  }, () => {
    if (saved !== null) state.sandbox.cwd = saved;
  });
}

/** util.LogCapture: Guild's own Python logging, which no command of the CLI under test writes to: always empty. */
function logCapture(): PyValue {
  const capture = contextManager("LogCapture", () => undefined, () => undefined);
  if (capture.kind === "object") {
    capture.attrs.set("__enter__", pyFunction("__enter__", () => capture));
    capture.attrs.set("print_all", pyFunction("print_all", () => pyNone));
    capture.attrs.set("get_all", pyFunction("get_all", () => pyList([])));
  }
  return capture;
}
