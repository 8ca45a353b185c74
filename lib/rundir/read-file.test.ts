// readRegularText: regular files are read whole; FIFOs, devices, directories and oversized files read as missing. The listing shortcuts read the same.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { isRegularFileWithin, readListedRegularText, readRegularText } from "./read-file.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "read-file-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const cases: { name: string; make: (file: string) => void; maxBytes?: number; expected: string | undefined }[] = [
  { name: "a regular file", make: (file) => fs.writeFileSync(file, "label\n"), expected: "label\n" },
  { name: "an empty file", make: (file) => fs.writeFileSync(file, ""), expected: "" },
  { name: "a link to a regular file", make: (file) => (fs.writeFileSync(file + ".target", "x"), fs.symlinkSync(file + ".target", file)), expected: "x" },
  { name: "a file at the bound", make: (file) => fs.writeFileSync(file, "12345"), maxBytes: 5, expected: "12345" },
  { name: "a file over the bound", make: (file) => fs.writeFileSync(file, "123456"), maxBytes: 5, expected: undefined },
  // Around the size read with a single call (64 KiB), with multi-byte characters across the boundary.
  ...[65_535, 65_536, 65_537, 200_001].map((size) => {
    const text = "é".repeat(Math.floor(size / 2)) + "x".repeat(size % 2);
    return { name: `a UTF-8 file of ${size} bytes`, make: (file: string) => fs.writeFileSync(file, text), expected: text };
  }),
  { name: "a missing file", make: () => undefined, expected: undefined },
  { name: "a directory", make: (file) => fs.mkdirSync(file), expected: undefined },
  { name: "a FIFO nobody writes to", make: (file) => execFileSync("mkfifo", [file]), expected: undefined },
  { name: "a link to /dev/zero", make: (file) => fs.symlinkSync("/dev/zero", file), expected: undefined },
  { name: "a link to /dev/urandom", make: (file) => fs.symlinkSync("/dev/urandom", file), expected: undefined },
  { name: "a dangling link", make: (file) => fs.symlinkSync(path.join(root, "nowhere"), file), expected: undefined },
];

describe("readRegularText", () => {
  test.each(cases)("$name", ({ name, make, maxBytes, expected }) => {
    const file = path.join(root, name.replace(/\W+/g, "-"));
    make(file);
    expect(readRegularText(file, maxBytes)).toBe(expected);
  });
});

describe("isRegularFileWithin, then readListedRegularText", () => {
  test.each(cases)("$name", ({ name, make, maxBytes, expected }) => {
    const file = path.join(root, "stat-first-" + name.replace(/\W+/g, "-"));
    make(file);
    expect(isRegularFileWithin(file, maxBytes) ? readListedRegularText(file, maxBytes) : undefined).toBe(expected);
  });
});

describe("readListedRegularText of what a listing shows as a regular file", () => {
  const regular = cases.filter(({ name }) => name.startsWith("a regular") || name.startsWith("an empty") || name.includes("bound") || name.includes("UTF-8"));
  test.each(regular)("$name", ({ name, make, maxBytes, expected }) => {
    const file = path.join(root, "listed-" + name.replace(/\W+/g, "-"));
    make(file);
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(readListedRegularText(file, maxBytes)).toBe(expected);
  });

  test("a missing file (gone since it was listed) and a directory read as missing", () => {
    expect(readListedRegularText(path.join(root, "gone"))).toBe(undefined);
    const dir = path.join(root, "listed-dir");
    fs.mkdirSync(dir);
    expect(readListedRegularText(dir)).toBe(undefined);
  });
});
