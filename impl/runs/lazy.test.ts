// Lazy computes on first use, then again only after reset.
import { describe, expect, it } from "vitest";
import { Lazy } from "./lazy.js";

describe("Lazy", () => {
  it.each([
    { steps: [], gets: [], computed: 0 },
    { steps: ["get"], gets: [1], computed: 1 },
    { steps: ["get", "get"], gets: [1, 1], computed: 1 },
    { steps: ["get", "reset", "get", "get"], gets: [1, 2, 2], computed: 2 },
    { steps: ["reset", "get"], gets: [1], computed: 1 },
  ] as const)("$steps gives $gets, computing $computed time(s)", ({ steps, gets, computed }) => {
    let count = 0;
    const lazy = new Lazy(() => ++count);
    const actual: number[] = [];
    for (const step of steps) {
      if (step === "get") actual.push(lazy.get());
      else lazy.reset();
    }
    expect({ gets: actual, computed: count }).toEqual({ gets, computed });
  });
});
