// How compare shows cell values: table cells (format_flag for floats, yes/no) and CSV fields (Python str()).
import { pyStr } from "../../lib/python/repr.js";
import { PyFloat } from "../../lib/python/values.js";
import { floatText } from "../../lib/yaml/yaml.js";

/** Cuts every `.digits` run of an encoded float to `length` digits (Guild's truncate_floats). */
export function truncateFloatText(text: string, length: number): string {
  return text.replace(/\.[0-9]+/g, (part) => (part.length <= length ? part : part.slice(0, length + 1)));
}

/** format_flag(float, truncate_floats=6): YAML float text with decimals cut to 6 digits. */
export function formatCompareFloat(value: number): string {
  return truncateFloatText(floatText(value), 6);
}

/** A table cell: null blank, floats truncated to 6 decimals, bools yes/no, others as str(). */
export function formatTableCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof PyFloat) return formatCompareFloat(value.value);
  if (typeof value === "string") return value;
  if (value === true) return "yes";
  if (value === false) return "no";
  return pyStr(value);
}

/** A CSV field: null empty, everything else Python str(). */
export function formatCsvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  return pyStr(value);
}

/** One CSV line as Python's csv.writer writes it (QUOTE_MINIMAL, `"` doubled, `\n` line ends). */
export function formatCsvRow(fields: string[]): string {
  if (fields.length === 1 && fields[0] === "") return '""';
  return fields.map((field) => (/[,"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(",");
}
