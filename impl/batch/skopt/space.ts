// Search points as model features: each range scaled to [0, 1] (log ranges on a log scale), each choice one-hot.
import { PyFloat, numericValue, pyEquals, type PyValue } from "../../../lib/python/values.js";
import { drawValue, type Dimension } from "../search-space.js";

/** How many features a dimension takes: one for a range, one per choice. */
export function featureCount(dimension: Dimension): number {
  return dimension.kind === "choice" ? dimension.values.length : 1;
}

function scaled(dimension: Dimension & { kind: "int" | "real" }, value: number): number {
  const log = dimension.kind === "real" && dimension.log;
  const [low, high, x] = log ? [Math.log(dimension.low), Math.log(dimension.high), Math.log(value)] : [dimension.low, dimension.high, value];
  if (high === low) return 0;
  return Math.min(1, Math.max(0, (x - low) / (high - low)));
}

/** A point's features, or null when a value does not belong to its dimension (missing, not a number, not a choice). */
export function encodePoint(dimensions: Dimension[], values: PyValue[]): number[] | null {
  const features: number[] = [];
  for (const [index, dimension] of dimensions.entries()) {
    const value = values[index];
    if (dimension.kind === "choice") {
      const chosen = dimension.values.findIndex((choice) => pyEquals(choice, value));
      if (chosen < 0) return null;
      for (let i = 0; i < dimension.values.length; i++) features.push(i === chosen ? 1 : 0);
      continue;
    }
    const number = numericValue(value);
    if (number === null || (dimension.kind === "real" && dimension.log && number <= 0)) return null;
    features.push(scaled(dimension, number));
  }
  return features;
}

/** The point features stand for: ranges scaled back (ints rounded), the choice with the largest feature. */
export function decodePoint(dimensions: Dimension[], features: number[]): PyValue[] {
  const values: PyValue[] = [];
  let offset = 0;
  for (const dimension of dimensions) {
    if (dimension.kind === "choice") {
      const segment = features.slice(offset, offset + dimension.values.length);
      values.push(dimension.values[segment.indexOf(Math.max(...segment))]);
      offset += dimension.values.length;
      continue;
    }
    const unit = Math.min(1, Math.max(0, features[offset++]));
    if (dimension.kind === "int") {
      values.push(Math.round(dimension.low + unit * (dimension.high - dimension.low)));
    } else if (dimension.log) {
      const [low, high] = [Math.log(dimension.low), Math.log(dimension.high)];
      values.push(new PyFloat(Math.exp(low + unit * (high - low))));
    } else {
      values.push(new PyFloat(dimension.low + unit * (dimension.high - dimension.low)));
    }
  }
  return values;
}

/** A point drawn at random, one value per dimension. */
export function randomPoint(dimensions: Dimension[], random: () => number): PyValue[] {
  return dimensions.map((dimension) => drawValue(dimension, random));
}

/** Which features are continuous (ranges), which local search may move. */
export function rangeFeatures(dimensions: Dimension[]): number[] {
  const indices: number[] = [];
  let offset = 0;
  for (const dimension of dimensions) {
    if (dimension.kind !== "choice") indices.push(offset);
    offset += featureCount(dimension);
  }
  return indices;
}
