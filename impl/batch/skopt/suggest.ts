// The next point an optimizer suggests: a random one, or the best of its acquisition function under a model of the previous trials.
import type { PyValue } from "../../../lib/python/values.js";
import type { Dimension } from "../search-space.js";
import { acquisition, type AcquisitionName } from "./acquisition.js";
import { fitForest } from "./forest.js";
import { fitGbrt } from "./gbrt.js";
import { fitGp, type GpNoise } from "./gp.js";
import type { SurrogateModel } from "./model.js";
import type { SkoptOpName } from "./optimizer-ops.js";
import { decodePoint, encodePoint, randomPoint, rangeFeatures } from "./space.js";

export interface SuggestOptions {
  /** gp only: LCB, EI, PI or gp_hedge (EIps and PIps need trial durations, which batches do not give: see seq-trials). */
  acqFunc: string;
  kappa: number;
  xi: number;
  noise: GpNoise;
}

/** Random points the acquisition function is evaluated at (skopt samples 10000; a model this small settles sooner). */
const CANDIDATES = 1000;
/** The best candidates the gp refines by local search (skopt's n_restarts_optimizer). */
const RESTARTS = 5;

const HEDGED: AcquisitionName[] = ["LCB", "EI", "PI"];

/**
 * skopt's gp_hedge keeps a gain per acquisition function and picks one by softmax of the gains; Guild asks
 * for one point from a new optimizer each trial, so the gains are always zero and the pick is uniform.
 */
function acquisitionFor(optimizer: SkoptOpName, acqFunc: string, random: () => number): AcquisitionName {
  if (optimizer !== "gp") return "EI";
  if (acqFunc === "LCB" || acqFunc === "EI" || acqFunc === "PI") return acqFunc;
  return HEDGED[Math.floor(random() * HEDGED.length)];
}

function fitModel(optimizer: SkoptOpName, xs: number[][], ys: number[], options: SuggestOptions, random: () => number): SurrogateModel {
  if (optimizer === "forest") return fitForest(xs, ys, random);
  if (optimizer === "gbrt") return fitGbrt(xs, ys, random);
  return fitGp(xs, ys, options.noise);
}

/** Moves one range feature at a time, in steps halving from 0.1, while the score goes down. */
function refine(start: number[], score: (features: number[]) => number, movable: number[]): { features: number[]; value: number } {
  let features = start;
  let value = score(features);
  for (let step = 0.1; step >= 0.001; step /= 2) {
    let improved = true;
    while (improved) {
      improved = false;
      for (const index of movable) {
        for (const direction of [1, -1]) {
          const moved = [...features];
          moved[index] = Math.min(1, Math.max(0, moved[index] + direction * step));
          const movedValue = score(moved);
          if (movedValue < value - 1e-12) {
            features = moved;
            value = movedValue;
            improved = true;
          }
        }
      }
    }
  }
  return { features, value };
}

/**
 * The next point to try. A random start (or previous trials with no usable point) draws one at random;
 * otherwise the model is fitted to the previous points and objective values and the point that
 * minimizes the acquisition function over random candidates (refined locally for gp) is chosen.
 */
export function suggestPoint(optimizer: SkoptOpName, dimensions: Dimension[], x0: PyValue[][] | null, y0: number[] | null, randomStart: boolean, random: () => number, options: SuggestOptions): PyValue[] {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const [index, point] of (x0 ?? []).entries()) {
    const features = encodePoint(dimensions, point);
    if (features && y0 && Number.isFinite(y0[index])) {
      xs.push(features);
      ys.push(y0[index]);
    }
  }
  if (randomStart || !xs.length) return randomPoint(dimensions, random);
  const name = acquisitionFor(optimizer, options.acqFunc, random);
  const model = fitModel(optimizer, xs, ys, options, random);
  const best = Math.min(...ys);
  const score = (features: number[]) => acquisition(name, model.predict(features), { best, kappa: options.kappa, xi: options.xi });
  const candidates: { features: number[]; value: number }[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const features = encodePoint(dimensions, randomPoint(dimensions, random))!;
    candidates.push({ features, value: score(features) });
  }
  candidates.sort((a, b) => a.value - b.value);
  let chosen = candidates[0];
  if (optimizer === "gp") {
    const movable = rangeFeatures(dimensions);
    for (const candidate of candidates.slice(0, RESTARTS)) {
      const refined = refine(candidate.features, score, movable);
      if (refined.value < chosen.value) chosen = refined;
    }
  }
  return decodePoint(dimensions, chosen.features);
}
