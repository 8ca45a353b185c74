// The two functions of Guild's own package that its transcripts import: file_util.files_digest and config_flags._iter_keyvals.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PyError, pyFunction, pyIterator, pyModule, pyStr, pyTuple, typeNameOf, type PyStr, type PyTuple, type PyValue } from "../../py/index.js";
import { iterateLazily } from "../../py/iteration.js";
import { defaultLimits, recursionError } from "../../py/limits.js";
import { bindArgs } from "../args.js";
import { guardOs, joinPath } from "../files.js";
import type { HelperState } from "../state.js";

/** The modules by import name; `guild` itself and any other `guild.*` module stay missing. */
export function guildModules(state: HelperState): Record<string, PyValue> {
  return {
    "guild.file_util": pyModule("guild.file_util", {
      files_digest: pyFunction("files_digest", (args, kwargs) => {
        const bound = bindArgs("files_digest", [{ name: "paths" }, { name: "root_dir" }], args, kwargs);
        return pyStr(filesDigest(state, bound.get("paths")!, bound.get("root_dir")!));
      }),
    }),
    "guild.plugins.config_flags": pyModule("guild.plugins.config_flags", {
      _iter_keyvals: pyFunction("_iter_keyvals", (args, kwargs) => {
        const data = bindArgs("_iter_keyvals", [{ name: "data" }], args, kwargs).get("data")!;
        return pyIterator("generator", iterKeyvals(data, 0));
      }),
    }),
  };
}

/**
 * Guild's files_digest(paths, root_dir): one MD5 over each path (as given, UTF-8), a NUL, the bytes
 * of root_dir/path and a NUL, in the order of `paths`.
 */
function filesDigest(state: HelperState, paths: PyValue, rootDir: PyValue): string {
  const md5 = crypto.createHash("md5");
  for (const item of iterateLazily(paths)) {
    const relative = digestPath(item);
    md5.update(encodeUtf8(relative));
    md5.update(Uint8Array.of(0));
    const joined = joinPath([rootDirText(rootDir), relative]);
    if (joined.includes("\0")) throw new PyError("ValueError", "embedded null byte");
    updateWithFile(md5, path.resolve(state.sandbox.cwd, joined), joined);
    md5.update(Uint8Array.of(0));
  }
  return md5.digest("hex");
}

/** `path.replace(os.path.sep, "/")`, a no-op for str on POSIX, and the errors of anything else. */
function digestPath(item: PyValue): string {
  if (item.kind === "str") return item.value;
  if (item.kind === "bytes") throw new PyError("TypeError", "a bytes-like object is required, not 'str'");
  throw new PyError("AttributeError", `'${typeNameOf(item)}' object has no attribute 'replace'`);
}

/** root_dir as os.path.join(root_dir, path) takes it, path being a str. */
function rootDirText(rootDir: PyValue): string {
  if (rootDir.kind === "str") return rootDir.value;
  if (rootDir.kind === "bytes") throw new PyError("TypeError", "Can't mix strings and bytes in path components");
  throw new PyError("TypeError", `expected str, bytes or os.PathLike object, not ${typeNameOf(rootDir)}`);
}

/** str.encode("UTF-8"): a lone surrogate cannot be encoded. */
function encodeUtf8(text: string): Uint8Array {
  let position = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new PyError("UnicodeEncodeError", `'utf-8' codec can't encode character '\\u${code.toString(16)}' in position ${position}: surrogates not allowed`);
    }
    position++;
  }
  return new TextEncoder().encode(text);
}

/** Adds a file's bytes, read a megabyte at a time; a pipe gives what is there, never a wait. */
function updateWithFile(md5: crypto.Hash, target: string, shown: string): void {
  const descriptor = guardOs(shown, () => fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (;;) {
      const count = guardOs(shown, () => fs.readSync(descriptor, buffer, 0, buffer.length, null));
      if (count === 0) break;
      md5.update(buffer.subarray(0, count));
    }
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Guild's _iter_keyvals(data): the leaves of nested dicts, keys joined with "." ("a.b.c"), in dict
 * order; nothing for anything but a dict. Leaves are found at the call, not as the generator runs.
 */
function iterKeyvals(data: PyValue, depth: number): PyValue[] {
  if (data.kind !== "dict") return [];
  if (depth >= defaultLimits.maxDepth) throw recursionError("while calling a Python object");
  const pairs: PyValue[] = [];
  for (const { key, value } of data.entries.values()) {
    if (value.kind !== "dict") {
      pairs.push(pyTuple([key, value]));
      continue;
    }
    for (const pair of iterKeyvals(value, depth + 1)) {
      const [name, leaf] = (pair as PyTuple).items;
      pairs.push(pyTuple([pyStr(joinKeys(key, name!)), leaf!]));
    }
  }
  return pairs;
}

/** `".".join([basename, name])`: both must be str. */
function joinKeys(basename: PyValue, name: PyValue): string {
  const parts = [basename, name];
  const index = parts.findIndex((part) => part.kind !== "str");
  if (index >= 0) throw new PyError("TypeError", `sequence item ${index}: expected str instance, ${typeNameOf(parts[index]!)} found`);
  return parts.map((part) => (part as PyStr).value).join(".");
}
