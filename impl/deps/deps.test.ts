import { describe, expect, test } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { flagNameCandidates, isResourceDef, resourceFromRequires, resourceResolvingName, type ResourceDef } from "./resource.js";
import { matchingRuns, parseOpReference, type CandidateRun } from "./run-match.js";
import { defaultRunPaths, selectPaths } from "./select-files.js";
import { applyDefaultDependencyRuns, DependencyError, resolveDependencies } from "./resolve.js";

function inline(data: unknown): ResourceDef {
  const resource = resourceFromRequires(data);
  if (!isResourceDef(resource)) throw new Error("expected an inline resource");
  return resource;
}

function candidate(id: string, op: string, fields: Partial<CandidateRun> = {}): CandidateRun {
  const [modelName, opName] = op.split(":");
  return {
    id, dir: `/runs/${id}`, status: "completed", started: 1, marked: false, sourcecodeFiles: () => [],
    opref: { pkgType: "guildfile", pkgName: "/p/guild.yml", pkgVersion: "x", modelName, opName },
    ...fields,
  };
}

describe("resources", () => {
  test("inline operation source", () => {
    const resource = inline({ operation: "prepare", select: "data" });
    expect(resourceResolvingName(resource)).toBe("operation:prepare");
    expect(flagNameCandidates(resource)).toEqual(["operation:prepare", "prepare"]);
    expect(resource.sources[0].select).toEqual([{ pattern: "data", reduce: null }]);
    expect(resourceFromRequires("data")).toEqual({ spec: "data" });
  });

  test.each<[unknown, string]>([
    [{ select: "x" }, "invalid source {'select': 'x'} in resource ':<inline>': missing required attribute (one of config, file, module, url, operation)"],
    [5, "invalid dependency value 5: expected a string or mapping"],
  ])("bad %j", (data, message) => {
    expect(() => resourceFromRequires(data)).toThrow(message);
  });
});

describe("matching runs", () => {
  const runs = [
    candidate("a".repeat(32), "m4:prepare", { started: 1 }),
    candidate("b".repeat(32), "m4:prepare", { started: 3 }),
    candidate("c".repeat(32), "m4:prepare2", { started: 5 }),
    candidate("d".repeat(32), "m9:prepare", { started: 2, status: "error" }),
    candidate("e".repeat(32), "m5:prepare", { started: 4, status: "staged" }),
  ];
  test.each<[string, string | null, string[], string[]]>([
    ["prepare", null, ["completed"], ["b", "a"]],
    ["m4:prepare", null, ["completed", "staged"], ["b", "a"]],
    ["prepare", null, ["completed", "staged"], ["e", "b", "a"]],
    ["prep.*", null, ["completed"], ["c", "b", "a"]],
    ["prepare", "a", ["completed"], ["a"]],
    ["nothing", "d".repeat(32), ["completed"], ["d"]],
  ])("%j prefix %j statuses %j", (spec, prefix, statuses, expected) => {
    expect(matchingRuns(runs, [parseOpReference(spec)], prefix, statuses).map((run) => run.id[0])).toEqual(expected);
  });

  test("default runs: newest or marked, full id stored; warning when none", () => {
    const warnings: string[] = [];
    const resources = [inline({ operation: "prepare" }), inline({ operation: "upstream" })];
    const marked = [...runs, candidate("f".repeat(32), "m4:prepare", { started: 0, marked: true })];
    const result = applyDefaultDependencyRuns(resources, { prepare: "a" }, marked, new Set(), { warn: (m) => warnings.push(m) });
    expect(result.flagValues).toEqual({ prepare: "a", "operation:prepare": "a".repeat(32) });
    expect(warnings).toEqual(["cannot find a suitable run for required resource 'operation:upstream'"]);
    const latest = applyDefaultDependencyRuns(resources.slice(0, 1), {}, marked, new Set(), { warn: () => {} });
    expect(latest.flagValues).toEqual({ "operation:prepare": "f".repeat(32) });
  });
});

describe("file selection", () => {
  const paths = [".guild", ".guild/attrs", ".guild/attrs/id", "data", "data2", "model", "sub", "sub/data", "ckpt-1.0", "ckpt-0.5"];
  test.each<[Array<{ pattern: string; reduce: "min" | "max" | null }>, string[]]>([
    [[{ pattern: "data", reduce: null }], ["data"]],
    [[{ pattern: "data.*", reduce: null }], ["data", "data2"]],
    [[{ pattern: ".*/data", reduce: null }], ["sub/data"]],
    [[{ pattern: "\\.guild/attrs/.*", reduce: null }], [".guild/attrs/id"]],
    [[{ pattern: "ckpt-(.+)", reduce: "max" }], ["ckpt-1.0"]],
    [[{ pattern: "ckpt-(.+)", reduce: "min" }], ["ckpt-0.5"]],
  ])("%j", (select, expected) => {
    expect(selectPaths(paths, select)).toEqual(expected);
  });

  test("bad pattern is reported", () => {
    const errors: string[] = [];
    expect(selectPaths(paths, [{ pattern: "x(", reduce: null }], (m) => errors.push(m))).toEqual([]);
    expect(errors).toEqual(["error compiling regular expression 'x(': missing ), unterminated subpattern at position 1"]);
  });

  test("default selection skips .guild* and source code", () => {
    expect(defaultRunPaths(["step.py", ".guild", "data", ".guildignore", "guild.yml"], ["guild.yml", "step.py"])).toEqual(["data"]);
  });
});

