// randomSeed maps 48 random bits onto [0, 2^32] without bias; run ids have uuid4().hex's shape.
import { expect, test } from "vitest";
import { randomRunId, randomSeed, type RandomFill } from "./random.js";

/** A fill that hands out the given 3-word draws in order. */
function draws(...values: [number, number, number][]): RandomFill {
  let next = 0;
  return (words) => words.set(values[next++]);
}

const range = 2 ** 32 + 1;
const limit = Math.floor(2 ** 48 / range) * range;
const wordsOf = (value: number): [number, number, number] => [Math.floor(value / 2 ** 32), Math.floor(value / 2 ** 16) % 2 ** 16, value % 2 ** 16];

test.each([
  { name: "zero", fill: draws([0, 0, 0]), expected: 0 },
  { name: "the largest seed", fill: draws(wordsOf(2 ** 32)), expected: 2 ** 32 },
  { name: "wraps at the range", fill: draws(wordsOf(range + 5)), expected: 5 },
  { name: "the last value kept", fill: draws(wordsOf(limit - 1)), expected: (limit - 1) % range },
  { name: "past the limit: drawn again", fill: draws(wordsOf(limit), [0, 0, 7]), expected: 7 },
])("randomSeed: $name", ({ fill, expected }) => {
  expect(randomSeed(fill)).toBe(expected);
});

test("randomSeed from Web Crypto stays in range", () => {
  for (let index = 0; index < 100; index += 1) expect(randomSeed()).toBeLessThanOrEqual(2 ** 32);
});

test("randomRunId: 32 lowercase hex characters, version 4", () => {
  expect(randomRunId()).toMatch(/^[0-9a-f]{12}4[0-9a-f]{19}$/);
});
