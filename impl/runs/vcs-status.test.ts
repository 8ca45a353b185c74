// Unstaged changes as Guild reads them from git status codes: the first entry a path starts with decides.
import { expect, test } from "vitest";
import { isUnstaged, type FileStatus } from "./vcs-status.js";

const statuses: FileStatus[] = [
  { status: "M_", path: "staged.py", origPath: null },
  { status: "_M", path: "changed.py", origPath: null },
  { status: "??", path: "new/", origPath: null },
  { status: "R_", path: "renamed.py", origPath: "old.py" },
];

test.each([
  { file: "staged.py", unstaged: false },
  { file: "changed.py", unstaged: true },
  { file: "new/file.txt", unstaged: true },
  { file: "renamed.py", unstaged: false },
  { file: "clean.py", unstaged: false },
])("$file unstaged: $unstaged", ({ file, unstaged }) => {
  expect(isUnstaged(file, statuses)).toBe(unstaged);
});
