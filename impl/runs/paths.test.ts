import { describe, expect, it } from "vitest";
import { formatUserDir, shortenPath } from "./paths.js";

describe("shortenPath", () => {
  it.each([
    ["gwork/steps3", "gwork/steps3"],
    ["../steps3", "../steps3"],
    ["/aaaa/bbbb/cccc/dddd/eeee/ffff/gggg", "/aaaa/bbbb/\u2026/eeee/ffff/gggg"],
    ["aaaa/bbbb/cccc/dddd/eeee/ffff/gggg", "aaaa/bbbb/\u2026/eeee/ffff/gggg"],
    ["/averyveryverylongdirectoryname/x", "/\u2026/x"],
  ])("%s -> %s", (input, expected) => {
    expect(shortenPath(input)).toBe(expected);
  });
});

describe("formatUserDir", () => {
  it.each([
    ["/home/u/x/y", "/home/u", "~/x/y"],
    ["/other/x", "/home/u", "/other/x"],
    ["/home/u/x", undefined, "/home/u/x"],
  ])("%s with home %s -> %s", (dir, home, expected) => {
    expect(formatUserDir(dir, home)).toBe(expected);
  });
});
