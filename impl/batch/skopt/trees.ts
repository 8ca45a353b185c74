// Regression trees for the tree-based optimizers: extremely randomized splits (forest) or best splits (boosting), squared error.

/** A fitted tree: a leaf has a value and the training rows that reached it. */
export type TreeNode =
  | { kind: "leaf"; value: number; variance: number; rows: number[] }
  | { kind: "split"; feature: number; threshold: number; left: TreeNode; right: TreeNode };

export interface TreeOptions {
  /** Fewest rows a leaf may hold. */
  minSamplesLeaf: number;
  maxDepth: number;
  /** Random thresholds (extra trees) instead of the best one of each feature. */
  randomSplits: boolean;
}

function meanOf(ys: number[], rows: number[]): number {
  let sum = 0;
  for (const row of rows) sum += ys[row];
  return sum / rows.length;
}

function varianceOf(ys: number[], rows: number[], mean: number): number {
  let sum = 0;
  for (const row of rows) sum += (ys[row] - mean) ** 2;
  return sum / rows.length;
}

/** The sum of squared errors of a split's two sides (lower is better). */
function splitError(ys: number[], left: number[], right: number[]): number {
  return varianceOf(ys, left, meanOf(ys, left)) * left.length + varianceOf(ys, right, meanOf(ys, right)) * right.length;
}

interface Split {
  feature: number;
  threshold: number;
  left: number[];
  right: number[];
  error: number;
}

function partition(xs: number[][], rows: number[], feature: number, threshold: number): [number[], number[]] {
  const left: number[] = [];
  const right: number[] = [];
  for (const row of rows) (xs[row][feature] <= threshold ? left : right).push(row);
  return [left, right];
}

function candidateThresholds(xs: number[][], rows: number[], feature: number, options: TreeOptions, random: () => number): number[] {
  const values = [...new Set(rows.map((row) => xs[row][feature]))].sort((a, b) => a - b);
  if (values.length < 2) return [];
  if (options.randomSplits) {
    const low = values[0];
    const high = values[values.length - 1];
    return [low + random() * (high - low)];
  }
  return values.slice(1).map((value, index) => (values[index] + value) / 2);
}

function bestSplit(xs: number[][], ys: number[], rows: number[], options: TreeOptions, random: () => number): Split | null {
  let best: Split | null = null;
  for (let feature = 0; feature < xs[0].length; feature++) {
    for (const threshold of candidateThresholds(xs, rows, feature, options, random)) {
      const [left, right] = partition(xs, rows, feature, threshold);
      if (left.length < options.minSamplesLeaf || right.length < options.minSamplesLeaf) continue;
      const error = splitError(ys, left, right);
      if (!best || error < best.error - 1e-12) best = { feature, threshold, left, right, error };
    }
  }
  return best;
}

function grow(xs: number[][], ys: number[], rows: number[], depth: number, options: TreeOptions, random: () => number): TreeNode {
  const mean = meanOf(ys, rows);
  const variance = varianceOf(ys, rows, mean);
  const split = depth < options.maxDepth && rows.length >= 2 * options.minSamplesLeaf && variance > 0 ? bestSplit(xs, ys, rows, options, random) : null;
  if (!split) return { kind: "leaf", value: mean, variance, rows };
  return {
    kind: "split",
    feature: split.feature,
    threshold: split.threshold,
    left: grow(xs, ys, split.left, depth + 1, options, random),
    right: grow(xs, ys, split.right, depth + 1, options, random),
  };
}

/** Grows a tree on rows of features and their targets. */
export function fitTree(xs: number[][], ys: number[], options: TreeOptions, random: () => number): TreeNode {
  return grow(xs, ys, xs.map((_, row) => row), 0, options, random);
}

/** The leaf a point falls in. */
export function leafFor(tree: TreeNode, features: number[]): TreeNode & { kind: "leaf" } {
  let node = tree;
  while (node.kind === "split") node = features[node.feature] <= node.threshold ? node.left : node.right;
  return node;
}

/** Every leaf of a tree. */
export function leaves(tree: TreeNode): (TreeNode & { kind: "leaf" })[] {
  return tree.kind === "leaf" ? [tree] : [...leaves(tree.left), ...leaves(tree.right)];
}
