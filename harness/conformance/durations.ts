// How long each transcript run took last time, kept between runs so the longest start first.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Seconds per run key (see durationKey), as the last runs measured them. */
export type Durations = ReadonlyMap<string, number>;

/** Durations kept at most: the least recently measured go first. */
const MAX_ENTRIES = 5000;

/**
 * A transcript run's key: the implementation's name and a digest of the transcript's text. The
 * same transcript in another clone of its repository shares it; an edited one starts unmeasured.
 */
export function durationKey(implementation: string, text: string | Buffer): string {
  return `${implementation}\t${crypto.createHash("sha256").update(text).digest("hex").slice(0, 20)}`;
}

/** The durations saved in `file`; none when it is missing or not what writeDurations writes. */
export function readDurations(file: string): Durations {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return new Map();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return new Map();
  return new Map(Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === "number" && Number.isFinite(entry[1]) && entry[1] >= 0));
}

/**
 * Saves `measured` over the durations already in `file` (a run of some transcripts keeps the
 * others', up to MAX_ENTRIES), through a temporary file so that a concurrent reader sees the old
 * or the new. A cache that cannot be written only costs the next run its ordering, so failures
 * are ignored.
 */
export function writeDurations(file: string, measured: Durations, uniqueSuffix: string): void {
  // The file keeps its entries least recently measured first.
  const merged = new Map(readDurations(file));
  for (const [key, seconds] of measured) {
    merged.delete(key);
    merged.set(key, seconds);
  }
  for (const key of merged.keys()) {
    if (merged.size <= MAX_ENTRIES) break;
    merged.delete(key);
  }
  const temporary = `${file}.${uniqueSuffix}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(merged), null, 1) + "\n");
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Not even the temporary file could be made.
    }
  }
}

/**
 * The order to start runs in so the last to finish is a short one: those never measured first,
 * biggest file first (size is all there is to go on), then the measured ones, longest first.
 */
export function longestFirst<T>(items: readonly T[], known: (item: T) => number | undefined, size: (item: T) => number): T[] {
  const rank = items.map((item) => ({ item, seconds: known(item), size: size(item) }));
  return rank
    .sort((a, b) => {
      if (a.seconds === undefined && b.seconds === undefined) return b.size - a.size;
      if (a.seconds === undefined) return -1;
      if (b.seconds === undefined) return 1;
      return b.seconds - a.seconds;
    })
    .map(({ item }) => item);
}
