// Test support: an Io for running commands in the test's process, fixed clock and ids unless a test says otherwise.
import type { Io } from "./io.js";

/** An Io with the given cwd, env and output writers; the rest fixed: no input, time 0, one run id, pid 1. */
export function testIo(fields: Pick<Io, "cwd" | "env" | "stdout" | "stderr"> & Partial<Io>): Io {
  return {
    readLine: async () => null,
    nowMicros: () => 0,
    newRunId: () => "0".repeat(32),
    randomSeed: () => 0,
    hostname: "host",
    pid: 1,
    nextEventWriterId: () => 0,
    interrupt: new AbortController().signal,
    ...fields,
  };
}
