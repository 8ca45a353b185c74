// skopt's GBRT model: gradient boosted trees with quantile loss for the 16th, 50th and 84th percentiles; half their spread is the std.
import type { Prediction, SurrogateModel } from "./model.js";
import { fitTree, leafFor, leaves, type TreeNode } from "./trees.js";

const QUANTILES = [0.16, 0.5, 0.84] as const;
/** sklearn's GradientBoostingRegressor as skopt cooks it: 30 stages of depth-3 trees, learning rate 0.1. */
const STAGES = 30;
const LEARNING_RATE = 0.1;
const MAX_DEPTH = 3;

/** The alpha-quantile of values (linear between order statistics). */
export function quantile(values: number[], alpha: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = alpha * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

interface Booster {
  initial: number;
  trees: TreeNode[];
}

/** Boosting for one quantile: each tree fits the quantile loss's negative gradient, its leaves take the quantile of the residuals. */
function fitQuantile(xs: number[][], ys: number[], alpha: number, random: () => number): Booster {
  const initial = quantile(ys, alpha);
  const fitted = ys.map(() => initial);
  const trees: TreeNode[] = [];
  for (let stage = 0; stage < STAGES; stage++) {
    const residuals = ys.map((y, row) => y - fitted[row]);
    const gradient = residuals.map((residual) => (residual > 0 ? alpha : alpha - 1));
    const tree = fitTree(xs, gradient, { minSamplesLeaf: 1, maxDepth: MAX_DEPTH, randomSplits: false }, random);
    for (const leaf of leaves(tree)) leaf.value = quantile(leaf.rows.map((row) => residuals[row]), alpha);
    for (let row = 0; row < xs.length; row++) fitted[row] += LEARNING_RATE * leafFor(tree, xs[row]).value;
    trees.push(tree);
  }
  return { initial, trees };
}

function predictBooster(booster: Booster, features: number[]): number {
  let value = booster.initial;
  for (const tree of booster.trees) value += LEARNING_RATE * leafFor(tree, features).value;
  return value;
}

/** Fits the three quantile boosters; the median is the mean, half the 16-84 spread the std (skopt's GradientBoostingQuantileRegressor). */
export function fitGbrt(xs: number[][], ys: number[], random: () => number): SurrogateModel {
  const [lower, median, upper] = QUANTILES.map((alpha) => fitQuantile(xs, ys, alpha, random));
  return {
    predict(features: number[]): Prediction {
      const low = predictBooster(lower, features);
      const high = predictBooster(upper, features);
      return { mean: predictBooster(median, features), std: Math.max(high - low, 0) / 2 };
    },
  };
}
