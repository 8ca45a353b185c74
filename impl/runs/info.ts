// The lines of `guild runs info`: run detail fields, other attrs, tags, flags, scalars and extras.
import { formatFixed } from "../../lib/python/float.js";
import { isMapping, PyFloat } from "../../lib/python/values.js";
import { runComments } from "./comments.js";
import { dumpYaml } from "../../lib/yaml/yaml.js";
import { formatOpref } from "../../lib/rundir/index.js";
import { formatUserDir } from "./paths.js";
import { scalarKey, type ScalarSummary } from "../scalars/scalar-summary.js";
import { formatCommand, formatPkgName, formatRunOperation, formatTimestamp } from "./format.js";
import { pyRepr, pyStr } from "../../lib/python/repr.js";
import { encodeFlagValue as encodeValue, formatAttrValue } from "./values.js";
import { procPidAlive, Run, type PidAliveCheck } from "./run.js";

/** Reads a run's scalar summaries; the default reports none. */
export type ScalarReader = (run: Run) => ScalarSummary[];
export const noScalars: ScalarReader = () => [];

const CORE_ATTRS = new Set([
  "cmd", "comments", "compare", "deps", "env", "exit_status", "flags", "host", "id", "initialized", "label", "marked",
  "objective", "op", "pip_freeze", "platform", "plugins", "random_seed", "run_params", "sourcecode_digest", "started",
  "stopped", "tags", "user", "user_flags", "vcs_commit", "r_sys_info", "r_packages_loaded", "resolved_deps", "opdef",
]);

export interface RunInfoOptions {
  home: string | undefined;
  readScalars: ScalarReader;
  allScalars?: boolean;
  env?: boolean;
  deps?: boolean;
  plugins?: boolean;
  manifest?: boolean;
  privateAttrs?: boolean;
  /** Show comments (`--comments`). */
  comments?: boolean;
  /** Scalars as `[value, step]` pairs, for `--json`. */
  json?: boolean;
  isPidAlive?: PidAliveCheck;
}

type InfoValue = string | number | unknown[] | Record<string, unknown>;

/** Guild's RUN_DETAIL: the fields `runs info` starts with and `runs list --verbose` shows under each run. */
export function runDetail(run: Run, home: string | undefined, isPidAlive: PidAliveCheck = procPidAlive): Array<[string, InfoValue]> {
  const valueOrEmpty = (value: unknown) => (value === undefined ? "" : pyStr(value));
  return [
    ["id", run.id],
    ["operation", formatRunOperation(run)],
    ["from", formatPkgName(run.opref, home)],
    ["status", run.status(isPidAlive)],
    ["started", formatTimestamp(run.get("started"))],
    ["stopped", formatTimestamp(run.get("stopped"))],
    ["marked", run.marked ? "yes" : "no"],
    ["label", infoValue(run.get("label"))],
    ["sourcecode_digest", valueOrEmpty(run.get("sourcecode_digest"))],
    ["vcs_commit", valueOrEmpty(run.get("vcs_commit"))],
    ["run_dir", formatUserDir(run.dir, home)],
    ["command", formatCommand(run.get("cmd"))],
    // An int stays an int (`--json` shows it as a number).
    ["exit_status", typeof run.get("exit_status") === "number" ? (run.get("exit_status") as number) : valueOrEmpty(run.get("exit_status"))],
    ["pid", run.pid === null || run.pid === 0 ? "" : String(run.pid)],
  ];
}

/** Ordered (name, value) pairs; strings print as `name: value`, lists and mappings as blocks. */
export function runInfoData(run: Run, options: RunInfoOptions): Array<[string, InfoValue]> {
  const data = runDetail(run, options.home, options.isPidAlive);
  for (const name of run.attrNames()) {
    if (CORE_ATTRS.has(name) || (!options.privateAttrs && name.startsWith("_"))) continue;
    data.push([name, formatAttrValue(run.get(name))]);
  }
  if (options.privateAttrs) {
    data.push(["opref", run.opref ? formatOpref(run.opref) : ""]);
    data.push(["op", infoValue(run.get("op"))]);
  }
  data.push(["tags", run.tags]);
  data.push(["flags", run.flags]);
  if (run.isBatch) data.push(["proto-flags", Run.forDir(run.protoDir).flags]);
  data.push(["scalars", scalarInfo(run, options)]);
  if (options.comments) data.push(["comments", runComments(run).map(commentInfo)]);
  if (options.env) data.push(["environment", mappingOrEmpty(run.get("env"))]);
  if (options.manifest) data.push(["manifest", manifestInfo(run)]);
  if (options.deps) data.push(["dependencies", mappingOrEmpty(run.get("deps"))]);
  if (options.plugins) data.push(["plugins", Array.isArray(run.get("plugins")) ? (run.get("plugins") as unknown[]) : []]);
  return data;
}

