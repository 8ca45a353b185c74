// Python's float(str): which texts parse as a number and to what value.

const NUMBER = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** The value Python's float() gives for the text, or null where it raises ValueError. */
export function parsePythonFloat(text: string): number | null {
  const trimmed = text.trim();
  const special = SPECIAL.exec(trimmed);
  if (special) {
    if (special[2].toLowerCase() === "nan") return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!NUMBER.test(trimmed)) return null;
  return Number(trimmed.replace(/_/g, ""));
}
