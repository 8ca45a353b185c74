// `--shard i/n`: the share of the transcripts one of n machines runs, balanced by size, the same on every machine.
import { ConformanceError } from "./implementations.js";

export interface Shard {
  /** 1-based, as vitest counts shards. */
  index: number;
  count: number;
}

/** `i/n` with 1 <= i <= n. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new ConformanceError(`--shard must be INDEX/COUNT with 1 <= INDEX <= COUNT, as 1/3 (got '${text}')`);
  return { index, count };
}

/**
 * The items of one shard, in their given order. Each item goes to exactly one shard: heaviest
 * first (ties by key), each to the shard with the least weight so far (ties to the lowest
 * number). Every machine computes the same split from the same files.
 */
export function selectShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string, weight: (item: T) => number): T[] {
  if (shard.count > items.length) {
    throw new ConformanceError(`--shard ${shard.index}/${shard.count}: ${items.length} transcript(s) cannot fill ${shard.count} shards`);
  }
  const order = items.map((item, position) => ({ item, position, key: key(item), weight: weight(item) }));
  order.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const loads = new Array<number>(shard.count).fill(0);
  const mine: { item: T; position: number }[] = [];
  for (const entry of order) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += entry.weight;
    if (lightest === shard.index - 1) mine.push(entry);
  }
  return mine.sort((a, b) => a.position - b.position).map((entry) => entry.item);
}
