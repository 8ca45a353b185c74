// Run labels: the default label from flag values and `${flag}` label templates (op_util.run_label).
import fs from "node:fs";
import path from "node:path";
import { flagAssigns, formatFlag } from "../flags/encode.js";
import type { FlagValues } from "./flag-values.js";
import { percentFormat, PercentFormatTypeError } from "../../lib/python/percent-format.js";

const LABEL_OPTIONS = (cwd: string) => ({
  truncateFloats: 5,
  shortenPaths: 20,
  pathExists: (value: string) => fs.existsSync(path.resolve(cwd, value)),
});

/** Non-null flags as `name=value`, sorted, joined by spaces (floats cut to 5 digits, paths shortened). */
export function defaultLabel(values: FlagValues, cwd: string): string {
  const nonNull: FlagValues = {};
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined) nonNull[name] = value;
  return flagAssigns(nonNull, LABEL_OPTIONS(cwd)).join(" ");
}

function applyFilter(filter: string, value: unknown, cwd: string): unknown {
  const colon = filter.indexOf(":");
  const name = colon < 0 ? filter : filter.slice(0, colon);
  const arg = colon < 0 ? "" : filter.slice(colon + 1);
  const text = value === undefined || value === null ? "" : typeof value === "string" ? value : formatFlag(value, LABEL_OPTIONS(cwd));
  if (name === "default") return value === undefined || value === null || value === "" ? arg : value;
  if (name === "basename") return text ? path.basename(text) : text;
  if (name === "unquote") return text.replace(/^(['"])(.*)\1$/, "$2");
  if (name.startsWith("%")) {
    // op_util._t_python_format: `FORMAT % value`; a value the format does not take passes through.
    try {
      return percentFormat(filter, value ?? null);
    } catch (error) {
      if (!(error instanceof PercentFormatTypeError)) throw error;
      return value;
    }
  }
  return value;
}

/** Renders a label template: `${name}` → formatted flag, `${default_label}`, filters after `|`. */
export function renderLabel(template: string, values: FlagValues, cwd: string): string {
  const label = defaultLabel(values, cwd);
  return template.replace(/\$\{([^}]+)\}/g, (_whole, ref: string) => {
    const [name, ...filters] = ref.split("|");
    let value: unknown = name === "default_label" ? label : values[name] === null ? undefined : values[name];
    for (const filter of filters) value = applyFilter(filter, value, cwd);
    if (value === undefined || value === null) return "";
    return typeof value === "string" && (name === "default_label" || filters.length) ? value : formatFlag(value, LABEL_OPTIONS(cwd));
  });
}

/** The label template for a run: --label, else tags + `${default_label}`, else the op's `label`. */
export function labelTemplate(label: string | null, tags: string[], opLabel: string | null): string | null {
  if (label !== null) return label;
  if (tags.length) return `${tags.join(" ")} \${default_label}`;
  return opLabel;
}

/** op_util.run_label: the default label when there is no template. */
export function runLabel(template: string | null, values: FlagValues, cwd: string): string {
  return template === null ? defaultLabel(values, cwd) : renderLabel(template, values, cwd);
}
