// globPaths against CPython's glob.glob on one small tree: wildcards per segment, hidden names, absolute and missing paths.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { globPaths } from "./glob.js";
import { pythonAnswers } from "./oracle.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "glob-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
for (const file of ["a.txt", "b.txt", "c.py", ".hidden", "sub/x.txt", "sub/.y.txt", "sub/deep/z.txt", "other/x.txt", "[x].txt"]) {
  fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), "");
}

const patterns = [
  "*", "*.txt", "?.py", "[ab].txt", "[!a].txt", ".*", "*/x.txt", "sub/*", "sub/.*", "*/*/*.txt", "sub/deep", "missing/*",
  "sub//x.txt", "sub///x.txt", "sub//*", "sub//deep/*", "*//x.txt", "a.txt", "nothing", "[[]x].txt", "*/", "sub/*/",
];

describe("globPaths matches CPython's glob.glob", () => {
  const answers = pythonAnswers<string[]>("import glob, os\ndef answer(root, pattern):\n    os.chdir(root)\n    return sorted(glob.glob(pattern))", patterns.map((pattern) => [root, pattern]));
  test.each(patterns.map((pattern, index) => [pattern, answers[index]] as const))("%j", (pattern, expected) => {
    expect(globPaths(pattern, { resolve: (relative) => path.join(root, relative) }).sort()).toEqual(expected);
  });

  test("an absolute pattern gives absolute paths", () => {
    expect(globPaths(`${root}/sub/*.txt`)).toEqual([`${root}/sub/x.txt`]);
  });

  test("sortNames lists each directory's matches in order", () => {
    expect(globPaths("*.txt", { resolve: (relative) => path.join(root, relative), sortNames: true })).toEqual(["[x].txt", "a.txt", "b.txt"]);
  });
});
