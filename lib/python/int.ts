// Python's int(str) in base 10: which texts parse as an integer and to what value.
import { asciiDigitsAndSpaces } from "./float.js";

const INTEGER = /^[+-]?\d(?:_?\d)*$/;

/** The value int(text) gives, or null where Python raises ValueError. */
export function parsePythonInt(text: string): bigint | null {
  const trimmed = asciiDigitsAndSpaces(text).replace(/^ +| +$/g, "");
  if (!INTEGER.test(trimmed)) return null;
  return BigInt(trimmed.replace(/_/g, ""));
}
