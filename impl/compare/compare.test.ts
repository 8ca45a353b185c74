import { describe, expect, test } from "vitest";
import { columnHeader, formatColumn, parseColspec } from "./colspec.js";
import { buildCompareData, compareCsv, type CompareOptions, type CompareRunInput } from "./compare-table.js";
import { formatCompareFloat, formatCsvRow, formatTableCell } from "./cell-format.js";
import { formatTable } from "../format/table.js";
import { PyFloat } from "../../lib/python/values.js";
import type { ScalarSummary } from "../scalars/scalar-summary.js";

describe("colspec", () => {
  test.each([
    [".run", ["attr:run"], ["run"]],
    ["attr:label as L", ["attr:label as L"], ["L"]],
    ["=msg,flag:x", ["flag:msg", "flag:x"], ["msg", "x"]],
    ["loss", ["scalar:loss"], ["loss"]],
    ["#acc", ["scalar:#acc"], ["acc"]],
    ["train#loss as loss", ["scalar:train#loss as loss"], ["loss"]],
    ["max loss step", ["scalar:max loss step"], ["loss step"]],
    ["loss step as step", ["scalar:loss step as step"], ["step"]],
    ["scalar:x#y#z", ["scalar:x#y#z"], ["x y z"]],
    ["'a b' as 'c d'", ["scalar:a b as 'c d'"], ["c d"]],
    [".operation, .status ,#loss", ["attr:operation", "attr:status", "scalar:#loss"], ["operation", "status", "loss"]],
    ["loss as min", ["scalar:loss as min"], ["min"]],
  ])("%j", (spec, expectedColumns, expectedHeaders) => {
    const columns = parseColspec(spec);
    expect(columns.map(formatColumn)).toEqual(expectedColumns);
    expect(columns.map(columnHeader)).toEqual(expectedHeaders);
  });

  test.each([
    ["", "query string cannot be empty"],
    ["min", "query string cannot be empty"],
    ["loss,", "query string cannot be empty"],
    ["a b", "unexpected token 'b', line 1, pos 9"],
    ["step", "unexpected token 'step', line 1, pos 7"],
    ["=", "query string cannot be empty"],
  ])("error %j", (spec, message) => {
    expect(() => parseColspec(spec)).toThrow(message);
  });
});

describe("cells", () => {
  test.each([
    [new PyFloat(0.5), "0.5"],
    [new PyFloat(1), "1.0"],
    [new PyFloat(Math.fround(0.001)), "0.001000"],
    [new PyFloat(0.123456789), "0.123456"],
    [new PyFloat(1e-5), "1.0e-05"],
    [new PyFloat(Math.fround(1e-7)), "1.000000e-07"],
    [true, "yes"],
    [false, "no"],
    [null, ""],
    [3, "3"],
    ["hello m2, from composite", "hello m2, from composite"],
    [["a", 1], "['a', 1]"],
  ])("%s", (value, expected) => {
    expect(formatTableCell(value)).toBe(expected);
  });

  test("float truncation keeps exponents", () => {
    expect(formatCompareFloat(Math.fround(1.2345678e-7))).toBe("1.234567e-07");
  });

  test.each([
    [["a", "b"], "a,b"],
    [["a,b", 'say "hi"'], '"a,b","say ""hi"""'],
    [["line\nbreak"], '"line\nbreak"'],
    [[""], '""'],
    [["", ""], ","],
  ])("csv %j", (fields, expected) => {
    expect(formatCsvRow(fields)).toBe(expected);
  });
});

function summary(prefix: string, tag: string, value: number): ScalarSummary {
  const v = Math.fround(value);
  return { prefix, tag, firstValue: v, firstStep: 0, lastValue: v, lastStep: 0, minValue: v, minStep: 0, maxValue: v, maxStep: 0, avgValue: v, total: v, count: 1 };
}

const SECOND = 1_000_000;
const T0 = 1795617120 * SECOND;

function run(id: string, operation: string, fields: Partial<CompareRunInput> & { label?: string; startedAt?: number; seconds?: number }): CompareRunInput {
  const [model, opName] = operation.split(":");
  const started = T0 + (fields.startedAt ?? 0) * SECOND;
  return {
    id, operation, model, opName, from: "~/steps/guild.yml", status: "completed",
    started, stopped: started + (fields.seconds ?? 0) * SECOND, marked: false,
    flags: fields.flags ?? {},
    attr: (name) => (name === "label" ? fields.label : undefined),
    scalars: () => (fields.scalars ? fields.scalars() : []),
    compare: fields.compare ?? null,
  };
}

