import { describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32c, maskedCrc32c } from "./crc32c.js";
import { decodeRecords, encodeRecord } from "./tfrecord.js";
import { decodeEvent, encodeFileVersionEvent, encodeScalarEvent } from "./event-proto.js";
import { EventFileWriter, eventFileName } from "./event-writer.js";
import { readRunScalars, scalarKey } from "./scalar-summary.js";
import { likePrefixMatches, lookupScalar } from "./scalar-lookup.js";
import { formatScalarLine, visibleScalars } from "./scalar-info.js";
import { parsePythonFloat } from "../../lib/python/float.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "scalars-test-"));

describe("crc32c", () => {
  test.each([
    ["", 0x00000000],
    ["a", 0xc1d04330],
    ["123456789", 0xe3069283],
  ])("crc32c(%j)", (text, expected) => {
    expect(crc32c(Buffer.from(text))).toBe(expected);
  });
});

describe("tfrecord", () => {
  test("round trip and truncation", () => {
    const records = [Buffer.from("one"), Buffer.from(""), Buffer.from("three")];
    const bytes = Buffer.concat(records.map(encodeRecord));
    expect(decodeRecords(bytes).map((payload) => Buffer.from(payload).toString())).toEqual(["one", "", "three"]);
    expect(decodeRecords(bytes.subarray(0, bytes.length - 2)).length).toBe(2);
  });
});

describe("event proto", () => {
  test.each([
    ["loss", 1.0, 0],
    ["acc", 0.001, 7],
    ["x", -2.5, -3],
  ])("scalar %s=%d step %d", (tag, value, step) => {
    const event = decodeEvent(encodeScalarEvent(tag, value, step));
    expect(event).toEqual({ wallTime: 0, step, fileVersion: null, hasSummary: true, scalars: [{ tag, value: Math.fround(value) }] });
  });

  test("file version event", () => {
    expect(decodeEvent(encodeFileVersionEvent("brain.Event:2")).fileVersion).toBe("brain.Event:2");
  });
});

const PYTHON_READER = `
import struct, sys
POLY = 0x82F63B78
def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ POLY if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF
def masked(data):
    c = crc32c(data)
    return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF
def varint(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if not x & 0x80: return r, i
def fields(b):
    i = 0
    while i < len(b):
        k, i = varint(b, i); n, w = k >> 3, k & 7
        if w == 0: v, i = varint(b, i)
        elif w == 1: v = b[i:i+8]; i += 8
        elif w == 5: v = b[i:i+4]; i += 4
        elif w == 2:
            l, i = varint(b, i); v = b[i:i+l]; i += l
        yield n, w, v
data = open(sys.argv[1], "rb").read()
i = 0
while i < len(data):
    hdr = data[i:i+8]; (length,) = struct.unpack("<Q", hdr)
    assert struct.unpack("<I", data[i+8:i+12])[0] == masked(hdr)
    payload = data[i+12:i+12+length]
    assert struct.unpack("<I", data[i+12+length:i+16+length])[0] == masked(payload)
    i += 16 + length
    out = {}
    for n, w, v in fields(payload):
        if n == 1: out["wall_time"] = struct.unpack("<d", v)[0]
        if n == 2: out["step"] = v
        if n == 3: out["file_version"] = v.decode()
        if n == 5:
            for _, _, val in fields(v):
                d = dict((fn, fv) for fn, _, fv in fields(val))
                out["tag"] = d[1].decode(); out["simple_value"] = repr(struct.unpack("<f", d[2])[0])
    print(sorted(out.items()))
`;

describe("event file writer", () => {
  test("file name, lazy creation and bytes a Python reader accepts", () => {
    const dir = join(tempDir(), ".guild");
    const writer = new EventFileWriter(dir, { nowSeconds: () => 1795617130.7, hostname: "vm", pid: 42 });
    expect(writer.filePath).toBeNull();
    writer.addScalar("loss", 1.0, null);
    writer.addScalar("acc", 0.001, 3);
    expect(writer.filePath).toBe(join(dir, "events.out.tfevents.1795617130.vm.42.0"));
    const output = execFileSync("python3", ["-c", PYTHON_READER, writer.filePath!], { encoding: "utf8" });
    expect(output.trim().split("\n")).toEqual([
      "[('file_version', 'brain.Event:2')]",
      "[('simple_value', '1.0'), ('tag', 'loss')]",
      "[('simple_value', '0.0010000000474974513'), ('step', 3), ('tag', 'acc')]",
    ]);
  });

  test("writers sharing a process counter take 0, 1, 2 when each creates its file (TensorBoard's global uid)", () => {
    let next = 0;
    const naming = { nowSeconds: () => 7, hostname: "h", pid: 9, nextWriterId: () => next++ };
    const writers = ["a", "b", "c"].map((name) => new EventFileWriter(join(tempDir(), name), naming));
    for (const writer of [writers[0], writers[2], writers[1]]) writer.addScalar("x", 1, null);
    expect(writers.map((writer) => writer.filePath!.slice(-36))).toEqual([
      "events.out.tfevents.0000000007.h.9.0",
      "events.out.tfevents.0000000007.h.9.2",
      "events.out.tfevents.0000000007.h.9.1",
    ]);
  });

  test("file name pads seconds to 10 digits", () => {
    expect(eventFileName(12, "host", 1, 2)).toBe("events.out.tfevents.0000000012.host.1.2");
  });
});

