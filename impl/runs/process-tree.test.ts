// Stopping a process tree against a fake process table: who is signalled, in what order, and who is reported alive.
import { expect, test } from "vitest";
import { descendants, killProcessTree, type ProcessHost } from "./process-tree.js";

/** A process table where each process dies on the signals listed for it; time moves only when waited on. */
function fakeHost(parents: [number, number][], diesOn: Readonly<Record<number, readonly NodeJS.Signals[]>>) {
  const live = new Map(parents);
  const sent: string[] = [];
  let clock = 0;
  const host: ProcessHost = {
    parents: () => new Map(live),
    signal(pid, signal) {
      sent.push(`${signal} ${pid}`);
      if (diesOn[pid]?.includes(signal)) live.delete(pid);
    },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { host, sent };
}

const TREE: [number, number][] = [
  [10, 1],
  [11, 10],
  [12, 11],
  [20, 1],
];

test("descendants are found through every generation, and only those", () => {
  expect(descendants(10, new Map(TREE))).toEqual([11, 12]);
  expect(descendants(20, new Map(TREE))).toEqual([]);
});

const cases: { name: string; diesOn: Readonly<Record<number, readonly NodeJS.Signals[]>>; force: boolean; alive: number[] }[] = [
  { name: "all end on SIGTERM", diesOn: { 10: ["SIGTERM"], 11: ["SIGTERM"], 12: ["SIGTERM"] }, force: false, alive: [] },
  { name: "SIGKILL with force", diesOn: { 10: ["SIGKILL"], 11: ["SIGKILL"], 12: ["SIGKILL"] }, force: true, alive: [] },
  { name: "a child ignoring SIGTERM is reported", diesOn: { 10: ["SIGTERM"], 11: ["SIGTERM"] }, force: false, alive: [12] },
];

test.each(cases)("$name", async ({ diesOn, force, alive }) => {
  const { host, sent } = fakeHost(TREE, diesOn);
  const signal = force ? "SIGKILL" : "SIGTERM";
  expect(await killProcessTree(10, { force, timeoutMs: 1000, childTermTimeoutMs: 100 }, host)).toEqual(alive);
  expect(sent).toEqual([`${signal} 10`, `${signal} 11`, `${signal} 12`]);
});
