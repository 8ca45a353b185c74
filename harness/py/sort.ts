// Stable sorting of Python values with optional key function and reverse flag.
import { pyCompare } from "./compare.js";
import { isTruthy } from "./operators.js";
import type { Runtime } from "./runtime.js";
import type { PyValue } from "./values.js";

/** sorted()/list.sort(): computes keys first (they may call Python code), then sorts stably. */
export async function sortValues(items: readonly PyValue[], key: PyValue | undefined, reverse: PyValue | undefined, runtime: Runtime): Promise<PyValue[]> {
  const keyed: { key: PyValue; item: PyValue }[] = [];
  for (const item of items) {
    const sortKey = key === undefined || key.kind === "none" ? item : await runtime.call(key, [item]);
    keyed.push({ key: sortKey, item });
  }
  const descending = reverse !== undefined && isTruthy(reverse);
  // Python's reverse keeps equal items in their original order, so reverse before and after a stable sort.
  if (descending) keyed.reverse();
  keyed.sort((a, b) => (pyCompare("<", a.key, b.key) ? -1 : pyCompare("<", b.key, a.key) ? 1 : 0));
  if (descending) keyed.reverse();
  return keyed.map((entry) => entry.item);
}
