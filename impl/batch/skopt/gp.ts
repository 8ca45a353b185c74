// Gaussian process regression as skopt's default GP: a constant times a Matern 5/2 kernel (one length scale per feature) plus noise, fitted by marginal likelihood.
import { cholesky, solveLower, solveUpper } from "./linalg.js";
import type { Prediction, SurrogateModel } from "./model.js";

/** `gaussian` fits the noise level; a number is the noise variance, in the objective's units squared. */
export type GpNoise = "gaussian" | number;


interface Hyper {
  /** Natural logs of: the amplitude, each length scale, the noise variance (of standardized y). */
  logAmplitude: number;
  logLengths: number[];
  logNoise: number;
}

const BOUNDS = { amplitude: [Math.log(0.01), Math.log(1000)], length: [Math.log(0.01), Math.log(100)], noise: [Math.log(1e-6), Math.log(2)] };
const JITTER = 1e-8;

function matern52(a: number[], b: number[], lengths: number[]): number {
  let squared = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] - b[i]) / lengths[i];
    squared += d * d;
  }
  const r = Math.sqrt(5 * squared);
  return (1 + r + (r * r) / 3) * Math.exp(-r);
}

function covariance(xs: number[][], hyper: Hyper, noise: number): number[][] {
  const amplitude = Math.exp(hyper.logAmplitude);
  const lengths = hyper.logLengths.map(Math.exp);
  return xs.map((a, i) => xs.map((b, j) => amplitude * matern52(a, b, lengths) + (i === j ? noise + JITTER : 0)));
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The log marginal likelihood of standardized ys under hyperparameters; -Infinity when the covariance is singular. */
function logLikelihood(xs: number[][], ys: number[], hyper: Hyper, noise: number): number {
  const lower = cholesky(covariance(xs, hyper, noise));
  if (!lower) return -Infinity;
  const alpha = solveLower(lower, ys);
  let logDet = 0;
  for (let i = 0; i < ys.length; i++) logDet += Math.log(lower[i][i]);
  return -0.5 * dot(alpha, alpha) - logDet - 0.5 * ys.length * Math.log(2 * Math.PI);
}

/** Coordinate search over the log hyperparameters, steps halving from 1: deterministic and enough for a few dozen points. */
function fitHyper(xs: number[][], ys: number[], noise: GpNoise, yScale: number): { hyper: Hyper; noiseVariance: number } {
  const fixedNoise = noise === "gaussian" ? null : Math.max(noise, 0) / (yScale * yScale);
  const hyper: Hyper = { logAmplitude: 0, logLengths: xs[0].map(() => 0), logNoise: Math.log(0.01) };
  const noiseOf = (h: Hyper) => fixedNoise ?? Math.exp(h.logNoise);
  let best = logLikelihood(xs, ys, hyper, noiseOf(hyper));
  const coordinates: { get: () => number; set: (value: number) => void; bounds: number[] }[] = [
    { get: () => hyper.logAmplitude, set: (value) => (hyper.logAmplitude = value), bounds: BOUNDS.amplitude },
    ...hyper.logLengths.map((_, i) => ({ get: () => hyper.logLengths[i], set: (value: number) => (hyper.logLengths[i] = value), bounds: BOUNDS.length })),
  ];
  if (fixedNoise === null) coordinates.push({ get: () => hyper.logNoise, set: (value) => (hyper.logNoise = value), bounds: BOUNDS.noise });
  for (let step = 1; step > 0.05; step /= 2) {
    for (let sweep = 0; sweep < 3; sweep++) {
      let improved = false;
      for (const coordinate of coordinates) {
        for (const direction of [1, -1]) {
          const current = coordinate.get();
          const next = Math.min(coordinate.bounds[1], Math.max(coordinate.bounds[0], current + direction * step));
          if (next === current) continue;
          coordinate.set(next);
          const score = logLikelihood(xs, ys, hyper, noiseOf(hyper));
          if (score > best + 1e-9) {
            best = score;
            improved = true;
          } else {
            coordinate.set(current);
          }
        }
      }
      if (!improved) break;
    }
  }
  return { hyper, noiseVariance: noiseOf(hyper) };
}

/** Fits a GP to points (features in [0, 1]) and their objective values; predictions leave the noise out, as skopt's do. */
export function fitGp(xs: number[][], ys: number[], noise: GpNoise): SurrogateModel {
  const mean = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const spread = Math.sqrt(ys.reduce((sum, y) => sum + (y - mean) ** 2, 0) / ys.length);
  const scale = spread > 0 ? spread : 1;
  const standardized = ys.map((y) => (y - mean) / scale);
  const { hyper, noiseVariance } = fitHyper(xs, standardized, noise, scale);
  let variance = noiseVariance;
  let lower = cholesky(covariance(xs, hyper, variance));
  while (!lower) {
    variance = Math.max(variance * 10, 1e-6);
    lower = cholesky(covariance(xs, hyper, variance));
  }
  const factor = lower;
  const alpha = solveUpper(factor, solveLower(factor, standardized));
  const amplitude = Math.exp(hyper.logAmplitude);
  const lengths = hyper.logLengths.map(Math.exp);
  return {
    predict(features: number[]): Prediction {
      const k = xs.map((x) => amplitude * matern52(x, features, lengths));
      const v = solveLower(factor, k);
      const latentVariance = Math.max(amplitude - dot(v, v), 0);
      return { mean: mean + scale * dot(k, alpha), std: scale * Math.sqrt(latentVariance) };
    },
  };
}
