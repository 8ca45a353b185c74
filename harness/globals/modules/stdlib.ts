// Small standard modules: sys, time, hashlib, glob, filecmp, shlex and pprint, as far as transcripts use them.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { compareCodePoints } from "../../../lib/python/str-order.js";
import { shellQuote, shellSplit, ShlexError } from "../../../lib/python/shlex.js";
import { PyError, pyFloat, pyFunction, pyInt, pyList, pyModule, pyNone, pyObject, pyStr, pyTuple, typeNameOf, type PyValue } from "../../py/index.js";
import { pformat } from "../../py/pprint.js";
import { pyBytes } from "../../py/values.js";
import { bindArgs } from "../args.js";
import { expectNumber, expectStr } from "../convert.js";
import { resolvePath, type HelperState } from "../state.js";
import { globPaths } from "../../../lib/python/glob.js";
import { stdout } from "./streams.js";

export function sysModule(state: HelperState): PyValue {
  return pyModule("sys", {
    platform: pyStr("linux"),
    executable: pyStr("python"),
    argv: pyList([pyStr("")]),
    path: pyList([]),
    version_info: pyTuple([pyInt(3), pyInt(10), pyInt(0), pyStr("final"), pyInt(0)]),
    maxsize: pyInt(2n ** 63n - 1n),
    stdout: stdout(state),
    stderr: stdout(state),
    exit: pyFunction("exit", (args) => {
      const error = new PyError("SystemExit", args[0] === undefined || args[0].kind === "none" ? "" : args[0].kind === "str" ? args[0].value : String(expectNumber(args[0], "code")));
      throw error;
    }),
  });
}

export function timeModule(state: HelperState): PyValue {
  return pyModule("time", {
    time: pyFunction("time", () => pyFloat((state.host.wallClock ?? state.host.now)() / 1000)),
    sleep: pyFunction("sleep", async (args) => {
      const seconds = expectNumber(args[0] ?? pyNone, "secs");
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));
    }),
  });
}

/** hashlib: md5, sha1, sha256, sha512 objects with update(), digest() and hexdigest(). */
export function hashlibModule(): PyValue {
  const constructor = (algorithm: string) => pyFunction(algorithm, (args) => {
    const hash = crypto.createHash(algorithm);
    const object = pyObject(`_hashlib.HASH`, {
      name: pyStr(algorithm),
      update: pyFunction("update", (data) => void hash.update(bytesOf(data[0]))),
      hexdigest: pyFunction("hexdigest", () => pyStr(hash.copy().digest("hex"))),
      digest: pyFunction("digest", () => pyBytes(Uint8Array.from(hash.copy().digest()))),
    });
    if (args[0] !== undefined) hash.update(bytesOf(args[0]));
    return object;
  });
  return pyModule("hashlib", { md5: constructor("md5"), sha1: constructor("sha1"), sha256: constructor("sha256"), sha512: constructor("sha512") });
}

function bytesOf(value: PyValue | undefined): Uint8Array {
  if (value?.kind === "bytes") return value.value;
  if (value?.kind === "str") throw new PyError("TypeError", "Strings must be encoded before hashing");
  throw new PyError("TypeError", `object supporting the buffer API required, not ${value ? typeNameOf(value) : "nothing"}`);
}

/** glob.glob(pattern): matches of each path segment, in directory order. */
export function globModule(state: HelperState): PyValue {
  return pyModule("glob", {
    glob: pyFunction("glob", (args, kwargs) => {
      const pattern = expectStr(bindArgs("glob", [{ name: "pathname" }, { name: "recursive", default: pyNone }], args, kwargs).get("pathname")!, "pathname");
      return pyList(globPaths(pattern, { resolve: (relative) => resolvePath(state, relative || ".") }).map(pyStr));
    }),
  });
}

/** filecmp.cmpfiles(a, b, names, shallow=True) -> (same, different, errors), comparing contents. */
export function filecmpModule(state: HelperState): PyValue {
  return pyModule("filecmp", {
    cmpfiles: pyFunction("cmpfiles", (args, kwargs) => {
      const bound = bindArgs("cmpfiles", [{ name: "a" }, { name: "b" }, { name: "common" }, { name: "shallow", default: pyNone }], args, kwargs);
      const left = resolvePath(state, expectStr(bound.get("a")!, "a"));
      const right = resolvePath(state, expectStr(bound.get("b")!, "b"));
      const common = bound.get("common")!;
      const names = common.kind === "list" || common.kind === "tuple" ? common.items : common.kind === "set" ? [...common.entries.values()] : [];
      const same: PyValue[] = [];
      const different: PyValue[] = [];
      const errors: PyValue[] = [];
      for (const name of names) {
        const relative = expectStr(name, "name");
        const verdict = compareFiles(path.join(left, relative), path.join(right, relative));
        (verdict === null ? errors : verdict ? same : different).push(name);
      }
      return pyTuple([pyList(same), pyList(different), pyList(errors)]);
    }),
    cmp: pyFunction("cmp", (args) => {
      const verdict = compareFiles(resolvePath(state, expectStr(args[0] ?? pyNone, "f1")), resolvePath(state, expectStr(args[1] ?? pyNone, "f2")));
      if (verdict === null) throw new PyError("FileNotFoundError", "[Errno 2] No such file or directory");
      return { kind: "bool", value: verdict };
    }),
  });
}

/** Whether two files have the same contents; null when either cannot be read. */
function compareFiles(left: string, right: string): boolean | null {
  try {
    return fs.readFileSync(left).equals(fs.readFileSync(right));
  } catch {
    return null;
  }
}

export function shlexModule(): PyValue {
  return pyModule("shlex", {
    quote: pyFunction("quote", (args) => pyStr(shellQuote(expectStr(args[0] ?? pyNone, "s")))),
    split: pyFunction("split", (args) => {
      try {
        return pyList(shellSplit(expectStr(args[0] ?? pyNone, "s")).map(pyStr));
      } catch (error) {
        if (error instanceof ShlexError) throw new PyError("ValueError", error.message);
        throw error;
      }
    }),
    join: pyFunction("join", (args) => {
      const words = args[0];
      const items = words?.kind === "list" || words?.kind === "tuple" ? words.items : [];
      return pyStr(items.map((item) => shellQuote(expectStr(item, "word"))).join(" "));
    }),
  });
}

/** pprint.pprint and pprint.pformat (width 80, sorted dicts). */
export function pprintFunctions(state: HelperState): { pprint: PyValue; pformat: PyValue } {
  return {
    pprint: pyFunction("pprint", (args) => {
      state.print(pformat(args[0] ?? pyNone) + "\n");
    }),
    pformat: pyFunction("pformat", (args) => pyStr(pformat(args[0] ?? pyNone))),
  };
}

export function pprintModule(state: HelperState): PyValue {
  return pyModule("pprint", pprintFunctions(state));
}

/** file_util.find: paths under root, relative, sorted by code point; symlinked dirs listed, not entered unless followed. */
export function sortedPaths(paths: string[]): string[] {
  return [...paths].sort(compareCodePoints);
}