function makeRun(dir: string): void {
  mkdirSync(join(dir, ".guild"), { recursive: true });
  writeFileSync(join(dir, ".guild", "opref"), "guildfile:x 0 m op");
}

describe("run scalars with roll-up", () => {
  test("own and linked step scalars; non-run links are skipped", () => {
    const runs = tempDir();
    const parent = join(runs, "parent");
    const train = join(runs, "train-run");
    const notRun = join(runs, "not-run");
    makeRun(parent);
    makeRun(train);
    mkdirSync(join(notRun, ".guild"), { recursive: true });
    const trainWriter = new EventFileWriter(join(train, ".guild"), { nowSeconds: () => 1, hostname: "h", pid: 1 });
    trainWriter.addScalar("loss", 3, 1);
    trainWriter.addScalar("loss", 1, 3);
    trainWriter.addScalar("loss", 2, 2);
    new EventFileWriter(join(notRun, ".guild"), { nowSeconds: () => 1, hostname: "h", pid: 1 }).addScalar("x", 1, null);
    new EventFileWriter(join(parent, ".guild"), { nowSeconds: () => 1, hostname: "h", pid: 1 }).addScalar("own", 0.5, null);
    symlinkSync("../train-run", join(parent, "train"));
    symlinkSync("../not-run", join(parent, "other"));
    const summaries = readRunScalars(parent);
    expect(summaries.map(scalarKey)).toEqual(["own", "train/.guild#loss"]);
    const loss = summaries[1];
    expect(loss).toMatchObject({ firstValue: 3, firstStep: 1, lastValue: 1, lastStep: 3, minValue: 1, minStep: 3, maxValue: 3, maxStep: 1, total: 6, count: 3, avgValue: 2 });
    expect(lookupScalar(summaries, "train", "loss", null, false)).toBe(1);
    expect(lookupScalar(summaries, "", "loss", "max", true)).toBe(1);
    expect(lookupScalar(summaries, null, "own", null, false)).toBe(0.5);
    expect(lookupScalar(summaries, "eval", "loss", null, false)).toBeNull();
    expect(() => lookupScalar(summaries, null, "loss", "avg", true)).toThrow("unsupported scalar type qual='avg' step=True");
  });

  test("a run without event files has no scalars", () => {
    const run = tempDir();
    makeRun(run);
    expect(readRunScalars(run)).toEqual([]);
  });
});

describe("helpers", () => {
  test.each([
    ["train", "train/.guild", true],
    ["TRAIN", "train/.guild", true],
    ["t_ain", "train/.guild", true],
    ["", ".guild", true],
    ["eval", "train/.guild", false],
  ])("LIKE %j%% on %j", (prefix, text, expected) => {
    expect(likePrefixMatches(prefix, text)).toBe(expected);
  });

  test.each([
    ["1.0", 1],
    [" 2 ", 2],
    ["1_000.5", 1000.5],
    ["1e-3", 0.001],
    ["-inf", -Infinity],
    ["1.2.3", null],
    ["1__0", null],
    ["", null],
    ["-", null],
  ])("python float(%j)", (text, expected) => {
    expect(parsePythonFloat(text)).toBe(expected);
  });
});


describe("scalar info lines", () => {
  const base = { firstValue: 0, firstStep: 0, minValue: 0, minStep: 0, maxValue: 0, maxStep: 0, avgValue: 0, total: 0, count: 1 };
  test.each([
    [{ ...base, prefix: ".guild", tag: "loss", lastValue: 1, lastStep: 0 }, "loss: 1.000000 (step 0)"],
    [{ ...base, prefix: "train/.guild", tag: "loss", lastValue: Math.fround(0.001), lastStep: 5 }, "train/.guild#loss: 0.001000 (step 5)"],
    [{ ...base, prefix: "", tag: "x", lastValue: NaN, lastStep: 1 }, "x: nan (step 1)"],
  ])("%j", (summary, expected) => {
    expect(formatScalarLine(summary)).toBe(expected);
  });

  test("sys/ scalars hidden by default", () => {
    const summaries = [{ ...base, prefix: ".guild", tag: "sys/cpu", lastValue: 1, lastStep: 0 }, { ...base, prefix: ".guild", tag: "acc", lastValue: 1, lastStep: 0 }];
    expect(visibleScalars(summaries, false).map((s) => s.tag)).toEqual(["acc"]);
    expect(visibleScalars(summaries, true).map((s) => s.tag)).toEqual(["sys/cpu", "acc"]);
  });
});
