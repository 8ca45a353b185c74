// The harness's folders import only the folders below them: read from the sources, not trusted.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const harnessDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(harnessDir);

/**
 * Each folder of harness/ and the folders it may import (its own always). The leaves parse,
 * interpret, match and hold the sandbox; run/ composes them; report/ renders what run/ produced;
 * conformance/ and vitest/ sit on top and never import each other.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  transcript: [],
  py: [],
  match: [],
  sandbox: [],
  globals: ["py", "sandbox"],
  run: ["transcript", "py", "match", "globals", "sandbox"],
  report: ["transcript", "match", "run"],
  conformance: ["transcript", "sandbox", "run", "report"],
  vitest: ["transcript", "sandbox", "run", "report"],
};

/** Every `.ts` file under `dir`, fixtures left out. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" || entry.name === "node_modules" ? [] : sourceFiles(child);
    return entry.name.endsWith(".ts") ? [child] : [];
  });
}

/** The relative module specifiers a source file imports or re-exports, resolved to absolute paths. */
function importedPaths(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

/** The harness folder a path is in (`run`, `match`, ...), "" for harness/ itself, null outside. */
function harnessFolderOf(target: string): string | null {
  const relative = path.relative(harnessDir, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? "" : parts[0];
}

const display = (file: string) => path.relative(repoRoot, file);

describe("harness import direction", () => {
  const files = sourceFiles(harnessDir).filter((file) => !file.endsWith(".test.ts"));

  it.each(Object.entries(MAY_IMPORT))("%s/ imports only from %j", (folder, allowed) => {
    const offending = files
      .filter((file) => harnessFolderOf(file) === folder)
      .flatMap((file) =>
        importedPaths(file)
          .filter((target) => {
            const targetFolder = harnessFolderOf(target);
            return targetFolder !== null && targetFolder !== folder && !allowed.includes(targetFolder);
          })
          .map((target) => `${display(file)} imports ${display(target)}`),
      );
    expect(offending).toEqual([]);
  });

  it("has a rule for every folder, and no source file loose at its root", () => {
    const folders = [...new Set(files.map(harnessFolderOf))];
    expect(folders.filter((folder) => folder === null || !(folder in MAY_IMPORT))).toEqual([]);
  });

  it("is never imported by impl/", () => {
    const offending = sourceFiles(path.join(repoRoot, "impl")).flatMap((file) =>
      importedPaths(file)
        .filter((target) => harnessFolderOf(target) !== null)
        .map((target) => `${display(file)} imports ${display(target)}`),
    );
    expect(offending).toEqual([]);
  });
});
