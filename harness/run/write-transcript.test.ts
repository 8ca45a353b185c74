// Writing an updated transcript: in one rename, keeping its mode, never over an edit made meanwhile.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir } from "../sandbox/temp-dir.js";
import { parseTranscript } from "../transcript/index.js";
import { outcomesFor } from "./test-outcomes.js";
import { planUpdates } from "./update.js";
import { CHANGED_SINCE_READ, writeTranscript, writeUpdatePlan } from "./write-transcript.js";

let dir = "";
let removeDir = async () => {};

beforeAll(async () => {
  ({ path: dir, remove: removeDir } = await createTempDir("write-test"));
});

afterAll(() => removeDir());

const READ = ">>> x\nold\n";
const NEW = ">>> x\nnew\n";

describe("writeTranscript", () => {
  it.each([
    { name: "unchanged file: replaced", onDisk: READ, written: true, after: NEW },
    { name: "edited while it ran: the edit is kept", onDisk: ">>> x\nedited\n", written: false, after: ">>> x\nedited\n" },
    { name: "removed while it ran: not made again", onDisk: null, written: false, after: null },
  ])("$name", ({ name, onDisk, written, after }) => {
    const file = path.join(dir, `${name.split(":")[0]!.replaceAll(" ", "-")}.md`);
    fs.writeFileSync(file, READ, { mode: 0o640 });
    const inode = fs.statSync(file).ino;
    if (onDisk === null) fs.rmSync(file);
    else if (onDisk !== READ) fs.writeFileSync(file, onDisk);
    expect(writeTranscript(file, READ, NEW)).toBe(written);
    expect(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null).toBe(after);
    if (written) {
      const stat = fs.statSync(file);
      expect({ renamedOver: stat.ino !== inode, mode: stat.mode & 0o777 }).toEqual({ renamedOver: true, mode: 0o640 });
    }
    expect(fs.readdirSync(dir).filter((entry) => entry.endsWith(".tmp"))).toEqual([]);
  });
});

describe("writeUpdatePlan", () => {
  it("refuses every update of a file that changed, saying so", () => {
    const file = path.join(dir, "plan.md");
    const transcript = parseTranscript(">>> a\nold a\n\n>>> b\nold b\n", file);
    const plan = planUpdates(transcript, outcomesFor(transcript, ["new a\n", "new b\n"]));
    fs.writeFileSync(file, transcript.text + "\nA paragraph added meanwhile.\n");
    const result = writeUpdatePlan(file, transcript.text, plan);
    expect({ updated: result.updated.length, refused: result.refused.map((entry) => `${entry.example.sourceLine}: ${entry.reason}`) }).toEqual({
      updated: 0,
      refused: [`1: ${CHANGED_SINCE_READ}`, `4: ${CHANGED_SINCE_READ}`],
    });
    expect(fs.readFileSync(file, "utf8")).toContain("A paragraph added meanwhile.");
  });
});
