// The trials of a batch: the grid of flag lists (batch_util.expand_flags), trials from batch files, random search, sampling.
import type { PyValue } from "../../lib/python/values.js";
import { drawValue, flagDimension, seededRandom, SearchSpaceError, type FlagDimension } from "./search-space.js";

export type Trial = Record<string, PyValue>;

/** Every combination of the flags' values, names in ascending order, each list in its own order. */
export function gridTrials(flagValues: Trial, random: () => number = seededRandom(0)): Trial[] {
  const names = Object.keys(flagValues).sort();
  let trials: Trial[] = [{}];
  for (const name of names) {
    const value = flagValues[name];
    const choices = Array.isArray(value) ? value : [value];
    trials = trials.flatMap((trial) => choices.map((choice) => ({ ...trial, [name]: choice })));
  }
  // Flag functions in a grid draw one value per trial (batch_util._apply_flag_functions).
  for (const trial of trials) {
    for (const name of Object.keys(trial)) {
      // Guild names the flag 'dummy' in errors from functions in a grid (batch_util._FlagFunction).
      const dimension = Array.isArray(trial[name]) ? null : flagDimension(trial[name], "dummy");
      if (dimension) trial[name] = dimension.initial ?? drawValue(dimension.dimension, random);
    }
  }
  return trials;
}

/** batch_util.expand_trial_flags: each file trial over the flag values, user flags winning, then the grid. */
export function fileTrials(trials: Trial[], flagValues: Trial, userFlagValues: Trial, random?: () => number): Trial[] {
  const generator = random ?? seededRandom(0);
  return trials.flatMap((trial) => gridTrials({ ...flagValues, ...trial, ...userFlagValues }, generator));
}

/** batch_util.sample_trials: at most `count` trials, chosen at random and kept in their order. */
export function sampleTrials(trials: Trial[], count: number, seed: number): Trial[] {
  if (trials.length <= count) return trials;
  const random = seededRandom(seed);
  const indices = trials.map((_, index) => index);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, count).sort((a, b) => a - b).map((index) => trials[index]);
}

/** The search dimensions among flag values, by name in ascending order. */
export function searchDimensions(flagValues: Trial): Map<string, FlagDimension> {
  const dimensions = new Map<string, FlagDimension>();
  for (const name of Object.keys(flagValues).sort()) {
    const dimension = flagDimension(flagValues[name], name);
    if (dimension) dimensions.set(name, dimension);
  }
  return dimensions;
}

/** Raised when random search has nothing to search. */
export class MissingSearchDimension extends SearchSpaceError {}

/** skopt_util.random_trials_for_flags: `count` trials drawing every dimension; the first uses initial values. */
export function randomTrials(flagValues: Trial, count: number, seed: number): Trial[] {
  const dimensions = searchDimensions(flagValues);
  if (!dimensions.size) throw new MissingSearchDimension("no search dimensions");
  const random = seededRandom(seed);
  const trials: Trial[] = [];
  for (let index = 0; index < count; index++) {
    const trial: Trial = {};
    for (const [name, { dimension, initial }] of dimensions) {
      trial[name] = index === 0 && initial !== null ? initial : drawValue(dimension, random);
    }
    for (const name of Object.keys(flagValues)) if (!(name in trial)) trial[name] = flagValues[name];
    trials.push(trial);
  }
  return trials;
}
