// YAML as Guild writes and reads it: PyYAML safe_dump layout and YAML 1.1 scalars (yes/no, 1e2 floats).
import jsYaml from "js-yaml";
import { checkYamlBounds, MAX_DEPTH } from "./bounds.js";
import { emitYaml } from "./emit.js";
import { YamlError } from "./errors.js";
import { keyRecorder } from "./keys.js";
import { pyyamlSyntaxError } from "./pyyaml-check.js";
import { PyDate, PyFloat } from "../python/values.js";
import { constructBool, constructFloat, constructInt, isYamlBool, isYamlFloat, isYamlInt, isYamlNull, isYamlTimestamp, resolvePlain } from "./resolve.js";

export { floatText } from "./emit.js";
export { yamlKey } from "./keys.js";

const scalarType = (tag: string, resolve: (text: string) => boolean, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, { kind: "scalar", resolve: (data: unknown) => typeof data === "string" && resolve(data), construct });

// Order follows PyYAML's resolver precedence (bool, float, int, null, timestamp, then Guild's float).
const YAML11_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalarType("bool", isYamlBool, constructBool),
    scalarType("int", (text) => isYamlInt(text) && resolvePlain(text) === "int", constructInt),
    scalarType("float", (text) => isYamlFloat(text) && resolvePlain(text) === "float", (text) => new PyFloat(constructFloat(text))),
    scalarType("null", isYamlNull, () => null),
    scalarType("timestamp", isYamlTimestamp, (text) => new PyDate(text)),
    (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge,
  ],
});

/** Encodes a value as Guild does (PyYAML safe_dump), stripped, with one trailing newline. */
export function dumpYaml(value: unknown): string {
  return encodeYaml(value) + "\n";
}

/** Guild's yaml_util.encode_yaml: safe_dump output stripped, without a trailing `...` marker. */
export function encodeYaml(value: unknown): string {
  let text = emitYaml(value).trim();
  if (text.endsWith("\n...")) text = text.slice(0, -4);
  return text;
}

export { YamlError };

/**
 * Decodes YAML text with YAML 1.1 scalars; floats come back as PyFloat. Throws YamlError, also for
 * documents too deep to walk or whose aliases expand beyond bounds.ts's limits. With `name` (the file
 * read), the text must also load as PyYAML loads it, and a syntax error is given in PyYAML's words,
 * marks naming the file.
 */
export function loadYaml(text: string, name?: string): unknown {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: YAML11_SCHEMA, json: true, listener: keyRecorder() });
  } catch (error) {
    if (error instanceof RangeError) throw new YamlError(`document nested more than ${MAX_DEPTH} levels deep`);
    throw new YamlError((name !== undefined ? pyyamlSyntaxError(text, name) : null) ?? (error as Error).message);
  }
  const pyyamlError = name !== undefined ? pyyamlSyntaxError(text, name) : null;
  if (pyyamlError !== null) throw new YamlError(pyyamlError);
  if (value !== null && typeof value === "object") checkYamlBounds(value);
  return value;
}
