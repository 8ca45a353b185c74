// Watch mode: a change under a sample project re-runs the transcripts that use that project.
import fs from "node:fs";
import path from "node:path";
import { findSampleProject } from "../sandbox/sandbox.js";
import { mayHoldTranscripts } from "./collection.js";

/** A file inside `samples/projects/<name>/`: group 1 is the project directory. */
export const SAMPLE_PROJECT_FILE = /^(.*\/samples\/projects\/[^/]+)\/.+$/;

/** Names of the sample projects a transcript's text passes to `use_project("...")`, or names after `$ use_project`. */
export function projectsUsedBy(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\buse_project\(\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)')/g)) names.add(match[1] ?? match[2]);
  for (const match of text.matchAll(/^ {4}\$ use_project\s+["']?([^\s"']+)["']?\s*$/gm)) names.add(match[1]);
  return [...names];
}

/**
 * The transcripts (of those given) that use the sample project holding `changedFile`: those
 * calling `use_project(name)` where the name resolves, as the sandbox resolves it, to that
 * project's directory. Empty when the file is not inside a sample project.
 */
export function transcriptsUsingProject(changedFile: string, transcripts: readonly string[], readText: (file: string) => string): string[] {
  const match = SAMPLE_PROJECT_FILE.exec(changedFile.split(path.sep).join("/"));
  if (!match) return [];
  const projectDir = path.resolve(match[1]);
  return transcripts.filter((transcript) =>
    projectsUsedBy(readText(transcript)).some((name) => {
      const found = findSampleProject(path.dirname(path.resolve(transcript)), name);
      return found !== null && path.resolve(found) === projectDir;
    }),
  );
}

/**
 * Every `.md` under `dir` outside the folders that hold no transcripts (collection.ts). Files
 * vitest's own globs leave out may be listed: vitest runs only the test files among them.
 */
export function listTranscripts(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (mayHoldTranscripts(entry.name)) found.push(...listTranscripts(child));
    } else if (entry.name.endsWith(".md")) found.push(child);
  }
  return found.sort();
}

/**
 * A vitest `watchTriggerPatterns` entry: a changed sample-project file re-runs the transcripts
 * under `root` that use the project (none: the change is ignored).
 */
export function sampleProjectTrigger(root: string) {
  return {
    pattern: SAMPLE_PROJECT_FILE,
    testsToRun: (file: string): string[] | undefined => {
      const transcripts = transcriptsUsingProject(file, listTranscripts(root), (transcript) => fs.readFileSync(transcript, "utf8"));
      return transcripts.length > 0 ? transcripts : undefined;
    },
  };
}