describe("resolving during a run", () => {
  function setup() {
    const home = mkdtempSync(join(tmpdir(), "deps-test-"));
    const upstreamDir = join(home, "runs", "u".repeat(32));
    mkdirSync(join(upstreamDir, ".guild"), { recursive: true });
    writeFileSync(join(upstreamDir, "data"), "");
    writeFileSync(join(upstreamDir, "guild.yml"), "x");
    const runDir = join(home, "runs", "r".repeat(32));
    mkdirSync(runDir, { recursive: true });
    const upstream = candidate("u".repeat(32), "m4:prepare", { dir: upstreamDir, sourcecodeFiles: () => ["guild.yml"] });
    const messages: string[] = [];
    const manifest: string[] = [];
    const context = {
      runDir, projectDir: join(home, "project"), candidates: [upstream], flagValues: { "operation:prepare": upstream.id },
      log: { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(`WARNING: ${m}`), error: (m: string) => messages.push(`ERROR: ${m}`) },
      appendManifest: (line: string) => manifest.push(line),
    };
    return { upstream, runDir, messages, manifest, context };
  }

  test("copies selected files and records deps and manifest", () => {
    const { upstream, runDir, messages, manifest, context } = setup();
    const deps = resolveDependencies([inline({ operation: "prepare", select: "data" })], context);
    expect(messages).toEqual(["Resolving operation:prepare", `Using run ${upstream.id} for operation:prepare`]);
    expect(deps).toEqual({ "operation:prepare": { "operation:prepare": { uri: "operation:prepare", paths: [`../${upstream.id}/data`], config: upstream.id } } });
    expect(manifest).toEqual(["d data da39a3ee5e6b4b0d3255bfef95601890afd80709 operation:prepare"]);
    expect(readFileSync(join(runDir, "data"), "utf8")).toBe("");
    resolveDependencies([inline({ operation: "prepare", select: "data" })], context);
    expect(messages.at(-1)).toBe(`WARNING: ${join(runDir, "data")} already exists, skipping copy`);
  });

  test("default selection, links and target path", () => {
    const { upstream, runDir, context } = setup();
    resolveDependencies([inline({ operation: "prepare", "target-type": "link", "target-path": "in" })], context);
    expect(readlinkSync(join(runDir, "in", "data"))).toBe(`../../${upstream.id}/data`);
  });

  test("nothing selected warns; no run fails", () => {
    const { context, messages } = setup();
    resolveDependencies([inline({ operation: "prepare", select: "missing" })], context);
    expect(messages.at(-1)).toBe("WARNING: nothing resolved for operation:prepare");
    expect(() => resolveDependencies([inline({ operation: "upstream" })], { ...context, flagValues: {} })).toThrow(
      new DependencyError("could not resolve 'operation:upstream' in operation:upstream resource: no suitable run for upstream"),
    );
  });
});

describe("resolving project files", () => {
  function setup() {
    const home = mkdtempSync(join(tmpdir(), "deps-files-"));
    const project = join(home, "project");
    mkdirSync(join(project, "data", "sub"), { recursive: true });
    writeFileSync(join(project, "data", "train.csv"), "");
    writeFileSync(join(project, "data", "sub", "deep.csv"), "");
    const runDir = join(home, "runs", "r".repeat(32));
    mkdirSync(runDir, { recursive: true });
    const messages: string[] = [];
    const manifest: string[] = [];
    const context = {
      runDir, projectDir: project, candidates: [], flagValues: { name: "samples" } as Record<string, unknown>,
      log: { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(`WARNING: ${m}`), error: (m: string) => messages.push(`ERROR: ${m}`) },
      appendManifest: (line: string) => manifest.push(line),
      files: { cwd: project, resourceCacheDir: join(home, "cache", "resources"), unpack: () => [] },
    };
    return { runDir, messages, manifest, context };
  }

  test.each([
    { source: { file: "data/train.csv" }, placed: "train.csv", manifest: "d train.csv da39a3ee5e6b4b0d3255bfef95601890afd80709 file:data/train.csv" },
    { source: { file: "data/train.csv", "target-path": "in" }, placed: "in/train.csv", manifest: "d in/train.csv da39a3ee5e6b4b0d3255bfef95601890afd80709 file:data/train.csv" },
    { source: { file: "data/train.csv", rename: "train ${name}" }, placed: "samples.csv", manifest: "d samples.csv da39a3ee5e6b4b0d3255bfef95601890afd80709 file:data/train.csv" },
    { source: { file: "data/sub/deep.csv", "preserve-path": true }, placed: "data/sub/deep.csv", manifest: "d data/sub/deep.csv da39a3ee5e6b4b0d3255bfef95601890afd80709 file:data/sub/deep.csv" },
    { source: { file: "data" }, placed: "data/sub/deep.csv", manifest: "d data - file:data" },
  ])("$source", ({ source, placed, manifest: expectedLine }) => {
    const { runDir, manifest, context } = setup();
    const deps = resolveDependencies([inline(source)], context);
    expect(readFileSync(join(runDir, placed), "utf8")).toBe("");
    expect(manifest).toEqual([expectedLine]);
    const name = `file:${source.file}`;
    expect(deps[name][name].uri).toBe(name);
  });

  test("a missing optional file is skipped; a missing required one stops the run", () => {
    const { messages, context } = setup();
    expect(resolveDependencies([inline({ file: "missing.txt", optional: true })], context)).toEqual({ "file:missing.txt": {} });
    expect(messages.at(-1)).toBe("Could not resolve file:missing.txt - skipping because dependency is optional");
    expect(() => resolveDependencies([inline({ file: "missing.txt" })], context)).toThrow(
      new DependencyError("could not resolve 'file:missing.txt' in file:missing.txt resource: cannot find source file 'missing.txt'"),
    );
  });
});
