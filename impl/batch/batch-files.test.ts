import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { useTempDir } from "./temp-dir.test-support.js";
import { PyFloat } from "../../lib/python/values.js";
import { CliError } from "../io.js";
import { parseCsv, readBatchFiles, splitBatchFiles } from "./batch-files.js";

describe("parseCsv", () => {
  const cases: [string, string[][]][] = [
    ["a,b\n1,2\n", [["a", "b"], ["1", "2"]]],
    ["a,b\r\n1\r\n", [["a", "b"], ["1"]]],
    ['msg\n"hello, world"\n"say ""hi"""\n', [["msg"], ["hello, world"], ['say "hi"']]],
    ["a,b\n1,", [["a", "b"], ["1", ""]]],
    ["", []],
  ];
  test.each(cases)("%j", (text, expected) => expect(parseCsv(text)).toEqual(expected));
});

describe("splitBatchFiles", () => {
  test("@ args are files, the rest flag assigns", () => {
    expect(splitBatchFiles(["@a.csv", "x=1", "@b.yml"])).toEqual({ batchFiles: ["a.csv", "b.yml"], flagArgs: ["x=1"] });
  });
});

describe("readBatchFiles", () => {
  const tempDir = useTempDir("batch-files-");
  const write = (name: string, text: string) => fs.writeFileSync(path.join(tempDir(), name), text);

  test.each([
    ["t.csv", "x,y\n1,a\n2.5,yes\n"],
    ["t.yml", "- {x: 1, y: a}\n- {x: 2.5, y: yes}\n"],
    ["t.json", '[{"x": 1, "y": "a"}, {"x": 2.5, "y": true}]'],
  ])("%s: values decoded as flag values", (name, text) => {
    write(name, text);
    expect(readBatchFiles([name], tempDir(), undefined)).toEqual([{ x: 1, y: "a" }, { x: new PyFloat(2.5), y: true }]);
  });

  test("a mapping is one trial", () => {
    write("one.yaml", "x: 3\n");
    expect(readBatchFiles(["one.yaml"], tempDir(), undefined)).toEqual([{ x: 3 }]);
  });

  const errors: [string, string | null, string][] = [
    ["missing.csv", null, "batch file {dir}/missing.csv does not exist"],
    ["t.txt", "x\n", "cannot read trials for {dir}/t.txt: unsupported extension"],
    ["list.yml", "- 1\n", "cannot read trials for {dir}/list.yml: invalid data type for trial 1: expected dict"],
    ["scalar.json", "12", "cannot read trials for {dir}/scalar.json: invalid data type for trials: expected list or dict, got int"],
  ];
  test.each(errors)("%s: %s", (name, text, message) => {
    if (text !== null) write(name, text);
    expect(() => readBatchFiles([name], tempDir(), undefined)).toThrow(new CliError(message.replace("{dir}", tempDir())));
  });
});
