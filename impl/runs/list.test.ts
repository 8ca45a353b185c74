import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listRuns } from "./list.js";
import { makeFixture, micros, writeRun, type Fixture } from "./run-fixtures.test-support.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

describe("listRuns", () => {
  it("orders by started, else initialized, newest first; runs with neither last", () => {
    fixture = makeFixture();
    writeRun(fixture, { id: "a".repeat(32), started: micros("2026-01-01T00:00:01Z") });
    writeRun(fixture, { id: "b".repeat(32), initialized: micros("2026-01-01T00:00:03Z") });
    writeRun(fixture, { id: "c".repeat(32) });
    writeRun(fixture, { id: "d".repeat(32), initialized: micros("2026-01-01T00:00:09Z"), started: micros("2026-01-01T00:00:02Z") });
    fs.mkdirSync(path.join(fixture.home, "runs", "not-a-run"));
    const ids = listRuns(fixture.home, { env: {} }).map((run) => run.id[0]);
    expect(ids).toEqual(["b", "d", "a", "c"]);
  });

  it("lists the trash with deleted", () => {
    fixture = makeFixture();
    writeRun(fixture, { id: "a".repeat(32), started: 1 });
    writeRun(fixture, { id: "b".repeat(32), started: 2, deleted: true });
    expect(listRuns(fixture.home, { env: {}, deleted: true }).map((run) => run.id[0])).toEqual(["b"]);
  });

  it("with GUILD_RUNS_PARENT sees only runs linked from the parent and directly under the runs dir", () => {
    fixture = makeFixture();
    const parent = "p".repeat(32);
    writeRun(fixture, { id: parent, started: 1 });
    writeRun(fixture, { id: "a".repeat(32), started: 2 });
    writeRun(fixture, { id: "b".repeat(32), started: 3 });
    const parentDir = fixture.runDir(parent);
    fs.symlinkSync(`../${"a".repeat(32)}`, path.join(parentDir, "step-1"));
    fs.symlinkSync("/tmp", path.join(parentDir, "elsewhere"));
    const ids = listRuns(fixture.home, { env: { GUILD_RUNS_PARENT: parent } }).map((run) => run.id);
    expect(ids).toEqual(["a".repeat(32)]);
  });

  // Listing speed is a row of `npm run bench`; here 1,000 runs only check order and count.
  it("lists 1,000 runs newest first", () => {
    fixture = makeFixture();
    for (let index = 0; index < 1000; index++) {
      const dir = path.join(fixture.home, "runs", index.toString(16).padStart(32, "0"));
      fs.mkdirSync(path.join(dir, ".guild", "attrs"), { recursive: true });
      fs.writeFileSync(path.join(dir, ".guild", "opref"), "guildfile:/p/guild.yml abc m1 hello");
      fs.writeFileSync(path.join(dir, ".guild", "attrs", "started"), `${1000 + index}\n`);
    }
    const runs = listRuns(fixture.home, { env: {} });
    expect(runs.length).toBe(1000);
    expect(runs[0].id).toBe((999).toString(16).padStart(32, "0"));
  });
});
