import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { argsFor, captureContext } from "./command-context.test-support.js";
import { localTime, makeFixture, micros, writeRun, type Fixture } from "../runs/run-fixtures.test-support.js";
import type { CommandArgs } from "../cli/options.js";
import { makeRunsInfoCommand } from "./runs-info.js";
import type { ScalarReader } from "../runs/info.js";

let fixture: Fixture;
afterEach(() => fixture?.cleanup());

async function info(overrides: Partial<CommandArgs<ReturnType<typeof makeRunsInfoCommand>>> = {}, readScalars?: ScalarReader) {
  const command = makeRunsInfoCommand(readScalars);
  const captured = captureContext(fixture, "guild runs info");
  const code = await command.run!(argsFor(command, overrides), captured.ctx);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const summary = (prefix: string, tag: string, lastValue: number) => ({
  prefix, tag, lastValue, lastStep: 0, firstValue: lastValue, firstStep: 0, minValue: lastValue, minStep: 0, maxValue: lastValue, maxStep: 0, avgValue: lastValue, total: lastValue, count: 1,
});

describe("guild runs info", () => {
  it("prints the observed layout for a labeled, tagged run", async () => {
    fixture = makeFixture();
    const id = "31977bf0a12242d8a34613f451459770";
    writeRun(fixture, {
      id, model: "m1", op: "hello", started: micros("2026-11-25T14:32:13Z"), stopped: micros("2026-11-25T14:32:13.5Z"), exitStatus: 0,
      label: "lbl", tags: ["blue"], flags: { msg: "hi" }, cmd: ["/usr/bin/python3", "-um", "guild.op_main", "step", "--", "--msg", "hi"],
      rawAttrs: { sourcecode_digest: "c46e882d4e5705dbd2176c2c639c5bfc\n", host: "vm\n" },
    });
    const result = await info();
    expect(result.stdout).toBe(
      [
        `id: ${id}`,
        "operation: m1:hello",
        `from: ${path.join(fixture.project, "guild.yml")}`,
        "status: completed",
        `started: ${localTime("2026-11-25T14:32:13Z")}`,
        `stopped: ${localTime("2026-11-25T14:32:13Z")}`,
        "marked: no",
        "label: lbl",
        "sourcecode_digest: c46e882d4e5705dbd2176c2c639c5bfc",
        "vcs_commit: ",
        `run_dir: ${fixture.runDir(id)}`,
        "command: /usr/bin/python3 -um guild.op_main step -- --msg hi",
        "exit_status: 0",
        "pid: ",
        "tags:",
        "  - blue",
        "flags:",
        "  msg: hi",
        "scalars:",
        "",
      ].join("\n"),
    );
  });

  it("prints float flags, quoted command args, other attrs such as steps, and sorted scalars", async () => {
    fixture = makeFixture();
    const id = "882ccdf67e50470e911f57f4c91be692";
    writeRun(fixture, {
      id, model: "m4", op: "end-to-end", started: micros("2026-11-25T14:32:08Z"), exitStatus: 0, label: "acc=0.5 loss=1.0",
      cmd: ["python", "step", "--msg", "hello step-2", ""],
      rawAttrs: { flags: "acc: 0.5\nloss: 1.0\n", sourcecode_digest: "null\n", steps: "- prepare --needed\n- train loss=${loss}\n- name: eval\n  run: evaluate acc=${acc}\n" },
    });
    const scalars: ScalarReader = () => [summary("train/.guild", "loss", 1), summary("eval/.guild", "acc", 0.5), summary(".guild", "sys/cpu", 3)];
    const result = await info({}, scalars);
    const lines = result.stdout.split("\n");
    expect(lines.slice(8, 9)).toEqual(["sourcecode_digest: "]);
    expect(lines.slice(11, 12)).toEqual(['command: python step --msg "hello step-2" ""']);
    expect(lines.slice(14)).toEqual([
      "steps: ",
      "  prepare --needed",
      "  train loss=${loss}",
      "  ",
      "  name: eval",
      "  run: evaluate acc=${acc}",
      "tags:",
      "flags:",
      "  acc: 0.5",
      "  loss: 1.0",
      "scalars:",
      "  eval/.guild#acc: 0.500000 (step 0)",
      "  train/.guild#loss: 1.000000 (step 0)",
      "",
    ]);
  });

  it("selects by index and reports no runs", async () => {
    fixture = makeFixture();
    await expect(info()).rejects.toThrow("no matching runs");
    writeRun(fixture, { id: "a".repeat(32), started: 2 });
    writeRun(fixture, { id: "b".repeat(32), started: 1 });
    expect((await info({ run: "2" })).stdout).toMatch(/^id: b{32}\n/);
    expect((await info({ run: "1" })).stdout).toMatch(/status: error\n/);
  });
});
