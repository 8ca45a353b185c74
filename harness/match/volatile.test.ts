// Table-driven tests of what update mode takes for a value that differs from run to run.
import { describe, expect, it } from "vitest";
import { redactVolatile } from "./volatile.js";

const KNOWN = ["/tmp/transcript-1-aB3", "3634ab5d42cb11efb7e1a4bb6d9f0c21", "3634ab5d"];

describe("redactVolatile", () => {
  it.each([
    { line: "started: 2024-01-02 03:04:05", redacted: "started: ..." },
    { line: "at 2024-01-02T03:04:05.123456+00:00.", redacted: "at ...." },
    { line: "Mon Nov 30 15:19:30 UTC 2026", redacted: "..." },
    { line: "at Tue Dec  1 01:02:03 2026.", redacted: "at ...." },
    { line: "time: 0:00:01", redacted: "time: ..." },
    { line: "took 12:03:04.5 s", redacted: "took ... s" },
    { line: "id: 0123456789abcdef0123456789abcdef", redacted: "id: ..." },
    { line: "started=1704164645123456", redacted: "started=..." },
    { line: "pid: 4242, PID=17, pid 9", redacted: "pid: ..., PID=..., pid ..." },
    { line: "/tmp/tmpab12_x9z/file", redacted: "/tmp/.../file" },
    { line: "[1:3634ab5d]  op", redacted: "[1:...]  op" },
    { line: "/tmp/transcript-1-aB3/guild-home/runs/3634ab5d42cb11efb7e1a4bb6d9f0c21", redacted: ".../guild-home/runs/..." },
    { line: "3634ab5d42cb11efb7e1a4bb6d9f0c21 2024-01-02 03:04:05", redacted: "... ..." },
    { line: "...3634ab5d", redacted: "..." },
    { line: "a3634ab5d or 3634ab5d9", redacted: "a3634ab5d or 3634ab5d9" },
    { line: "version 1.2.3, 12 runs, 10:30, 2024-01-02", redacted: "version 1.2.3, 12 runs, 10:30, 2024-01-02" },
    { line: "deadbeef is not a run", redacted: "deadbeef is not a run" },
    { line: "spid 12", redacted: "spid 12" },
  ])("$line", ({ line, redacted }) => {
    expect(redactVolatile(line, KNOWN)).toBe(redacted);
  });
});
