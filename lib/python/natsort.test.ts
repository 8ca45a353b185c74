// naturalSorted against python3: natsort.natsorted when it is installed, else natsort's default key spelt in Python.
import { describe, expect, test } from "vitest";
import { compareNaturalValues, naturalSorted } from "./natsort.js";
import { pythonAnswers } from "./oracle.js";

const lists = [
  ["step9", "step10", "step1"],
  ["step10", "step9", "step-1"],
  ["step-1_3/", "step-1/", "step-1_2/"],
  ["step.py", "step-2", "loss.py", "guild.yml"],
  ["b", "B", "a", "10", "9", ""],
  ["eval", "train/", "prepare/"],
  ["a01", "a1", "a001", "a0"],
  ["x99999999999999999999", "x100000000000000000000", "x9"],
  ["1a", "a1", "1", "a", "_", "-1"],
  ["e\u0301", "é", "f", "e", "ez"],
  ["\uffff", "😀", "\ue000", "a"],
  ["v\u0662", "v10", "v3", "v\uff11"],
  ["1.10", "1.9", "1.2.3", "1.02"],
  ["file 2.txt", "file 10.txt", "file1.txt", "File3.txt"],
];

const reference = `
import re, unicodedata
try:
    from natsort import natsorted
except ImportError:
    def natsort_key(text):
        parts = [int(part) if part[0].isdigit() else part
                 for part in re.split(r"(\\d+)", unicodedata.normalize("NFD", text)) if part]
        return tuple([""] + parts if parts and isinstance(parts[0], int) else parts)
    def natsorted(items):
        return sorted(items, key=natsort_key)
def answer(items):
    return list(natsorted(items))
`;

describe("naturalSorted matches natsort", () => {
  const answers = pythonAnswers<string[]>(reference, lists.map((items) => [items]));
  test.each(lists.map((items, index) => [items, answers[index]] as const))("%j", (items, expected) => {
    expect(naturalSorted(items)).toEqual(expected);
  });
});

describe("compareNaturalValues orders key values as natsorted(..., key=...) does", () => {
  // Checked against natsort 8.0.2: natsorted([1, 'a', None, 0.5, '10', 'b2']) == [None, 0.5, 1, '10', 'a', 'b2'].
  const cases: [unknown[], unknown[]][] = [
    [[3.0, null, 1.5, 2], [null, 1.5, 2, 3.0]],
    [["b10", "b9", null, "a"], [null, "a", "b9", "b10"]],
    [[1, "a", null, 0.5, "10", "b2"], [null, 0.5, 1, "10", "a", "b2"]],
    [[true, 2, 0.5], [0.5, true, 2]],
  ];
  test.each(cases)("%j", (items, expected) => {
    expect([...items].sort(compareNaturalValues)).toEqual(expected);
  });
});
