// The random_seed attr of a new run: the option's value, else the seed of the run it starts from, else a new one.
import { describe, expect, it } from "vitest";
import { runRandomSeed } from "./run-init.js";

const base = (seed: unknown) => ({ get: (name: string) => (name === "random_seed" ? seed : undefined) });

const cases: { name: string; requested: number | null; baseSeed: unknown | "no base"; expected: unknown }[] = [
  { name: "--random-seed wins over the base run's", requested: 7, baseSeed: 123, expected: 7 },
  { name: "a proto's or restarted run's seed is kept", requested: null, baseSeed: 123, expected: 123 },
  { name: "no base run: a new seed", requested: null, baseSeed: "no base", expected: 99 },
  { name: "base run without a seed: a new seed", requested: null, baseSeed: undefined, expected: 99 },
  { name: "a stored 0 is falsy in Python: a new seed", requested: null, baseSeed: 0, expected: 99 },
  { name: "--random-seed 0 is no seed: the base run's", requested: 0, baseSeed: 123, expected: 123 },
  { name: "--random-seed 0 is no seed: a new one", requested: 0, baseSeed: "no base", expected: 99 },
];

describe("runRandomSeed", () => {
  it.each(cases)("$name", ({ requested, baseSeed, expected }) => {
    expect(runRandomSeed(requested, baseSeed === "no base" ? null : base(baseSeed), () => 99)).toEqual(expected);
  });
});
