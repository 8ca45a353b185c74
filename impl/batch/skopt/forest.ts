// skopt's forest model: extremely randomized trees whose spread, across trees and within leaves, is the uncertainty of a prediction.
import type { Prediction, SurrogateModel } from "./model.js";
import { fitTree, leafFor, type TreeNode } from "./trees.js";

/** skopt's "ET" estimator: 100 trees with at least 3 rows a leaf (fewer trees here: the spread settles well before). */
const TREES = 50;
const MIN_SAMPLES_LEAF = 3;

/** Fits the forest; a prediction's std is the law of total variance over the trees' leaves (skopt's forest `return_std`). */
export function fitForest(xs: number[][], ys: number[], random: () => number): SurrogateModel {
  const minSamplesLeaf = Math.min(MIN_SAMPLES_LEAF, Math.max(1, Math.floor(xs.length / 2)));
  const trees: TreeNode[] = [];
  for (let i = 0; i < TREES; i++) trees.push(fitTree(xs, ys, { minSamplesLeaf, maxDepth: 32, randomSplits: true }, random));
  return {
    predict(features: number[]): Prediction {
      let sum = 0;
      let sumSquares = 0;
      for (const tree of trees) {
        const leaf = leafFor(tree, features);
        sum += leaf.value;
        sumSquares += leaf.variance + leaf.value * leaf.value;
      }
      const mean = sum / trees.length;
      return { mean, std: Math.sqrt(Math.max(sumSquares / trees.length - mean * mean, 0)) };
    },
  };
}
