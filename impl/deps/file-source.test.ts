// `file:` sources: what each kind of project path resolves to, configured paths, archives, and the messages for missing files.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { isResourceDef, resourceFromRequires } from "./resource.js";
import { resolveFileSource } from "./file-source.js";
import { archiveType, pythonUnpacker } from "./unpack.js";

const root = mkdtempSync(join(tmpdir(), "file-source-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = join(root, "project");
const cache = join(root, "cache");
mkdirSync(join(project, "data", "sub"), { recursive: true });
writeFileSync(join(project, "foo.txt"), "foo");
writeFileSync(join(project, "bar.txt"), "bar");
writeFileSync(join(project, "data", "a.csv"), "");
writeFileSync(join(project, "data", "sub", "b.csv"), "");
execFileSync("python3", ["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w')\nz.writestr('x/one.txt', '1')\nz.writestr('two.txt', '2')\nz.close()", join(project, "files.zip")]);

function resolve(sourceData: Record<string, unknown>, config: unknown = null, flagValues: Record<string, unknown> = {}) {
  const resource = resourceFromRequires(sourceData);
  if (!isResourceDef(resource)) throw new Error("expected an inline resource");
  const messages: string[] = [];
  const context = {
    location: project, cwd: project, resourceCacheDir: cache, flagValues, unpack: pythonUnpacker("python3"),
    info: (message: string) => messages.push(message), warn: (message: string) => messages.push(`WARNING: ${message}`), error: (message: string) => messages.push(`ERROR: ${message}`),
  };
  try {
    const paths = resolveFileSource(resource.sources[0], config, context).map((path) => relative(root, path).replace(/^cache\/[0-9a-f]{56}/, "<unpacked>"));
    return { paths, messages };
  } catch (error) {
    return { error: (error as Error).message.split(root).join("<root>"), messages };
  }
}

describe("file sources", () => {
  test.each([
    { data: { file: "foo.txt" }, expected: { paths: ["project/foo.txt"], messages: [] } },
    { data: { file: "data" }, expected: { paths: ["project/data"], messages: [] } },
    { data: { file: "data", select: ".*\\.csv" }, expected: { paths: ["project/data/a.csv", "project/data/sub/b.csv"], messages: [] } },
    { data: { file: "data", select: "nothing" }, expected: { paths: [], messages: ["WARNING: nothing resolved for file:data"] } },
    { data: { file: "data", select: "nothing", "fail-if-empty": true }, expected: { error: "nothing resolved for file:data", messages: [] } },
    { data: { file: "missing.txt" }, expected: { error: "cannot find source file 'missing.txt'", messages: [] } },
    { data: { file: "${name}.txt" }, expected: { error: "cannot resolve '${name}.txt' in file:${name}.txt: undefined reference 'name'", messages: [] } },
    { data: { file: "files.zip" }, expected: { paths: ["<unpacked>/two.txt", "<unpacked>/x"], messages: [`Unpacking ${project}/files.zip`] } },
    { data: { file: "files.zip", select: "x/.*" }, expected: { paths: ["<unpacked>/x/one.txt"], messages: [] } },
    { data: { file: "files.zip", unpack: false }, expected: { paths: ["project/files.zip"], messages: [] } },
    { data: { file: "foo.txt", sha256: "0" }, expected: { error: `'<root>/project/foo.txt' has an unexpected sha256 (expected 0 but got 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae)`, messages: [] } },
  ])("$data", ({ data, expected }) => {
    expect(resolve(data)).toEqual(expected);
  });

  test("a flag's path is used instead of the source's, relative to the cwd", () => {
    expect(resolve({ file: "foo.txt", name: "infile" }, "bar.txt")).toEqual({ paths: ["project/bar.txt"], messages: ["Using bar.txt for infile"] });
    expect(resolve({ file: "foo.txt" }, "nope.txt")).toEqual({ error: "<root>/project/nope.txt does not exist", messages: [] });
  });

  test("refs in the source path are flag values", () => {
    expect(resolve({ file: "${name}.txt" }, null, { name: "bar" })).toEqual({ paths: ["project/bar.txt"], messages: [] });
  });

  test.each([
    ["a.zip", null, "zip"], ["a.tar.gz", null, "tar"], ["a.tgz", null, "tar"], ["a.TAR", null, "tar"],
    ["a.gz", null, "gzip"], ["a.txt", null, null], ["a.bin", "zip", "zip"],
  ])("archive type of %s (declared %s)", (path, declared, expected) => {
    expect(archiveType(path, declared)).toBe(expected);
  });
});
