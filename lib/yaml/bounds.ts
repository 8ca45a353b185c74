// Bounds on a loaded YAML value: how far aliases may expand it, and how deep it may nest.
import { YamlError } from "./errors.js";

/** Nodes that aliases may add to a document when expanded (PyYAML and js-yaml share them; printing copies them). */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Nesting depth of mappings and sequences; deeper documents would exhaust the stack of whoever walks them. */
export const MAX_DEPTH = 1_000;

/**
 * Throws YamlError when the value nests deeper than MAX_DEPTH, refers to itself, or its aliases
 * expand it by more than MAX_ALIAS_EXPANSION nodes (a "billion laughs" document).
 */
export function checkYamlBounds(value: unknown): void {
  const expanded = new Map<object, number>();
  const inProgress = new Set<object>();
  let distinct = 0;
  const size = (node: unknown, depth: number): number => {
    if (node === null || typeof node !== "object" || !isContainer(node)) return 1;
    const known = expanded.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) throw new YamlError("recursive aliases are not supported");
    if (depth > MAX_DEPTH) throw new YamlError(`document nested more than ${MAX_DEPTH} levels deep`);
    inProgress.add(node);
    const children = Array.isArray(node) ? node : Object.values(node);
    let total = 1;
    distinct += 1 + children.length;
    for (const child of children) total += size(child, depth + 1);
    inProgress.delete(node);
    if (total - distinct > MAX_ALIAS_EXPANSION) throw new YamlError(`aliases expand the document by more than ${MAX_ALIAS_EXPANSION} nodes`);
    expanded.set(node, total);
    return total;
  };
  size(value, 0);
}

/** Lists and plain objects (mappings); class instances such as PyFloat or PyDate are scalars. */
function isContainer(node: object): boolean {
  if (Array.isArray(node)) return true;
  const proto = Object.getPrototypeOf(node);
  return proto === Object.prototype || proto === null;
}
