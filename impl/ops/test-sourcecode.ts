// `guild run --test-sourcecode`: which files a run of the op would copy as source code, in Guild's words.
import path from "node:path";
import type { OpDef } from "../../lib/guildfile/index.js";
import type { Io } from "../io.js";
import { projectLocalDependencyPaths } from "./op-resources.js";
import { testSourceCode, type SourceCodeTest } from "./sourcecode.js";

/** Guild's report (run_impl._test_sourcecode); paths are relative to the current directory. */
export function formatSourceCodeTest(test: SourceCodeTest, cwd: string): string {
  const shown = (relpath: string) => path.relative(cwd, path.join(test.root, relpath)) + (relpath.endsWith("/") ? "/" : "");
  const rootDesc = path.resolve(test.root) === path.resolve(cwd) ? "the current directory" : `'${path.relative(cwd, test.root)}'`;
  const lines = [`Copying from ${rootDesc}`, "Rules:", ...test.rules.map((rule) => `  ${rule}`)];
  if (test.disabled) lines.push("Source code copy disabled");
  else lines.push("Selected for copy:", ...test.selected.map((file) => `  ${shown(file)}`), "Skipped:", ...test.skipped.map((file) => `  ${shown(file)}`));
  return lines.map((line) => `${line}\n`).join("");
}

/** Prints the source code selection for the op without running it. */
export function showSourceCodeTest(opdef: OpDef, io: Io): void {
  const warn = (message: string) => io.stderr(`WARNING: ${message}\n`);
  io.stdout(formatSourceCodeTest(testSourceCode(opdef, warn, projectLocalDependencyPaths(opdef), io.env), io.cwd));
}
