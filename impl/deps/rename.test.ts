// Renaming resolved files: Python re.sub (first match only) with `${flag}` refs in the specs, and Guild's errors.
import { describe, expect, test } from "vitest";
import { renameSourceFile } from "./rename.js";

const flags: Record<string, string> = { suffix: "-v2", name: "data.csv" };
const refs = (text: string) =>
  text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
    if (!(name in flags)) throw new Error(`cannot resolve '${text}': undefined reference '${name}'`);
    return flags[name];
  });

const cases: { name: string; specs: { pattern: string; repl: string }[]; expected: string }[] = [
  { name: "foo.txt", specs: [{ pattern: ".*", repl: "bar.txt" }], expected: "bar.txt" },
  { name: "foo.txt", specs: [{ pattern: "foo", repl: "bar" }], expected: "bar.txt" },
  { name: "foo.foo", specs: [{ pattern: "foo", repl: "bar" }], expected: "bar.foo" },
  { name: "foo.txt", specs: [{ pattern: "(\\w+)\\.txt", repl: "\\1.csv" }], expected: "foo.csv" },
  { name: "foo.txt", specs: [{ pattern: "(?P<stem>\\w+)\\.txt", repl: "\\g<stem>${suffix}.txt" }], expected: "foo-v2.txt" },
  { name: "foo.txt", specs: [{ pattern: "nomatch", repl: "x" }, { pattern: "foo.txt", repl: "${name}" }], expected: "data.csv" },
  { name: "foo.txt", specs: [{ pattern: "nomatch", repl: "x" }], expected: "foo.txt" },
];

describe("renameSourceFile", () => {
  test.each(cases)("$name with $specs", ({ name, specs, expected }) => {
    expect(renameSourceFile(name, specs, refs)).toBe(expected);
  });

  test.each([
    { specs: [{ pattern: "foo.txt", repl: "${undefined}" }], expected: "error renaming source foo.txt ('foo.txt' -> '${undefined}'): resolution error: cannot resolve '${undefined}': undefined reference 'undefined'" },
    { specs: [{ pattern: "(", repl: "x" }], expected: /^error renaming source foo.txt \('\(' -> 'x'\): / },
    { specs: [{ pattern: "foo", repl: "\\2" }], expected: "error renaming source foo.txt ('foo' -> '\\\\2'): invalid group reference 2" },
  ])("$specs fails", ({ specs, expected }) => {
    expect(() => renameSourceFile("foo.txt", specs, refs)).toThrow(expected);
  });
});