const PREPARE = "99f6ae9c3af241e682a3bf1b2c091b04";
const TRAIN = "2945c59b5f604a09af0c6d8a2e5cad31";
const RUNS: CompareRunInput[] = [
  run("97efe51938b1428dab1e249336a25ba4", "m4:evaluate", {
    label: `acc=0.5 operation:prepare=${PREPARE} operation:train=${TRAIN}`,
    flags: { acc: new PyFloat(0.5), "operation:prepare": PREPARE, "operation:train": TRAIN },
    scalars: () => [summary(".guild", "acc", 0.5)], compare: ["acc"], startedAt: 10,
  }),
  run(TRAIN, "m4:train", {
    label: `loss=1.0 operation:prepare=${PREPARE}`, flags: { loss: new PyFloat(1), "operation:prepare": PREPARE },
    scalars: () => [summary(".guild", "loss", 1)], compare: ["loss"], startedAt: 9,
  }),
  run(PREPARE, "m4:prepare", { compare: [], startedAt: 8 }),
  run("882ccdf67e50470e911f57f4c91be692", "m4:end-to-end", {
    label: "acc=0.5 loss=1.0", flags: { acc: new PyFloat(0.5), loss: new PyFloat(1) },
    scalars: () => [summary("eval/.guild", "acc", 0.5), summary("train/.guild", "loss", 1)],
    compare: ["train#loss as loss", "eval#acc as acc"], startedAt: 8, seconds: 3,
  }),
  run("31977bf0a12242d8a34613f451459770", "m1:hello", { label: "lbl", flags: { msg: "hi" }, startedAt: 13 }),
];

const formatTimestamp = (micros: number | null) => (micros ? new Date(micros / 1000).toISOString().slice(0, 19).replace("T", " ") : "");
const baseOptions: CompareOptions = { formatCells: true, nowMicros: T0, formatTimestamp };

describe("compare table", () => {
  test("strict columns as in the steps transcript", () => {
    const data = buildCompareData(RUNS.slice(0, 4), { ...baseOptions, strictCols: ".operation,.status,.label,#acc,#loss" });
    expect(formatTable(data as string[][])).toEqual([
      "run       operation      status     label                                                                                                        acc  loss",
      "97efe519  m4:evaluate    completed  acc=0.5 operation:prepare=99f6ae9c3af241e682a3bf1b2c091b04 operation:train=2945c59b5f604a09af0c6d8a2e5cad31  0.5  ",
      "2945c59b  m4:train       completed  loss=1.0 operation:prepare=99f6ae9c3af241e682a3bf1b2c091b04                                                       1.0",
      "99f6ae9c  m4:prepare     completed                                                                                                                    ",
      "882ccdf6  m4:end-to-end  completed  acc=0.5 loss=1.0                                                                                             0.5  1.0",
    ]);
  });

  test("default columns as CSV", () => {
    const data = buildCompareData([RUNS[4], RUNS[1], RUNS[2], RUNS[3]], { ...baseOptions, formatCells: false });
    expect(compareCsv(data).split("\n")).toEqual([
      "run,operation,started,time,status,label,msg,loss,acc",
      "31977bf0,m1:hello,2026-11-25 14:32:13,0:00:00,completed,lbl,hi,,",
      `2945c59b,m4:train,2026-11-25 14:32:09,0:00:00,completed,loss=1.0 operation:prepare=${PREPARE},,1.0,`,
      "99f6ae9c,m4:prepare,2026-11-25 14:32:08,0:00:00,completed,,,,",
      "882ccdf6,m4:end-to-end,2026-11-25 14:32:08,0:00:03,completed,acc=0.5 loss=1.0,,1.0,0.5",
      "",
    ]);
  });

  test("default op columns from flags and scalars; -cc with -c is an error", () => {
    const plain = run("aaaaaaaa00000000000000000000000", "m:op", {
      flags: { b: 2, a: "x" }, scalars: () => [summary(".guild", "acc", 0.25), summary(".guild", "sys/cpu", 1), summary(".guild", "loss", 0.5)],
    });
    const data = buildCompareData([plain], { ...baseOptions, skipCore: true });
    expect(data).toEqual([["run", "a", "b", "step", "acc", "loss"], ["aaaaaaaa", "x", "2", "0", "0.25", "0.5"]]);
    expect(() => buildCompareData([plain], { ...baseOptions, cols: "a", strictCols: "b" })).toThrow("--cols cannot be used with --strict-cols");
  });

  test("sorting, top and parse warnings", () => {
    const warnings: string[] = [];
    const data = buildCompareData(RUNS.slice(0, 4), { ...baseOptions, strictCols: "#loss,bad col", minCol: "loss", top: 3, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(["error parsing '#loss,bad col': unexpected token 'col', line 1, pos 17"]);
    expect(data).toEqual([["run"], ["97efe519"], ["2945c59b"], ["99f6ae9c"]]);
    const sorted = buildCompareData(RUNS.slice(0, 4), { ...baseOptions, strictCols: "#loss", maxCol: "loss" });
    expect(sorted.map((row) => row[0])).toEqual(["run", "2945c59b", "882ccdf6", "97efe519", "99f6ae9c"]);
  });

  test("no runs gives no data", () => {
    expect(buildCompareData([], baseOptions)).toEqual([]);
  });
});
