// Shards: the syntax, and a split that gives each transcript to exactly one shard, balanced by size.
import { describe, expect, it } from "vitest";
import { ConformanceError } from "./implementations.js";
import { parseShard, selectShard } from "./shard.js";

describe("parseShard", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/3", { index: 2, count: 3 }],
  ])("%s", (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });

  it.each(["0/2", "3/2", "1/0", "1", "a/b", "1/2/3", ""])("refuses %j", (text) => {
    expect(() => parseShard(text)).toThrow(new ConformanceError(`--shard must be INDEX/COUNT with 1 <= INDEX <= COUNT, as 1/3 (got '${text}')`));
  });
});

describe("selectShard", () => {
  const sizes: Record<string, number> = { "a.md": 100, "b.md": 10, "c.md": 60, "d.md": 50, "e.md": 5, "f.md": 40 };
  const files = Object.keys(sizes);
  const shard = (index: number, count: number) => selectShard(files, { index, count }, (file) => file, (file) => sizes[file]);

  it.each([
    [1, [["a.md", "b.md", "c.md", "d.md", "e.md", "f.md"]]],
    [2, [["a.md", "f.md"], ["b.md", "c.md", "d.md", "e.md"]]],
    [3, [["a.md"], ["b.md", "c.md", "e.md"], ["d.md", "f.md"]]],
    [6, [["a.md"], ["c.md"], ["d.md"], ["f.md"], ["b.md"], ["e.md"]]],
  ])("%i shards: each file once, in the given order, heaviest spread first", (count, expected) => {
    expect(Array.from({ length: count }, (_, index) => shard(index + 1, count))).toEqual(expected);
  });

  it("refuses more shards than files", () => {
    expect(() => shard(1, 7)).toThrow(new ConformanceError("--shard 1/7: 6 transcript(s) cannot fill 7 shards"));
  });
});
