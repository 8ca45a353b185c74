// Values with Python semantics that JavaScript values cannot tell apart (float vs int, dates), and Python == on them.

/** A Python float: kept distinct from ints so `1.0` stays `1.0` when encoded. */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return String(this.value);
  }
  /** Tagged, so js-yaml names a mapping key by toString() instead of `[object Object]`. */
  get [Symbol.toStringTag](): string {
    return "PyFloat";
  }
}

/** A YAML 1.1 timestamp (PyYAML decodes it to a date); kept as its source text. */
export class PyDate {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  /** Tagged, so js-yaml names a mapping key by toString() instead of `[object Object]`. */
  get [Symbol.toStringTag](): string {
    return "PyDate";
  }
}

/** Any value Guild reads from YAML or flag assignments. */
export type PyValue = null | boolean | number | string | PyFloat | PyDate | PyValue[] | { [key: string]: PyValue };

export function isMapping(value: unknown): value is { [key: string]: PyValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof PyFloat) && !(value instanceof PyDate);
}

/** Python's numeric view of a value (int, float), or null for non-numbers (bools excluded). */
export function numericValue(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value instanceof PyFloat) return value.value;
  return null;
}

/** Python `==` for decoded values (1 == 1.0, dict equality ignores key order). */
export function pyEquals(a: unknown, b: unknown): boolean {
  const na = typeof a === "boolean" ? Number(a) : numericValue(a);
  const nb = typeof b === "boolean" ? Number(b) : numericValue(b);
  if (na !== null && nb !== null) return na === nb;
  if (a instanceof PyDate || b instanceof PyDate) return a instanceof PyDate && b instanceof PyDate && a.text === b.text;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => pyEquals(item, b[index]));
  }
  if (isMapping(a) || isMapping(b)) {
    if (!isMapping(a) || !isMapping(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && pyEquals(a[key], b[key]));
  }
  return a === b;
}
