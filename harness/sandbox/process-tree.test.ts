// processesOf on a made-up /proc: the group, the descendants, and tagged processes (all, or those of one group).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { PROCESS_TAG_VARIABLE, processesOf, processGroupOf } from "./process-tree.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "proc-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A process in the fake /proc: pid, parent, group, state and tag. */
function fakeProcess(pid: number, ppid: number, pgid: number, tag: string | null, state = "S"): void {
  const dir = path.join(root, String(pid));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "stat"), `${pid} (some (name)) ${state} ${ppid} ${pgid} ${pgid} 0`);
  fs.writeFileSync(path.join(dir, "environ"), ["PATH=/bin", ...(tag ? [`${PROCESS_TAG_VARIABLE}=${tag}`] : [])].join("\0") + "\0");
}

fakeProcess(100, 1, 100, null); // the harness
fakeProcess(200, 100, 100, "cmd"); // an op the hosted command started
fakeProcess(300, 1, 300, "cmd"); // a daemon it started, in a group of its own
fakeProcess(400, 1, 400, "cmd/sub"); // a process under the command's tag
fakeProcess(500, 100, 100, "other"); // another command's
fakeProcess(600, 1, 600, "cmd", "Z"); // dead

describe("processesOf", () => {
  test("a tag finds every live process carrying it or a tag under it", () => expect(processesOf({ tag: "cmd" }, root).sort()).toEqual([200, 300, 400]));
  test("with tagGroup, only the tagged processes of that group", () => expect(processesOf({ tag: "cmd", tagGroup: 100 }, root)).toEqual([200]));
  test("a pid finds its group and descendants", () => expect(processesOf({ pid: 100 }, root).sort()).toEqual([100, 200, 500]));
  test("processGroupOf reads the group", () => {
    expect(processGroupOf(300, root)).toBe(300);
    expect(processGroupOf(999, root)).toBeUndefined();
  });
});
