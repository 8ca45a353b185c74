import { describe, expect, it } from "vitest";
import { formatTable } from "./table.js";

describe("formatTable", () => {
  it.each([
    { rows: [["[1]", "m1:step-2", "completed", ""], ["[2]", "m1:steps-basic", "completed", "x"]], expected: ["[1]  m1:step-2       completed  ", "[2]  m1:steps-basic  completed  x"] },
    { rows: [["m1", ""], ["m22", null]], expected: ["m1   ", "m22  "] },
    { rows: [], expected: [] },
  ])("formats $rows", ({ rows, expected }) => {
    expect(formatTable(rows)).toEqual(expected);
  });

  it("indents rows", () => {
    expect(formatTable([["a", "b"]], { indent: 2 })).toEqual(["  a  b"]);
  });
});
