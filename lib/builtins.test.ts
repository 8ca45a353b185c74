// The lazily loaded built-ins are Node's own modules.
import crypto from "node:crypto";
import childProcess from "node:child_process";
import { expect, test } from "vitest";
import { nodeChildProcess, nodeCrypto } from "./builtins.js";

test.each([
  { name: "node:crypto", load: nodeCrypto, expected: crypto.createHash },
  { name: "node:child_process", load: nodeChildProcess, expected: childProcess.execFileSync },
])("$name", ({ load, expected }) => {
  expect(Object.values(load())).toContain(expected);
  expect(load()).toBe(load());
});
