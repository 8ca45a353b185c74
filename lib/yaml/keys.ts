// Mapping keys as YAML resolved them. JavaScript objects only have string keys, so a key YAML reads as
// something else (`yes:`, `~:`, `1.5:`, `2020-01-01:`) is renamed as Python's str() names it (True, None,
// 1.5, 2020-01-01), and its YAML value is kept for whoever must tell a key `True` from a key `'True'`.
import { pyStr } from "../python/repr.js";

/** Per loaded mapping, its keys that YAML resolved to something other than a string, by their str() name. */
const resolvedKeys = new WeakMap<object, Map<string, unknown>>();

/** The key as YAML resolved it (true, null, 12, a PyDate...), or the string itself when YAML read a string. */
export function yamlKey(mapping: object, key: string): unknown {
  const resolved = resolvedKeys.get(mapping);
  return resolved && resolved.has(key) ? resolved.get(key) : key;
}

interface Frame {
  children: unknown[];
}

/** The state js-yaml hands its listener: the node just composed. */
interface ListenerState {
  kind: string | null;
  result: unknown;
}

/** The property name js-yaml gave a key (its storeMappingPair). */
function jsYamlName(key: unknown): string {
  return key !== null && typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]" ? "[object Object]" : String(key);
}

/**
 * A js-yaml listener renaming non-string keys. js-yaml reports every node it composes, a mapping's
 * children alternating key and value; a mapping whose children do not pair up (a flow `{a}` has a
 * key without a value node) is left as js-yaml made it.
 */
export function keyRecorder(): (event: "open" | "close", state: ListenerState) => void {
  const frames: Frame[] = [];
  return (event, state) => {
    if (event === "open") {
      frames.push({ children: [] });
      return;
    }
    const frame = frames.pop();
    frames.at(-1)?.children.push(state.result);
    if (!frame || state.kind !== "mapping" || frame.children.length % 2 !== 0) return;
    const mapping = state.result;
    if (mapping === null || typeof mapping !== "object" || Array.isArray(mapping)) return;
    const renames = new Map<string, unknown>();
    for (let index = 0; index < frame.children.length; index += 2) {
      const key = frame.children[index];
      if (typeof key === "string") continue;
      const name = jsYamlName(key);
      if (!Object.hasOwn(mapping, name)) return;
      renames.set(name, key);
    }
    if (renames.size > 0) renameKeys(mapping as Record<string, unknown>, renames);
  };
}

/** Renames keys in place (the mapping may be aliased already), keeping their order. */
function renameKeys(mapping: Record<string, unknown>, renames: Map<string, unknown>): void {
  const entries = Object.entries(mapping);
  for (const [name] of entries) delete mapping[name];
  const resolved = new Map<string, unknown>();
  for (const [name, value] of entries) {
    const key = renames.has(name) ? renames.get(name) : name;
    const newName = renames.has(name) ? pyStr(key) : name;
    // defineProperty: a key named __proto__ must stay a key.
    Object.defineProperty(mapping, newName, { value, enumerable: true, writable: true, configurable: true });
    if (renames.has(name)) resolved.set(newName, key);
  }
  resolvedKeys.set(mapping, resolved);
}
