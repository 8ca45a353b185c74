// The prebuilt suite is used only while it is current; otherwise, and in watch mode, transcripts import the source.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTempDir } from "../sandbox/temp-dir.test-support.js";
import { suiteModulePaths, transcriptSuiteModule } from "./suite-module.js";

const tempDir = useTempDir("suite-module-test");
let count = 0;

/** A repository whose prebuilt suite was built a minute after `inputs` were last written; `touch` makes one newer than the build. */
function repo({ inputs = ["harness/a.ts", "lib/b.ts"], inputsText }: { inputs?: string[]; inputsText?: string } = {}) {
  const root = path.join(tempDir(), `repo-${(count += 1)}`);
  const paths = suiteModulePaths(root);
  const builtAt = new Date("2026-01-01T12:00:00Z");
  for (const input of inputs) {
    fs.mkdirSync(path.dirname(path.join(root, input)), { recursive: true });
    fs.writeFileSync(path.join(root, input), "export {};\n");
    fs.utimesSync(path.join(root, input), new Date(builtAt.getTime() - 60_000), new Date(builtAt.getTime() - 60_000));
  }
  fs.mkdirSync(path.dirname(paths.prebuilt), { recursive: true });
  fs.writeFileSync(paths.prebuilt, "export function transcriptSuite() {}\n");
  fs.utimesSync(paths.prebuilt, builtAt, builtAt);
  fs.writeFileSync(paths.inputs, inputsText ?? JSON.stringify({ inputs }));
  return { root, paths, touch: (input: string) => fs.utimesSync(path.join(root, input), new Date(builtAt.getTime() + 1000), new Date(builtAt.getTime() + 1000)) };
}

describe("transcriptSuiteModule", () => {
  it("is the prebuilt suite when no file it was built from changed since", () => {
    const { root, paths } = repo();
    expect(transcriptSuiteModule(root, false)).toBe(paths.prebuilt);
  });

  it("is the source in watch mode, where edits must show in the next re-run", () => {
    const { root, paths } = repo();
    expect(transcriptSuiteModule(root, true)).toBe(paths.source);
  });

  it("is the source once a file it was built from is newer", () => {
    const { root, paths, touch } = repo();
    touch("lib/b.ts");
    expect(transcriptSuiteModule(root, false)).toBe(paths.source);
  });

  it("is the source once a file it was built from is gone", () => {
    const { root, paths } = repo();
    fs.rmSync(path.join(root, "harness/a.ts"));
    expect(transcriptSuiteModule(root, false)).toBe(paths.source);
  });

  it("is the source when nothing was built", () => {
    const { root, paths } = repo();
    fs.rmSync(paths.prebuilt);
    expect(transcriptSuiteModule(root, false)).toBe(paths.source);
  });

  it.each([
    { why: "no list of inputs", inputsText: undefined, remove: true },
    { why: "a list that is not JSON", inputsText: "{inputs: [", remove: false },
    { why: "an empty list", inputsText: '{"inputs": []}', remove: false },
    { why: "a list of other things", inputsText: '{"inputs": [1]}', remove: false },
  ])("is the source with $why", ({ inputsText, remove }) => {
    const { root, paths } = repo({ inputsText });
    if (remove) fs.rmSync(paths.inputs);
    expect(transcriptSuiteModule(root, false)).toBe(paths.source);
  });
});
