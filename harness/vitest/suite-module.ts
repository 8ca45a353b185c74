// Which module runs a transcript's examples: the prebuilt dist/transcript-suite.mjs while it is current, else its source.
import fs from "node:fs";
import path from "node:path";

/** Where the suite module and its prebuilt form live, under the repository's root. */
export function suiteModulePaths(root: string) {
  return {
    source: path.join(root, "harness", "vitest", "transcript-suite.ts"),
    /** transcript-suite.ts and the harness it imports, bundled by scripts/build.mjs. */
    prebuilt: path.join(root, "dist", "transcript-suite.mjs"),
    /** The build's list of the files it bundled, relative to the root: `{ "inputs": [...] }`. */
    inputs: path.join(root, "dist", "transcript-suite.inputs.json"),
  };
}

/**
 * The module transcripts import to run their examples. Loading the harness as one prebuilt file
 * Node compiles itself, rather than a hundred modules vite transforms and evaluates one by one,
 * saves each vitest process a second or more. The prebuilt file is used only while it is current:
 * it exists and no file it was built from is missing or newer. In watch mode the source is used
 * always, so that an edit to the harness shows in the next re-run.
 */
export function transcriptSuiteModule(root: string, watch: boolean): string {
  const paths = suiteModulePaths(root);
  if (watch) return paths.source;
  return prebuiltIsCurrent(root, paths.prebuilt, paths.inputs) ? paths.prebuilt : paths.source;
}

function prebuiltIsCurrent(root: string, prebuilt: string, inputsFile: string): boolean {
  const built = fs.statSync(prebuilt, { throwIfNoEntry: false });
  if (!built) return false;
  let inputs: unknown;
  try {
    inputs = (JSON.parse(fs.readFileSync(inputsFile, "utf8")) as { inputs?: unknown }).inputs;
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  return inputs.every((input) => {
    if (typeof input !== "string") return false;
    const source = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    return source !== undefined && source.mtimeMs <= built.mtimeMs;
  });
}
