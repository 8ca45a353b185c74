import { describe, expect, it } from "vitest";
import { naturalSorted } from "./natsort.js";

describe("naturalSorted", () => {
  it.each([
    [["step9", "step10", "step1"], ["step1", "step9", "step10"]],
    [["step-1_3/", "step-1/", "step-1_2/"], ["step-1/", "step-1_2/", "step-1_3/"]],
    [["step.py", "step-2", "loss.py", "guild.yml"], ["guild.yml", "loss.py", "step-2", "step.py"]],
    [["b", "B", "a", "10", "9"], ["9", "10", "B", "a", "b"]],
    [["eval", "train/", "prepare/"], ["eval", "prepare/", "train/"]],
  ])("%j", (input, expected) => {
    expect(naturalSorted(input)).toEqual(expected);
  });
});
