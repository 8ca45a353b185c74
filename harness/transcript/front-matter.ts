// Reads a transcript's leading `---` YAML block the way Guild's yaml_util.yaml_front_matter does.
import { loadYaml } from "../../lib/yaml/yaml.js";
import { TranscriptError } from "./types.js";

export type FrontMatter = {
  data: Record<string, unknown>;
  /** 1-based line of the opening `---`, 0 when there is no front matter. */
  startLine: number;
  /** 1-based line of the closing `---`, 0 when there is no front matter. */
  endLine: number;
  /** 1-based line of each top-level key, for error messages. */
  keyLines: Record<string, number>;
};

/**
 * Blank lines before the block are skipped; the first other line must be `---`. Lines up to the
 * next `---` are YAML (Guild right-strips them and drops blank ones).
 */
export function readFrontMatter(lines: readonly string[], file: string): FrontMatter {
  const none: FrontMatter = { data: {}, startLine: 0, endLine: 0, keyLines: {} };
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === "") start++;
  if (start >= lines.length || lines[start]!.trimEnd() !== "---") return none;
  const yamlLines: string[] = [];
  const keyLines: Record<string, number> = {};
  let end = start + 1;
  for (; end < lines.length; end++) {
    const trimmed = lines[end]!.trimEnd();
    if (trimmed === "---") break;
    if (trimmed.trim() === "") continue;
    yamlLines.push(trimmed);
    const key = /^([A-Za-z0-9_-]+)\s*:/.exec(trimmed);
    if (key && keyLines[key[1]!] === undefined) keyLines[key[1]!] = end + 1;
  }
  if (end >= lines.length) {
    throw new TranscriptError(file, start + 1, "front matter has no closing '---'");
  }
  let loaded: unknown;
  try {
    loaded = loadYaml(yamlLines.join("\n"));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new TranscriptError(file, start + 1, `invalid front matter: ${reason}`);
  }
  if (loaded === undefined || loaded === null) {
    return { data: {}, startLine: start + 1, endLine: end + 1, keyLines };
  }
  if (typeof loaded !== "object" || Array.isArray(loaded)) {
    throw new TranscriptError(file, start + 1, "front matter must be a mapping");
  }
  return { data: loaded as Record<string, unknown>, startLine: start + 1, endLine: end + 1, keyLines };
}
