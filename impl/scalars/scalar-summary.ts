// Reads a run's scalars (with roll-up through step links) and summarizes each (prefix, tag) as Guild's index does.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { GUILD_DIR, type GuildDirListing } from "../../lib/rundir/index.js";
import { decodeEvent, type ScalarValue } from "./event-proto.js";
import { findEventDirs } from "./event-dirs.js";
import { decodeRecords } from "./tfrecord.js";

export interface ScalarEntry {
  tag: string;
  value: number;
  step: number;
}

export interface ScalarSummary {
  prefix: string;
  tag: string;
  firstValue: number;
  firstStep: number;
  lastValue: number;
  lastStep: number;
  minValue: number;
  minStep: number;
  maxValue: number;
  maxStep: number;
  avgValue: number;
  total: number;
  count: number;
}

/** Scalars of the event files directly in dir (TensorBoard reads names containing `tfevents`, sorted). */
export function readDirScalars(dir: string): ScalarEntry[] {
  const scalars: ScalarEntry[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.includes("tfevents")).sort();
  } catch {
    return scalars;
  }
  for (const name of names) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      if (!statSync(path).isFile()) continue;
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    for (const payload of decodeRecords(bytes)) {
      let values: ScalarValue[];
      let step: number;
      try {
        const event = decodeEvent(payload);
        if (!event.hasSummary) continue;
        values = event.scalars;
        step = event.step;
      } catch {
        break;
      }
      for (const { tag, value } of values) scalars.push({ tag, value, step });
    }
  }
  return scalars;
}

/** Summaries per tag in first-appearance order. */
export function summarizeScalars(prefix: string, scalars: ScalarEntry[]): ScalarSummary[] {
  const byTag = new Map<string, ScalarSummary>();
  for (const { tag, value, step } of scalars) {
    const summary = byTag.get(tag);
    if (!summary) {
      byTag.set(tag, {
        prefix, tag,
        firstValue: value, firstStep: step,
        lastValue: value, lastStep: step,
        minValue: value, minStep: step,
        maxValue: value, maxStep: step,
        avgValue: value, total: value, count: 1,
      });
      continue;
    }
    if (step < summary.firstStep) {
      summary.firstValue = value;
      summary.firstStep = step;
    }
    if (step >= summary.lastStep) {
      summary.lastValue = value;
      summary.lastStep = step;
    }
    if (value < summary.minValue) {
      summary.minValue = value;
      summary.minStep = step;
    }
    if (value > summary.maxValue) {
      summary.maxValue = value;
      summary.maxStep = step;
    }
    summary.total += value;
    summary.count += 1;
    summary.avgValue = summary.total / summary.count;
  }
  return [...byTag.values()];
}

/** All scalar summaries of a run: its own (`.guild`) and those of linked step runs (`train/.guild`, ...). */
export function readRunScalars(runDir: string, guildDir?: GuildDirListing): ScalarSummary[] {
  return findEventDirs(runDir, guildDir).flatMap((dir) => summarizeScalars(dir.prefix, readDirScalars(dir.path)));
}

/** The key Guild shows for a scalar: the tag for own scalars, else `PREFIX#TAG`. */
export function scalarKey(summary: Pick<ScalarSummary, "prefix" | "tag">): string {
  if (!summary.prefix || summary.prefix === GUILD_DIR) return summary.tag;
  return `${summary.prefix}#${summary.tag}`;
}
