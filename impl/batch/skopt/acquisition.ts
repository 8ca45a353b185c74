// Acquisition functions to minimize, as skopt's: lower confidence bound, negative expected improvement, negative probability of improvement.
import type { Prediction } from "./model.js";

export type AcquisitionName = "LCB" | "EI" | "PI";

/** The standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** The standard normal distribution function (Hart's algorithm 5666 as West gives it, to double precision). */
export function normalCdf(z: number): number {
  const x = Math.abs(z);
  if (x > 37) return z > 0 ? 1 : 0;
  const e = Math.exp(-0.5 * x * x);
  let tail: number;
  if (x < 7.07106781186547) {
    let n = 3.52624965998911e-2 * x + 0.700383064443688;
    n = n * x + 6.37396220353165;
    n = n * x + 33.912866078383;
    n = n * x + 112.079291497871;
    n = n * x + 221.213596169931;
    n = n * x + 220.206867912376;
    let d = 8.83883476483184e-2 * x + 1.75566716318264;
    d = d * x + 16.064177579207;
    d = d * x + 86.7807322029461;
    d = d * x + 296.564248779674;
    d = d * x + 637.333633378831;
    d = d * x + 793.826512519948;
    d = d * x + 440.413735824752;
    tail = (e * n) / d;
  } else {
    let d = x + 0.65;
    d = x + 4 / d;
    d = x + 3 / d;
    d = x + 2 / d;
    d = x + 1 / d;
    tail = e / d / 2.506628274631;
  }
  return z > 0 ? 1 - tail : tail;
}

export interface AcquisitionOptions {
  /** The lowest objective seen so far. */
  best: number;
  kappa: number;
  xi: number;
}

/** The acquisition value of a prediction (lower is better): LCB = mean - kappa*std; EI and PI negated. */
export function acquisition(name: AcquisitionName, prediction: Prediction, options: AcquisitionOptions): number {
  const { mean, std } = prediction;
  if (name === "LCB") return mean - options.kappa * std;
  const improvement = options.best - options.xi - mean;
  if (!(std > 0)) return name === "EI" ? -Math.max(improvement, 0) : improvement > 0 ? -1 : 0;
  const z = improvement / std;
  if (name === "PI") return -normalCdf(z);
  return -(improvement * normalCdf(z) + std * normalPdf(z));
}
