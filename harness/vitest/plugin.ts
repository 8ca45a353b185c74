// Vite plugin that turns each transcript (.md) into a test module driven by transcript-suite.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const adapterPath = fileURLToPath(new URL("./transcript-suite.ts", import.meta.url));

/**
 * The generated module puts the test for an example on the same line as the example's `>>>`,
 * so vitest's task locations (and `vitest run file.md:LINE`) name markdown lines.
 */
export function transcriptPlugin(): Plugin {
  return {
    name: "guild-transcripts",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0];
      if (!file.endsWith(".md")) return null;
      const { exampleLines } = await import("./example-lines.js");
      const lines = exampleLines(code, file);
      const output = code.split("\n").map(() => "");
      output[0] = `import { test } from "vitest"; import { transcriptSuite } from ${JSON.stringify(adapterPath)}; const suite = transcriptSuite(${JSON.stringify(path.resolve(file))});`;
      // test() is called from this module so that vitest finds the call site in the transcript.
      lines.forEach((line, index) => {
        const at = Math.max(0, line - 1);
        output[at] += ` if (suite.has(${index})) test(suite.title(${index}), suite.body(${index}));`;
      });
      if (lines.length === 0) output[0] += " suite.empty();";
      // Line N of the module maps to line N of the markdown, so stack traces name markdown lines.
      const mappings = ["AAAA", ...output.slice(1).map(() => "AACA")].join(";");
      return { code: output.join("\n"), map: { version: 3, sources: [file], sourcesContent: [code], names: [], mappings } };
    },
  };
}
