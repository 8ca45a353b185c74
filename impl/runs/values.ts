// Display of decoded attr values: Guild's run_util.format_attr.
import { encodeFlagValue } from "../flags/encode.js";
import { PyDate, PyFloat, isMapping } from "../../lib/python/values.js";
import { encodeYaml } from "../../lib/yaml/yaml.js";

export { encodeFlagValue };

/** Guild's run_util.format_attr: strings as is, scalars encoded, lists/mappings as indented lines. */
export function formatAttrValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof PyFloat) return encodeFlagValue(value);
  if (Array.isArray(value)) return "\n" + value.map((item) => `  ${formatAttrValue(item)}`).join("\n");
  if (isMapping(value)) return "\n" + Object.keys(value).sort().map((key) => `  ${key}: ${formatAttrValue(value[key])}`).join("\n");
  if (value instanceof PyDate) return "\n" + ("  " + value.text).trimEnd();
  return "\n" + encodeYaml(value).split("\n").map((line) => "  " + line).join("\n").trimEnd();
}
