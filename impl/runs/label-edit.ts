// Editing run labels as `guild label` and `guild tag --sync-labels` do: templates, removing parts.
import { flagAssigns, formatFlag } from "../flags/encode.js";
import { shellSplit } from "../../lib/python/shlex.js";
import { CliError } from "../io.js";

/** Renders a label template (`${name}`, `${default_label}`) from flag values. */
export type LabelTemplateRenderer = (template: string, flagValues: Record<string, unknown>) => string;

/** A renderer for `${NAME}` and `${NAME|default:X}` references; unknown names render empty. */
export const basicLabelRenderer: LabelTemplateRenderer = (template, flagValues) => {
  const nonNull = Object.fromEntries(Object.entries(flagValues).filter(([, value]) => value !== null && value !== undefined));
  const defaultLabel = flagAssigns(nonNull, { truncateFloats: 5 }).join(" ");
  return template.replace(/\$\{([^}]+)\}/g, (_whole, reference: string) => {
    const [name, ...transforms] = reference.split("|");
    let value: string | null = name === "default_label" ? defaultLabel : name in nonNull ? formatFlag(nonNull[name], { truncateFloats: 5 }) : null;
    for (const transform of transforms) {
      const [transformName, argument] = transform.split(/:(.*)/s);
      if (transformName === "default" && value === null) value = argument ?? "";
    }
    return value ?? "";
  });
};

/** Removes each whitespace-delimited occurrence of every part (parts are regular expressions, as in Guild). */
export function removeLabelParts(parts: Iterable<string>, label: string): string {
  let result = label;
  for (const part of parts) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`(^|\\s)${part}($|\\s)`);
    } catch (error) {
      throw new CliError(`cannot remove label part '${part}': ${(error as Error).message}`);
    }
    result = result
      .split(pattern)
      .map((token) => (token ?? "").trim())
      .filter((token) => token !== "")
      .join(" ");
  }
  return result;
}

/** Words of a label as shlex splits them (whitespace split when quoting is unbalanced). */
export function labelWords(label: string): string[] {
  try {
    return shellSplit(label);
  } catch {
    return label.split(/\s+/).filter(Boolean);
  }
}
