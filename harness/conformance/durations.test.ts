// The durations kept between conformance runs, and the longest-first order they give.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { durationKey, longestFirst, readDurations, writeDurations } from "./durations.js";

const tempDir = useTempDir("durations");

describe("durations file", () => {
  it("reads nothing from a missing or malformed file", () => {
    const file = path.join(tempDir(), "durations.json");
    expect(readDurations(file).size).toBe(0);
    for (const text of ["not json", "[1, 2]", "null", '"text"']) {
      fs.writeFileSync(file, text);
      expect(readDurations(file).size).toBe(0);
    }
    fs.writeFileSync(file, JSON.stringify({ a: 1.5, b: "slow", c: -1, d: null }));
    expect([...readDurations(file)]).toEqual([["a", 1.5]]);
  });

  it("keeps the durations of transcripts a later run did not measure", () => {
    const file = path.join(tempDir(), "cache", "nested", "durations.json");
    writeDurations(file, new Map([["x", 1], ["y", 2]]), "test");
    writeDurations(file, new Map([["y", 3], ["z", 4]]), "test");
    expect(Object.fromEntries(readDurations(file))).toEqual({ x: 1, y: 3, z: 4 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(["durations.json"]);
  });

  it("is no error where it cannot be written", () => {
    const blocker = path.join(tempDir(), "blocker");
    fs.writeFileSync(blocker, "a file where the folder should be");
    expect(() => writeDurations(path.join(blocker, "durations.json"), new Map([["x", 1]]), "test")).not.toThrow();
  });

  it("keys a run by implementation and the transcript's text", () => {
    const key = durationKey("reference", "    >>> print(1)\n    1\n");
    expect(key).toMatch(/^reference\t[0-9a-f]{20}$/);
    expect(durationKey("reference", Buffer.from("    >>> print(1)\n    1\n"))).toBe(key);
    expect(durationKey("real", "    >>> print(1)\n    1\n")).not.toBe(key);
    expect(durationKey("reference", "    >>> print(2)\n    2\n")).not.toBe(key);
  });

  it("keeps the most recently measured when it holds too many", () => {
    const file = path.join(tempDir(), "many", "durations.json");
    writeDurations(file, new Map(Array.from({ length: 5000 }, (_, index) => [`old ${index}`, 1])), "test");
    writeDurations(file, new Map([["old 0", 2], ["new", 3]]), "test");
    const kept = readDurations(file);
    // "old 0" was measured again, so "old 1" is now the least recently measured and goes.
    expect({ size: kept.size, old1: kept.has("old 1"), old2: kept.has("old 2"), old0: kept.get("old 0"), added: kept.get("new") }).toEqual({ size: 5000, old1: false, old2: true, old0: 2, added: 3 });
  });
});

describe("longestFirst", () => {
  const items = [
    { name: "short", seconds: 1, size: 900 },
    { name: "new small", seconds: undefined, size: 10 },
    { name: "long", seconds: 7, size: 100 },
    { name: "new big", seconds: undefined, size: 500 },
    { name: "middle", seconds: 3, size: 50 },
  ];

  it("starts what was never measured (biggest first), then the longest measured", () => {
    expect(longestFirst(items, (item) => item.seconds, (item) => item.size).map((item) => item.name)).toEqual(["new big", "new small", "long", "middle", "short"]);
  });

  it("orders by size alone when nothing was measured", () => {
    expect(longestFirst(items, () => undefined, (item) => item.size).map((item) => item.name)).toEqual(["short", "new big", "long", "middle", "new small"]);
  });
});
