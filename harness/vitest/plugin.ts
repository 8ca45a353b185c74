// Vite plugin that turns each transcript (.md) into a test module driven by transcript-suite.ts (or its prebuilt form).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vitest/config";
import { inProcessModuleFile } from "../sandbox/in-process-module.js";
import { suiteModulePaths, transcriptSuiteModule } from "./suite-module.js";

const repoRoot = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The reference CLI as a module, which transcripts load to run `guild` in-process (see sandbox/in-process.ts). */
const inProcessCli = inProcessModuleFile(path.join(repoRoot, "dist", "bin"));

/** A pattern matching exactly `file`. */
function exactly(file: string): RegExp {
  return new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/**
 * Each transcript becomes the module transcript-module.ts writes, so vitest's task locations
 * name markdown lines. `vitest run file.md:LINE` selects a test by its location, the line of an
 * example's first prompt; the plugin widens that to any line of the example, its expected output
 * included, by moving such a line to the example's first before vitest looks for it.
 */
export function transcriptPlugin(): Plugin {
  /** vitest's watch mode, where transcripts import the suite's source (see suite-module.ts). */
  let watch = false;
  /**
   * The module that runs the examples, chosen at the first transcript: after the global setup,
   * which rebuilds the prebuilt suite when a run is not `npm test`'s.
   */
  let suiteModule: string | undefined;
  return {
    name: "guild-transcripts",
    enforce: "pre",
    // The built CLI and the prebuilt suite are plain JavaScript that Node loads as it is, rather
    // than hundreds of kilobytes that vite would parse, rewrite and hand to each worker.
    config: () => ({ test: { server: { deps: { external: [exactly(inProcessCli), exactly(suiteModulePaths(repoRoot).prebuilt)] } } } }),
    async transform(code, id) {
      const file = id.split("?")[0];
      if (!file.endsWith(".md")) return null;
      const { transcriptModule } = await import("./transcript-module.js");
      suiteModule ??= transcriptSuiteModule(repoRoot, watch);
      return transcriptModule(code, path.resolve(file), { module: suiteModule, repoRoot });
    },
    async configureVitest({ project, vitest }) {
      watch = vitest.config.watch;
      const { exampleStartLine } = await import("./example-lines.js");
      const createSpecification = project.createSpecification.bind(project);
      project.createSpecification = (moduleId, locationsOrOptions, pool) => {
        if (!moduleId.endsWith(".md") || !Array.isArray(locationsOrOptions) || locationsOrOptions.length === 0) {
          return createSpecification(moduleId, locationsOrOptions, pool);
        }
        // A transcript that cannot be read keeps its lines; running it reports why.
        const text = fs.existsSync(moduleId) ? fs.readFileSync(moduleId, "utf8") : "";
        const lines = [...new Set(locationsOrOptions.map((line) => exampleStartLine(text, moduleId, line)))];
        return createSpecification(moduleId, lines, pool);
      };
    },
  };
}
