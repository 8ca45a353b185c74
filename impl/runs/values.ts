// Display encodings of decoded attr values: Guild's encode_flag_val and run_util.format_attr.
import { dumpYaml } from "../yaml.js";

/** Python float repr for a JS number that is not an integer; integers print as digits. */
function encodeNumber(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (value === Infinity) return ".inf";
  if (value === -Infinity) return "-.inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  let text = String(value).toLowerCase();
  const match = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (match) {
    const mantissa = match[1].includes(".") ? match[1] : match[1] + ".0";
    text = `${mantissa}e${match[2]}${match[3].padStart(2, "0")}`;
  }
  return text;
}

/** Guild's flag_util.encode_flag_val for decoded YAML values. */
export function encodeValue(value: unknown): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return encodeNumber(value);
  if (Array.isArray(value)) {
    return "[" + value.map((item) => {
      const encoded = encodeValue(item);
      return typeof item === "string" && encoded.includes(",") ? pythonRepr(encoded) : encoded;
    }).join(", ") + "]";
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return "{" + entries.map(([key, item]) => `${encodeValue(key)}: ${encodeValue(item)}`).join(", ") + "}";
  }
  return dumpYaml(String(value)).replace(/\n$/, "");
}

/** Python repr of a str: single quotes unless the text contains a single quote and no double quote. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t").replace(/\r/g, "\\r");
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

/** Guild's run_util.format_attr: strings as is, scalars encoded, lists/mappings as indented lines. */
export function formatAttrValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return encodeValue(value);
  if (Array.isArray(value)) return "\n" + value.map((item) => `  ${formatAttrValue(item)}`).join("\n");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return "\n" + Object.keys(record).sort().map((key) => `  ${key}: ${formatAttrValue(record[key])}`).join("\n");
  }
  return "\n" + dumpYaml(value).split("\n").map((line) => "  " + line).join("\n").trimEnd();
}
