// Node built-in modules that cost milliseconds to load and that most commands never call: loaded on first use.
// node:crypto pulls in streams and ciphers (~10 ms), node:child_process the network modules (~5 ms).
import { createRequire } from "node:module";

type Crypto = typeof import("node:crypto");
type ChildProcess = typeof import("node:child_process");

/** A require for built-in modules, which resolve the same from any base path. */
const requireBuiltin = createRequire("/");

let cryptoModule: Crypto | undefined;
let childProcessModule: ChildProcess | undefined;

export function nodeCrypto(): Crypto {
  return (cryptoModule ??= requireBuiltin("node:crypto") as Crypto);
}

export function nodeChildProcess(): ChildProcess {
  return (childProcessModule ??= requireBuiltin("node:child_process") as ChildProcess);
}