/** Guild shows an attr such as the label as it is: a mapping or list as a block, anything else as str(). */
function infoValue(value: unknown): InfoValue {
  if (Array.isArray(value) || isMapping(value)) return value;
  return value === undefined || value === null || value === "" ? "" : pyStr(value);
}

function mappingOrEmpty(value: unknown): Record<string, unknown> {
  return isMapping(value) ? value : {};
}

/** runs_impl._format_comment_for_run_info: a comment's fields as shown, or the repr of an entry that is not a mapping. */
function commentInfo(comment: unknown): unknown {
  if (!isMapping(comment)) return pyRepr(comment);
  const text = (name: string) => (comment[name] ? pyStr(comment[name]) : "");
  return { user: text("user"), host: text("host"), time: formatTimestamp(comment.time), body: text("body").trim() };
}

function formatScalarValue(value: number | null | undefined, step: number | undefined, json = false): unknown {
  if (json) return [value === null || value === undefined ? null : new PyFloat(value), step ?? null];
  if (value === null || value === undefined) return `nan (step ${step})`;
  return `${formatFixed(value, 6)} (step ${step})`;
}

function scalarInfo(run: Run, options: RunInfoOptions): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  for (const scalar of options.readScalars(run)) {
    const key = scalarKey(scalar);
    if (options.allScalars) {
      entries.push([key, {
        first: formatScalarValue(scalar.firstValue, scalar.firstStep, options.json),
        last: formatScalarValue(scalar.lastValue, scalar.lastStep, options.json),
        min: formatScalarValue(scalar.minValue, scalar.minStep, options.json),
        max: formatScalarValue(scalar.maxValue, scalar.minStep, options.json),
        avg: formatScalarValue(scalar.avgValue, scalar.count, options.json),
        total: formatScalarValue(scalar.total, scalar.count, options.json),
      }]);
    } else if (!(scalar.tag.startsWith("sys/"))) {
      entries.push([key, formatScalarValue(scalar.lastValue, scalar.lastStep, options.json)]);
    }
  }
  const split = (key: string): [string, string] => {
    const hash = key.indexOf("#");
    return hash < 0 ? ["", key] : [key.slice(0, hash), key.slice(hash + 1)];
  };
  entries.sort(([a], [b]) => compareTuples(split(a), split(b)));
  return Object.fromEntries(entries.map(([key, value]) => [key, value]));
}

function compareTuples(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function manifestInfo(run: Run): Record<string, unknown> {
  const text = run.readManifest();
  if (text === null) return {};
  const sections: Record<string, string[]> = {};
  for (const line of text.split("\n")) {
    const [type, first] = line.split(" ");
    const section = type === "s" ? "sourcecode" : type === "d" ? "dependencies" : null;
    if (section && first !== undefined) (sections[section] ??= []).push(first);
  }
  for (const items of Object.values(sections)) items.sort();
  return sections;
}

/** Renders the data as Guild's `_print_run_info_ordered` does. */
export function runInfoLines(data: Array<[string, InfoValue]>): string[] {
  const lines: string[] = [];
  for (const [name, value] of data) {
    if (Array.isArray(value)) {
      lines.push(`${name}:`);
      for (const item of value) lines.push(...listItemLines(item));
    } else if (isMapping(value)) {
      lines.push(`${name}:`);
      const entries = Object.entries(value);
      if (name !== "scalars") entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, item] of entries) lines.push(...dictItemLines(key, item));
    } else {
      lines.push(`${name}: ${value}`);
    }
  }
  return lines;
}

function listItemLines(item: unknown): string[] {
  if (isMapping(item)) {
    const lines = ["  -"];
    for (const [key, value] of Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let encoded = encodeValue(value);
      if (encoded.startsWith("'") && encoded.endsWith("'")) encoded = encoded.slice(1, -1);
      if (encoded.includes("\n")) {
        lines.push(`    ${key}: |`);
        for (const line of encoded.split("\n")) lines.push(`      ${line.trim()}`);
      } else {
        lines.push(`    ${key}: ${encoded}`);
      }
    }
    return lines;
  }
  return [`  - ${encodeValue(item)}`];
}

function dictItemLines(key: string, value: unknown): string[] {
  if (Array.isArray(value)) return [`  ${key}:`, ...value.map((item) => `    - ${encodeValue(item)}`)];
  if (isMapping(value)) {
    return [`  ${key}:`, ...dumpYaml(value).replace(/\n$/, "").split("\n").map((line) => `    ${line}`)];
  }
  return [`  ${key}: ${encodeValue(value)}`];
}
