// Who may import whom in impl/: the CLI kit imports nothing of the domain; the domain imports neither the kit nor the commands.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const implDir = path.dirname(fileURLToPath(import.meta.url));

/** Every .ts file under `dir` (relative to impl/), tests included or not; none when the folder is gone. */
function sources(dir: string, withTests: boolean): string[] {
  const root = path.join(implDir, dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && (withTests || !name.endsWith(".test.ts")))
    .map((name) => path.join(dir, name));
}

const IMPORT = /\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s+["']([^"']+)["']/gm;

/** The impl/-relative paths (e.g. `runs/run.ts`) a source file imports; packages and node: modules are left out. */
function importedPaths(file: string): string[] {
  const text = fs.readFileSync(path.join(implDir, file), "utf8");
  const paths: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier.startsWith(".")) continue;
    const resolved = path.relative(implDir, path.resolve(path.dirname(path.join(implDir, file)), specifier));
    paths.push(resolved.replace(/\.js$/, ".ts"));
  }
  return paths;
}

/** A folder (`ops/`) matches everything in it; a file (`cli.ts`) matches itself. */
const isUnder = (imported: string, target: string) => (target.endsWith("/") ? imported.startsWith(target) : imported === target);

const DOMAIN = ["batch/", "ops/", "steps/", "runs/", "deps/", "flags/", "scalars/", "compare/", "guildfile/"];
const COMMAND_LAYER = ["commands/", "cli.ts", "main.ts", "context.ts", "home.ts"];

const rules: { who: string; files: string[]; mayNotImport: string[] }[] = [
  { who: "the CLI kit (impl/cli/), tests included", files: sources("cli", true), mayNotImport: [...DOMAIN, ...COMMAND_LAYER] },
  ...["batch", "ops", "steps", "runs", "deps", "flags", "scalars", "compare"].map((dir) => ({
    // A domain test may drive the real command layer (e.g. steps parse run specs with guild run's own options).
    who: `impl/${dir}/ (tests left out)`,
    files: sources(dir, false),
    mayNotImport: ["cli/", "cli.ts", "commands/", "main.ts"],
  })),
];

describe("import direction", () => {
  const named = rules.map((rule) => ({ ...rule, forbidden: rule.mayNotImport.join(" ") }));
  test.each(named)("$who imports none of: $forbidden", ({ files, mayNotImport }) => {
    const violations = files.flatMap((file) =>
      importedPaths(file)
        .filter((imported) => mayNotImport.some((target) => isUnder(imported, target)))
        .map((imported) => `${file} imports ${imported}`),
    );
    expect(violations).toEqual([]);
  });

  test("the rules see the files and imports they are about", () => {
    expect(sources("cli", true)).toContain(path.join("cli", "parse.ts"));
    expect(importedPaths(path.join("commands", "run.ts"))).toEqual(expect.arrayContaining(["cli/parse.ts", "batch/run-batch.ts", "commands/invoke.ts"]));
  });
});
