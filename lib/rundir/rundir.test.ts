// The run directory format: paths, attrs written and read back, opref text, markers and the .guild listing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PyFloat } from "../python/values.js";
import {
  RunDirReader, appendManifest, attrPath, createAttrsDir, createManifest, decodeAttr, deleteAttr, formatOpref, guildDir,
  isRunDir, outputIndexEntry, outputPath, parseOpref, protoDir, removeMarker, runDirPath, runsDir, trashRunDirPath,
  trashRunsDir, writeAttr, writeEnvScript, writeLock, writeMarker, writeOpref, type Opref, type RunMarker,
} from "./index.js";
import { envScriptPath, manifestPath, markerPath, oprefPath, outputIndexPath } from "./paths.js";

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "guild-rundir-")));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let runCount = 0;
const read = (runDir: string) => new RunDirReader(runDir);

/** A fresh run directory with its attrs dir. */
function newRunDir(): string {
  const dir = path.join(root, `run-${(runCount += 1)}`);
  createAttrsDir(dir);
  return dir;
}

describe("paths", () => {
  const home = "/h";
  const run = "/h/runs/abc";
  it.each([
    ["runsDir", runsDir(home), "/h/runs"],
    ["trashRunsDir", trashRunsDir(home), "/h/trash/runs"],
    ["runDirPath", runDirPath(home, "abc"), "/h/runs/abc"],
    ["trashRunDirPath", trashRunDirPath(home, "abc"), "/h/trash/runs/abc"],
    ["guildDir", guildDir(run), "/h/runs/abc/.guild"],
    ["attrPath", attrPath(run, "flags"), "/h/runs/abc/.guild/attrs/flags"],
    ["oprefPath", oprefPath(run), "/h/runs/abc/.guild/opref"],
    ["markerPath LOCK.remote", markerPath(run, "LOCK.remote"), "/h/runs/abc/.guild/LOCK.remote"],
    ["outputPath", outputPath(run), "/h/runs/abc/.guild/output"],
    ["outputIndexPath", outputIndexPath(run), "/h/runs/abc/.guild/output.index"],
    ["manifestPath", manifestPath(run), "/h/runs/abc/.guild/manifest"],
    ["envScriptPath", envScriptPath(run), "/h/runs/abc/.guild/ENV"],
    ["protoDir", protoDir(run), "/h/runs/abc/.guild/proto"],
  ])("%s: %s", (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("attrs", () => {
  it.each<[string, unknown, string, unknown]>([
    ["an int", 1_700_000_000_000_000, "1700000000000000\n", 1_700_000_000_000_000],
    ["a negative int", -15, "-15\n", -15],
    ["a string", "epochs=4 lr=0.9", "epochs=4 lr=0.9\n", "epochs=4 lr=0.9"],
    ["a string YAML would read as a bool", "yes", "'yes'\n", "yes"],
    ["null", null, "null\n", null],
    ["true", true, "true\n", true],
    ["a flat mapping", { epochs: 4, lr: new PyFloat(0.9) }, "epochs: 4\nlr: 0.9\n", { epochs: 4, lr: new PyFloat(0.9) }],
    ["a list", ["a", 1], "- a\n- 1\n", ["a", 1]],
    ["an empty mapping", {}, "{}\n", {}],
  ])("%s is written as Guild writes it and read back", (_name, value, expectedText, expectedValue) => {
    const dir = newRunDir();
    writeAttr(dir, "x", value);
    const text = read(dir).readAttrText("x");
    expect({ text, value: decodeAttr(text!) }).toEqual({ text: expectedText, value: expectedValue });
  });

  it.each<[string, string | null, number | null | undefined]>([
    ["a plain integer", "1700000000000000\n", 1_700_000_000_000_000],
    ["an integer without newline", "12", 12],
    ["a negative integer", "-3\n", -3],
    ["a float", "1.5\n", null],
    ["YAML null", "null\n", null],
    ["64 bytes or more", "1".repeat(64), null],
    ["a missing file", null, undefined],
  ])("readIntAttr of %s", (_name, text, expected) => {
    const dir = newRunDir();
    if (text !== null) fs.writeFileSync(attrPath(dir, "started"), text);
    expect(read(dir).readIntAttr("started")).toBe(expected);
  });

  it.each<[string, string | null]>([
    ["present", "true\n"],
    ["missing", null],
  ])("readUsuallyMissingAttrText of a %s attr reads as readAttrText does", (_name, text) => {
    const dir = newRunDir();
    if (text !== null) fs.writeFileSync(attrPath(dir, "marked"), text);
    expect(read(dir).readUsuallyMissingAttrText("marked")).toBe(read(dir).readAttrText("marked"));
    expect(read(dir).readUsuallyMissingAttrText("marked")).toBe(text ?? undefined);
  });

  it("writeAttr creates a missing attrs dir; deleteAttr and a missing attr are quiet", () => {
    const dir = path.join(root, "no-attrs-dir");
    writeAttr(dir, "id", "abc");
    expect(read(dir).readAttrNames()).toEqual(["id"]);
    deleteAttr(dir, "id");
    deleteAttr(dir, "id");
    expect({ names: read(dir).readAttrNames(), text: read(dir).readAttrText("id") }).toEqual({ names: [], text: undefined });
    expect(read(path.join(root, "nowhere")).readAttrNames()).toBe(null);
  });
});

describe("opref", () => {
  const opref = (pkgName: string, modelName = "m1", opName = "train"): Opref => ({ pkgType: "guildfile", pkgName, pkgVersion: "0feb8c4c79f95a55fd3606e4db88a524", modelName, opName });
  it.each<[string, Opref, string]>([
    ["plain", opref("/p/guild.yml"), "guildfile:/p/guild.yml 0feb8c4c79f95a55fd3606e4db88a524 m1 train"],
    ["a path with a space", opref("/my p/guild.yml"), "'guildfile:/my p/guild.yml' 0feb8c4c79f95a55fd3606e4db88a524 m1 train"],
    ["the anonymous model", opref("/p/guild.yml", ""), "guildfile:/p/guild.yml 0feb8c4c79f95a55fd3606e4db88a524 '' train"],
  ])("%s: format and parse", (_name, value, text) => {
    expect(formatOpref(value)).toBe(text);
    expect(parseOpref(text)).toEqual(value);
    const dir = newRunDir();
    writeOpref(dir, value);
    expect({ text: fs.readFileSync(oprefPath(dir), "utf8"), read: read(dir).readOpref() }).toEqual({ text, read: value });
  });

  it.each([
    ["three parts", "guildfile:/p/guild.yml abc m1"],
    ["five parts", "guildfile:/p/guild.yml abc m1 train x"],
    ["no package type", "/p/guild.yml abc m1 train"],
    ["an open quote", "'guildfile:/p abc m1 train"],
    ["nothing", ""],
  ])("%s is not an opref", (_name, text) => {
    expect(parseOpref(text)).toBe(null);
  });

  it("a run without an opref reads as null", () => {
    expect(read(newRunDir()).readOpref()).toBe(null);
  });

  it.each<[string, (dir: string) => void, boolean]>([
    ["a regular file", (dir) => writeOpref(dir, opref("/p/guild.yml")), true],
    ["a link to one", (dir) => (fs.writeFileSync(path.join(dir, "opref-target"), formatOpref(opref("/p/guild.yml"))), fs.symlinkSync(path.join(dir, "opref-target"), oprefPath(dir))), false],
    ["a directory", (dir) => fs.mkdirSync(oprefPath(dir)), false],
    ["missing", () => undefined, false],
  ])("an opref that is %s: listed as a regular file or not, read the same either way", (_name, make, regular) => {
    const dir = newRunDir();
    make(dir);
    const listedAsRegular = read(dir).listGuildDir().isRegularFile("opref");
    expect({ listedAsRegular, read: read(dir).readOpref(listedAsRegular) }).toEqual({ listedAsRegular: regular, read: read(dir).readOpref() });
  });
});

describe("markers and the .guild listing", () => {
  it.each<[string, Array<Exclude<RunMarker, "LOCK">>, number | null, RunMarker[]]>([
    ["a new run", ["PENDING"], null, ["PENDING"]],
    ["a staged run", ["STAGED"], null, ["STAGED"]],
    ["a running run", [], 4242, ["LOCK"]],
    ["a remote run", ["LOCK.remote"], null, ["LOCK.remote"]],
  ])("%s", (_name, markers, pid, expected) => {
    const dir = newRunDir();
    writeOpref(dir, { pkgType: "guildfile", pkgName: "/p/guild.yml", pkgVersion: "x", modelName: "m", opName: "op" });
    for (const marker of markers) writeMarker(dir, marker);
    if (pid !== null) writeLock(dir, pid);
    const listing = read(dir).listGuildDir();
    const all: RunMarker[] = ["PENDING", "STAGED", "LOCK", "LOCK.remote"];
    expect({
      markers: all.filter((marker) => listing.hasMarker(marker)),
      pid: read(dir).readLockPid(),
      isRun: listing.isRun,
      hasAttrs: listing.hasAttrs,
      hasProto: listing.hasProto,
    }).toEqual({ markers: expected, pid, isRun: true, hasAttrs: true, hasProto: false });
    for (const marker of all) removeMarker(dir, marker);
    expect(all.filter((marker) => read(dir).listGuildDir().hasMarker(marker))).toEqual([]);
  });

  it.each<[string, string | null, number | null]>([
    ["a pid", "123", 123],
    ["a pid with spaces", " 123\n", 123],
    ["not a number", "abc", null],
    ["only the first 10 characters count", "12345678901", 1234567890],
    ["no LOCK", null, null],
  ])("readLockPid of %s", (_name, text, expected) => {
    const dir = newRunDir();
    if (text !== null) fs.writeFileSync(markerPath(dir, "LOCK"), text);
    expect(read(dir).readLockPid()).toBe(expected);
  });

  it("LOCK.remote gives where the run runs, stripped", () => {
    const dir = newRunDir();
    expect(read(dir).readRemoteLock()).toBe(null);
    fs.writeFileSync(markerPath(dir, "LOCK.remote"), " ec2\n");
    expect(read(dir).readRemoteLock()).toBe("ec2");
  });

  it("a directory without .guild is no run and holds nothing", () => {
    const dir = path.join(root, "not-a-run");
    fs.mkdirSync(dir);
    const listing = read(dir).listGuildDir();
    expect({ entries: listing.entries, isRun: listing.isRun, hasAttrs: listing.hasAttrs, isRunDir: isRunDir(dir) }).toEqual({ entries: null, isRun: false, hasAttrs: false, isRunDir: false });
  });
});

describe("manifest, output index and the staged env script", () => {
  it("the manifest starts empty and takes lines", () => {
    const dir = newRunDir();
    expect(read(dir).readManifest()).toBe(null);
    createManifest(dir);
    appendManifest(dir, []);
    expect(read(dir).readManifest()).toBe("");
    appendManifest(dir, ["s guild.yml abc guild.yml", "d data def file:data"]);
    expect(read(dir).readManifest()).toBe("s guild.yml abc guild.yml\nd data def file:data\n");
  });

  it.each<[string, number, 0 | 1, string]>([
    ["zero ms, stdout", 0, 0, "000000000000000000"],
    ["ms timestamp, stderr", 1_700_000_000_123.9, 1, "0000018bcfe5687b01"],
  ])("index entry: %s", (_name, millis, stream, expected) => {
    expect(outputIndexEntry(millis, stream).toString("hex")).toBe(expected);
  });

  it("ENV exports the variables sorted, shell-quoted", () => {
    const dir = newRunDir();
    writeEnvScript(dir, { RUN_ID: "abc", A: "two words", EMPTY: "" });
    expect(fs.readFileSync(envScriptPath(dir), "utf8")).toBe("export A='two words'\nexport EMPTY=''\nexport RUN_ID=abc\n");
  });
});
