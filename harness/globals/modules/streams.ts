// File objects: open() over the sandbox's files, sys.stdout, and reading or writing whatever has read()/write().
import fs from "node:fs";
import { PyError, pyBool, pyFunction, pyInt, pyList, pyNone, pyObject, pyStr, typeNameOf, type PyObject, type PyValue } from "../../py/index.js";
import { pyBytes } from "../../py/values.js";
import { bindArgs } from "../args.js";
import { expectStr } from "../convert.js";
import { guardOs } from "../files.js";
import { resolvePath, type HelperState } from "../state.js";

/** open(file, mode="r"): the whole file is read at open (or written at each write), as text or bytes. */
export function openFile(state: HelperState, args: PyValue[], kwargs: Map<string, PyValue>): PyObject {
  const bound = bindArgs("open", [{ name: "file" }, { name: "mode", default: pyStr("r") }, { name: "encoding", default: pyNone }], args, kwargs);
  const target = resolvePath(state, expectStr(bound.get("file")!, "file"));
  const mode = expectStr(bound.get("mode")!, "mode");
  if (!/^[rwax]b?t?\+?$|^[rwax]t?b?\+?$/.test(mode)) throw new PyError("ValueError", `invalid mode: '${mode}'`);
  const binary = mode.includes("b");
  const name = pyStr(expectStr(bound.get("file")!, "file"));
  let closed = false;
  const checkOpen = () => {
    if (closed) throw new PyError("ValueError", "I/O operation on closed file.");
  };
  const file = pyObject(binary ? "BufferedReader" : "TextIOWrapper", { name, mode: pyStr(mode) });
  const attrs = file.attrs;
  if (mode.startsWith("r")) {
    const data = guardOs(target, () => fs.readFileSync(target));
    let position = 0;
    const text = binary ? "" : data.toString("utf8");
    const rest = () => {
      checkOpen();
      const value = binary ? pyBytes(Uint8Array.from(data.subarray(position))) : pyStr(text.slice(position));
      position = binary ? data.length : text.length;
      return value;
    };
    attrs.set("read", pyFunction("read", rest));
    attrs.set("readlines", pyFunction("readlines", () => {
      const value = rest();
      if (value.kind !== "str") throw new PyError("NotImplementedError", "readlines() of a binary file");
      return pyList((value.value.match(/[^\n]*\n|[^\n]+$/g) ?? []).map(pyStr));
    }));
  } else {
    guardOs(target, () => (mode.startsWith("a") ? fs.appendFileSync(target, "") : fs.writeFileSync(target, "", { flag: mode.startsWith("x") ? "wx" : "w" })));
    attrs.set("write", pyFunction("write", (writeArgs) => {
      checkOpen();
      const value = writeArgs[0];
      if (binary ? value?.kind !== "bytes" : value?.kind !== "str") {
        throw new PyError("TypeError", binary ? `a bytes-like object is required, not '${value ? typeNameOf(value) : "nothing"}'` : `write() argument must be str, not ${value ? typeNameOf(value) : "nothing"}`);
      }
      if (value.kind === "bytes") {
        guardOs(target, () => fs.appendFileSync(target, value.value));
        return pyInt(value.value.length);
      }
      const text = (value as { value: string }).value;
      guardOs(target, () => fs.appendFileSync(target, text));
      return pyInt([...text].length);
    }));
  }
  attrs.set("close", pyFunction("close", () => void (closed = true)));
  attrs.set("closed", pyBool(false));
  attrs.set("__enter__", pyFunction("__enter__", () => file));
  attrs.set("__exit__", pyFunction("__exit__", () => {
    closed = true;
    return pyBool(false);
  }));
  return file;
}

/** sys.stdout: write() prints to the example's output. */
export function stdout(state: HelperState): PyObject {
  return pyObject("TextIOWrapper", {
    name: pyStr("<stdout>"),
    write: pyFunction("write", (args) => {
      const text = expectStr(args[0] ?? pyNone, "write() argument");
      state.print(text);
      return pyInt([...text].length);
    }),
    flush: pyFunction("flush", () => pyNone),
  });
}

/** Reads a file-like value (anything with read()) to its end, as text. */
export async function readStream(value: PyValue | undefined, caller: string): Promise<string> {
  const read = value?.kind === "object" ? value.attrs.get("read") : undefined;
  if (read?.kind !== "function") throw new PyError("AttributeError", `'${value ? typeNameOf(value) : "NoneType"}' object has no attribute 'read'`);
  const result = await read.impl([], new Map());
  if (result?.kind === "str") return result.value;
  if (result?.kind === "bytes") return new TextDecoder().decode(result.value);
  throw new PyError("TypeError", `${caller}(): read() returned ${result ? typeNameOf(result) : "None"}`);
}

/** Writes text to a file-like value (anything with write()). */
export async function writeStream(value: PyValue | undefined, text: string, caller: string): Promise<void> {
  const write = value?.kind === "object" ? value.attrs.get("write") : undefined;
  if (write?.kind !== "function") throw new PyError("AttributeError", `${caller}(): '${value ? typeNameOf(value) : "NoneType"}' object has no attribute 'write'`);
  await write.impl([pyStr(text)], new Map());
}
