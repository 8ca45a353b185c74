// YAML as Guild writes and reads it: PyYAML safe_dump layout (sorted keys, unindented lists).
import jsYaml from "js-yaml";

/** Encodes a value as PyYAML's safe_dump does, stripped, with one trailing newline. */
export function dumpYaml(value: unknown): string {
  const text = jsYaml.dump(value, {
    sortKeys: true,
    noArrayIndent: true,
    lineWidth: 80,
    quotingType: "'",
  });
  return text.replace(/\n\.\.\.\n?$/, "").trim() + "\n";
}

/** Decodes YAML text; throws on invalid YAML. */
export function loadYaml(text: string): unknown {
  return jsYaml.load(text);
}
